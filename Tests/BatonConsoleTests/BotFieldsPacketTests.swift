import BatonCore
import BatonStore
import Foundation
import Testing
@testable import BatonConsole

/// The bot platform's own fields, kept with the conversation, show in the packet ("from the bot").
@Suite struct BotFieldsPacketTests {
    typealias F = ConsoleFixtures

    @Test func thePacketShowsTheBotsFieldsSanitized() throws {
        let store = try F.store()
        var first = Conversation(id: "t9", customer: Customer(id: "cust-t9", name: "Rui"),
                                 messages: [Message(role: .customer, text: "I was charged twice for order 1182")])
        first.botFields = [BotField(path: "order_ref", value: #""A-123""#), BotField(path: "crm\u{1B}[2J", value: "7")]
        _ = try store.record(first, now: F.t0.addingTimeInterval(-500))
        try F.handoff(store, id: "t9", customer: "Rui")
        let session = try F.session(store)
        let screen = F.screen(session)
        #expect(screen.contains(#"Bot   order_ref: "A-123" · crm␛[2J: 7"#), "\(screen)")
        #expect(!screen.contains("\u{1B}"))
    }
}

/// Webhook deliveries that gave up are visible in the supervisor view, not only in `baton webhooks failed`.
@Suite struct SupervisorWebhookTests {
    typealias F = ConsoleFixtures

    func supervisorView(_ store: SQLiteHandoffStore) throws -> ConsoleSession {
        let session = try F.session(store, agent: "sue", supervisor: true, size: TerminalSize(columns: 120, rows: 40), stats: F.stats)
        _ = session.handle(.character("S"))
        return session
    }

    @Test func failedWebhookDeliveriesShowInTheSupervisorView() throws {
        let store = try F.supervisorScene()
        let quiet = F.screen(try supervisorView(store))
        #expect(!quiet.contains("Webhooks"))

        try store.registerWebhookEndpoints([(name: "crm-bot", url: "http://127.0.0.1:9/hook")])
        try store.handoff(StoreRequests.request("late", store: store), now: F.t0)
        try store.scheduleWebhookDeliveries(endpoint: "crm-bot", kinds: nil, limit: 100, now: F.t0)
        let due = try store.dueWebhookDeliveries(endpoint: "crm-bot", now: F.t0, limit: 10, busy: [])
        #expect(!due.isEmpty)
        try store.recordWebhookAttempt(deliveryID: due[0].id, result: .init(next: .failed, status: 410, error: nil, seconds: 0.01),
                                       now: F.t0)
        let screen = F.screen(try supervisorView(store))
        #expect(screen.contains("Webhooks 1 failed (crm-bot 1) · baton webhooks failed / redeliver"), "\(screen)")
    }
}

/// A conversation recorded and handed off, for tests that need one more outbox event.
enum StoreRequests {
    static func request(_ id: String, store: SQLiteHandoffStore) throws -> HandoffRequest {
        _ = try store.record(Conversation(id: id, customer: Customer(id: "cust-\(id)", name: "Lia"),
                                          messages: [Message(role: .customer, text: "a person please")]), now: ConsoleFixtures.t0)
        return HandoffRequest(threadID: id, queue: "billing", priority: .medium, packet: try #require(store.thread(id: "t1")?.packet),
                              afterHours: false, pickupDeadline: ConsoleFixtures.t0.addingTimeInterval(300),
                              customerMessage: "Connecting you with our team.")
    }
}
