import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Webhook deliveries are scheduled from the outbox and go out oldest first, one at a time per conversation.
@Suite struct WebhookStoreTests {
    let t0 = StoreFixtures.t0

    /// Two conversations handed off and claimed (three events each), then the endpoint "bot" registered.
    func storeWithEvents() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.staffedStore()
        for id in ["c1", "c2"] {
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            try store.handoff(StoreFixtures.request(id), now: t0)
            try store.claim(threadID: id, agent: "ana-\(id)", now: t0 + 1)
        }
        try store.registerWebhookEndpoints([(name: "bot", url: "http://127.0.0.1:9/hook")])
        return store
    }

    @Test func aNewEndpointStartsAtTheEndOfTheOutbox() throws {
        let store = try storeWithEvents()
        try store.registerWebhookEndpoints([(name: "late", url: "http://127.0.0.1:9/late")])
        #expect(try store.scheduleWebhookDeliveries(endpoint: "late", kinds: nil, limit: 100, now: t0) == 0)
        try store.resolve(threadID: "c1", agent: "ana-c1", disposition: .solved, note: nil, now: t0 + 2)
        #expect(try store.scheduleWebhookDeliveries(endpoint: "late", kinds: nil, limit: 100, now: t0) == 1)
        #expect(try store.dueWebhookDeliveries(endpoint: "late", now: t0, limit: 10, busy: []).map(\.event.kind) == [.resolved])
    }

    @Test func onlyTheOldestPendingDeliveryOfEachConversationIsDue() throws {
        let store = try storeWithEvents()
        #expect(try store.scheduleWebhookDeliveries(endpoint: "bot", kinds: nil, limit: 100, now: t0) == 0)
        try store.reply(threadID: "c1", agent: "ana-c1", text: "one", now: t0 + 2)
        try store.reply(threadID: "c1", agent: "ana-c1", text: "two", now: t0 + 3)
        try store.reply(threadID: "c2", agent: "ana-c2", text: "three", now: t0 + 4)
        #expect(try store.scheduleWebhookDeliveries(endpoint: "bot", kinds: nil, limit: 100, now: t0 + 5) == 3)

        var due = try store.dueWebhookDeliveries(endpoint: "bot", now: t0 + 5, limit: 10, busy: [])
        #expect(due.map(\.event.text) == ["one", "three"])
        // A conversation with a delivery in flight is skipped.
        #expect(try store.dueWebhookDeliveries(endpoint: "bot", now: t0 + 5, limit: 10, busy: ["c1"]).map(\.event.text) == ["three"])

        // "one" fails for now: "two" waits behind it, in order.
        try store.recordWebhookAttempt(deliveryID: due[0].id, result: .init(next: .retry(at: t0 + 60), status: 503, error: nil, seconds: 0.01),
                                       now: t0 + 6)
        try store.recordWebhookAttempt(deliveryID: due[1].id, result: .init(next: .delivered, status: 200, error: nil, seconds: 0.01), now: t0 + 6)
        #expect(try store.dueWebhookDeliveries(endpoint: "bot", now: t0 + 7, limit: 10, busy: []).isEmpty)
        #expect(try store.nextWebhookDue(endpoint: "bot") == t0 + 60)
        due = try store.dueWebhookDeliveries(endpoint: "bot", now: t0 + 60, limit: 10, busy: [])
        #expect(due.map(\.event.text) == ["one"])
        #expect(due.first?.attempts == 1)
        #expect(due.first?.firstAttemptAt == t0 + 6)
        #expect(due.first?.lastStatus == 503)

        // Given up: it is listed as failed and no longer holds "two" back.
        try store.recordWebhookAttempt(deliveryID: due[0].id, result: .init(next: .failed, status: 410, error: nil, seconds: 0.01), now: t0 + 61)
        #expect(try store.dueWebhookDeliveries(endpoint: "bot", now: t0 + 61, limit: 10, busy: []).map(\.event.text) == ["two"])
        let failed = try store.webhookDeliveries(state: .failed, endpoint: nil, limit: 10)
        #expect(failed.map(\.event.text) == ["one"])
        #expect(failed.first?.attempts == 2)
        #expect(try store.webhookBacklog() == [WebhookBacklog(endpoint: "bot", pending: 1, failed: 1)])

        // Redelivered: pending again, due now, with a fresh retry budget.
        #expect(try store.redeliverWebhooks(ids: [failed[0].id], endpoint: nil, now: t0 + 100) == 1)
        #expect(try store.webhookDeliveries(state: .failed, endpoint: nil, limit: 10).isEmpty)
        let again = try store.dueWebhookDeliveries(endpoint: "bot", now: t0 + 100, limit: 10, busy: [])
        #expect(again.map(\.event.text) == ["one"])
        #expect(again.first?.attempts == 0)
        #expect(again.first?.firstAttemptAt == nil)
    }

    @Test func anEndpointReceivesOnlyTheKindsItAskedFor() throws {
        let store = try storeWithEvents()
        try store.reply(threadID: "c1", agent: "ana-c1", text: "hi", now: t0 + 2)
        try store.resolve(threadID: "c1", agent: "ana-c1", disposition: .solved, note: nil, now: t0 + 3)
        #expect(try store.scheduleWebhookDeliveries(endpoint: "bot", kinds: [.resolved], limit: 100, now: t0) == 2)
        #expect(try store.dueWebhookDeliveries(endpoint: "bot", now: t0, limit: 10, busy: []).map(\.event.kind) == [.resolved])
        // The cursor moved past both: nothing is scheduled twice.
        #expect(try store.scheduleWebhookDeliveries(endpoint: "bot", kinds: nil, limit: 100, now: t0) == 0)
    }
}
