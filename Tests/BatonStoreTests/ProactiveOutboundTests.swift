import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// When the team is back: the agent opens a captured conversation with one key, and on WhatsApp, once the
/// customer's 24-hour window has closed, the bot platform is told a template message is required.
@Suite struct ProactiveOutboundTests {
    let t0 = StoreFixtures.t0

    @Test func aWhatsAppCustomerWhoWroteOverADayAgoGetsTheAgentsMessagesAsTemplates() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["billing"]))
        for (id, channel) in [("wa", Channel.whatsapp), ("web", Channel.webchat), ("fresh", Channel.whatsapp)] {
            _ = try store.record(StoreFixtures.conversation(id, channel: channel), now: t0)
            try store.handoff(StoreFixtures.request(id, afterHours: true), now: t0)
        }
        // The team is back 30 hours after the customers wrote (a weekend): WhatsApp refuses free text by now.
        let later = t0.addingTimeInterval(30 * 3600)
        _ = try store.sweep(now: later, queues: [QueueConfig(name: "billing")])
        // One customer wrote again this morning: their window is open.
        _ = try store.record(Conversation(id: "fresh", channel: .whatsapp, customer: Customer(id: "cust-fresh", name: "Ana Souza"),
                                          messages: StoreFixtures.conversation("fresh").messages
                                            + [Message(role: .customer, text: "still there?", at: later.addingTimeInterval(-3600))]),
                             now: later.addingTimeInterval(-3600))
        for id in ["wa", "web", "fresh"] {
            try store.claim(threadID: id, agent: "ana", now: later)
            try store.reply(threadID: id, agent: "ana", text: "Hi Ana, I saw your message and I'm on it.", now: later)
        }
        let events = try store.outbox(afterID: 0, limit: 100, includeDelivered: true)
        func kinds(_ id: String) -> [OutboxKind] {
            events.filter { $0.threadID == id && ($0.kind == .agentIntroduction || $0.kind == .agentReply || $0.kind == .templateRequired) }
                .map(\.kind)
        }
        #expect(kinds("wa") == [.templateRequired, .templateRequired])
        #expect(kinds("web") == [.agentIntroduction, .agentReply])
        #expect(kinds("fresh") == [.agentIntroduction, .agentReply])
        let template = try #require(events.last { $0.threadID == "wa" })
        #expect(template.kind.isCustomerFacing)
        #expect(template.text == "Hi Ana, I saw your message and I'm on it.")
        #expect(template.holder == .human)
    }
}
