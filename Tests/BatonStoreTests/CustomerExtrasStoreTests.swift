import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `customer.attributes` and `customer.pages` stored with the conversation and carried into the packet.
@Suite struct CustomerExtrasStoreTests {
    let t0 = StoreFixtures.t0
    let attributes = [CustomerAttribute(name: "account name", value: .string("Acme \"Ltd\"")),
                      CustomerAttribute(name: "contract value", value: .number(12000.5)),
                      CustomerAttribute(name: "churned", value: .bool(false))]

    func customer(pages: [PageVisit] = [], attributes: [CustomerAttribute] = []) -> Customer {
        Customer(id: "cust-9", name: "Rosa Díaz", language: "en", attributes: attributes, pages: pages)
    }

    @Test func messageEventsKeepTheAttributesAndPagesSentFirstAndThePacketShowsThem() throws {
        let store = try SQLiteHandoffStore.inMemory()
        var config = BatonConfig()
        config.engine.pageRules = [PageRule(name: "pricing", pattern: "/pricing*", minVisits: 2, withinDays: 7, effect: .buyingIntent)]
        let dispatcher = Dispatcher(store: store, config: config, clock: { [t0] in t0 })
        let pages = [PageVisit(url: "/pricing", title: "Pricing", at: t0 - 86_400), PageVisit(url: "/pricing/teams", at: t0 - 600)]
        _ = try dispatcher.ingest(.message(conversationID: "e1", channel: .webchat, customer: customer(attributes: attributes),
                                           message: Message(role: .customer, text: "hello", at: t0 - 3600)))
        #expect(try store.conversation(id: "e1")?.customer.attributes == attributes)
        // A later event with the customer again but no attributes keeps them; its pages are stored.
        guard case .handedOff = try dispatcher.ingest(.message(conversationID: "e1", channel: nil, customer: customer(pages: pages),
                                                               message: Message(role: .customer, text: "what is the price?", at: t0))) else {
            Issue.record("expected the page rule to hand off")
            return
        }
        let stored = try #require(try store.conversation(id: "e1"))
        #expect(stored.customer.attributes == attributes)
        #expect(stored.customer.pages == pages)
        let packet = try #require(try store.thread(id: "e1")?.packet)
        #expect(packet.primary.rule == "pages/pricing")
        #expect(packet.profile.attributes == attributes)
        #expect(packet.profile.pages == pages)
        #expect(packet.profile.pageSignals.map(\.visits) == [2])
    }

    @Test func packetColumnsAreWrittenAsJSONEncoderWritesThem() throws {
        var packet = StoreFixtures.packet("c1")
        packet.profile.attributes = attributes
        packet.profile.pages = [PageVisit(url: "https://x.example/a?b=\"c\"", title: "A \u{1B}[31m", at: t0), PageVisit(url: "/b", at: t0 + 0.25)]
        packet.profile.pageSignals = [PageSignal(rule: "r", pattern: "/a*", visits: 2, windowDays: 7, paths: ["/a"], effect: "buying_intent")]
        let ours = try StoreJSON.packet(packet)
        let parsedOurs = try JSONSerialization.jsonObject(with: Data(ours)) as? NSObject
        let parsedTheirs = try JSONSerialization.jsonObject(with: JSONEncoder().encode(packet)) as? NSObject
        #expect(parsedOurs != nil && parsedOurs == parsedTheirs)
        #expect(try JSONDecoder().decode(ContextPacket.self, from: Data(ours)) == packet)
        #expect(throws: StoreError.self) {
            try StoreJSON.attributes([CustomerAttribute(name: "x", value: .number(.infinity))])
        }
    }
}
