import BatonCore
import BatonStore
import Foundation
import Testing
@testable import BatonConsole

/// The customer's attributes and the page rules that matched show in the packet, sanitized.
@Suite struct CustomerExtrasPacketTests {
    typealias F = ConsoleFixtures

    @Test func thePacketShowsAttributesAndPageSignalsSanitized() throws {
        let store = try F.store()
        try F.handoff(store, id: "t7", customer: "Rui")
        var packet = try #require(try store.thread(id: "t7")?.packet)
        packet.profile.attributes = [CustomerAttribute(name: "account_name", value: .string("Acme\u{1B}[2J Ltd")),
                                     CustomerAttribute(name: "contract value", value: .number(12000)),
                                     CustomerAttribute(name: "trial", value: .bool(true))]
        packet.profile.pages = [PageVisit(url: "/pricing", at: F.t0 - 600)]
        packet.profile.pageSignals = [PageSignal(rule: "pricing_interest", pattern: "/pricing*", visits: 3, windowDays: 7,
                                                 paths: ["/pricing", "/pricing/\u{1B}]52;c;x"], effect: "buying_intent")]
        let detail = try #require(try store.thread(id: "t7"))
        var withExtras = detail
        withExtras.packet = packet
        let model = PacketModel(withExtras)
        #expect(model.account == "account name: Acme␛[2J Ltd · contract value: 12000 · trial: yes")
        #expect(model.pages == ["pricing_interest: 3 visits to /pricing* in the last 7 days (/pricing, /pricing/␛]52;c;x) → buying_intent"])

        // Without a matching rule the most recent visits show instead.
        withExtras.packet?.profile.pageSignals = []
        #expect(PacketModel(withExtras).pages == ["recent: /pricing " + ISO8601.format(F.t0 - 600)])

        // On screen, under the trigger, without any escape reaching the terminal.
        let screenStore = try F.store()
        _ = try screenStore.record(Conversation(id: "t8", customer: Customer(id: "cust-t8", name: "Rui"),
                                                messages: packet.transcript), now: F.t0)
        packet.conversationID = "t8"
        try screenStore.handoff(HandoffRequest(threadID: "t8", queue: "billing", priority: .medium, packet: packet, afterHours: false,
                                               pickupDeadline: F.t0.addingTimeInterval(300), customerMessage: "Connecting you."), now: F.t0)
        let screen = F.screen(try F.session(screenStore, size: TerminalSize(columns: 120, rows: 40)))
        #expect(screen.contains("Acct  account name: Acme␛[2J Ltd · contract value: 12000 · trial…"), "\(screen)")
        #expect(screen.contains("Pages pricing_interest: 3 visits to /pricing* in the last 7 days"), "\(screen)")
        #expect(!screen.contains("\u{1B}"))
    }
}
