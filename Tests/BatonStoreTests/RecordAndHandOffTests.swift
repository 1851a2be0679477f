import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `HandoffStore.record(_:now:plan:)`: a batch and its handoffs are one transaction, planned on what it sees.
@Suite struct RecordAndHandOffTests {
    let t0 = StoreFixtures.t0

    struct PlanFailed: Error {}

    @Test func planningSeesTheStoreAsOfTheTransactionAndItsHandoffsAreStoredWithTheRecords() throws {
        let store = try StoreFixtures.storeWithQueuedThread("c1", queue: "billing")
        var again = StoreFixtures.conversation("c2")
        again.customer = StoreFixtures.conversation("c1").customer
        var seenOpen: [String: Int] = [:]
        var seenWaiting = 0
        let batch = try store.record([again, StoreFixtures.conversation("c3")], now: t0) { recorded, facts in
            #expect(recorded.map(\.conversation.id) == ["c2", "c3"])
            #expect(recorded.allSatisfy { $0.isNewThread && $0.state == .ai })
            seenOpen = try facts.openThreadCounts(customerIDs: recorded.map(\.conversation.customer.id))
            seenWaiting = try facts.queueCounts().first { $0.queue == "billing" }?.waiting ?? 0
            return [StoreFixtures.request("c2", queue: "billing")]
        }
        #expect(seenOpen == ["cust-c1": 1, "cust-c3": 0])
        #expect(seenWaiting == 1)
        #expect(batch.recorded.count == 2)
        guard case .success(let thread)? = batch.handoffs.first, batch.handoffs.count == 1 else {
            Issue.record("expected one successful handoff, got \(batch.handoffs)")
            return
        }
        #expect(thread.id == "c2" && thread.state == .queued && thread.queue == "billing")
        #expect(try store.thread(id: "c2")?.packet?.primary.reason == "customer asked for a person")
        #expect(try store.thread(id: "c3")?.summary.state == .ai)
        #expect(try store.audit(threadID: "c2", limit: 10).map(\.action) == [.handoff])
        #expect(try store.outbox(afterID: 0, limit: 10, includeDelivered: false).map(\.threadID) == ["c1", "c2"])
        #expect(try store.queueCounts(now: t0).first { $0.queue == "billing" }?.waiting == 2)
    }

    @Test func aRefusedHandoffIsReportedInItsSlotAndTheRestApply() throws {
        let store = try StoreFixtures.storeWithQueuedThread("c1")
        let batch = try store.record([StoreFixtures.conversation("c1"), StoreFixtures.conversation("c2")], now: t0) { _, _ in
            [StoreFixtures.request("c1"), StoreFixtures.request("c2")]
        }
        guard batch.handoffs.count == 2, case .failure(.notAllowed(_, let state)) = batch.handoffs[0],
              case .success = batch.handoffs[1] else {
            Issue.record("expected c1 refused and c2 handed off, got \(batch.handoffs)")
            return
        }
        #expect(state == .queued)
        #expect(try store.thread(id: "c2")?.summary.state == .queued)
    }

    @Test func aPlanThatFailsStoresNothingOfTheBatch() throws {
        let store = try SQLiteHandoffStore.inMemory()
        #expect(throws: PlanFailed.self) {
            try store.record([StoreFixtures.conversation("c1")], now: t0) { _, _ in throw PlanFailed() }
        }
        #expect(try store.conversation(id: "c1") == nil)
        #expect(try store.threadCount(ThreadQuery()) == 0)
    }

    @Test func aHandoffWithoutAQueueStoresNothingOfTheBatchAndNamesTheThread() throws {
        let store = try SQLiteHandoffStore.inMemory()
        var bad = StoreFixtures.request("c1")
        bad.queue = ""
        do {
            _ = try store.record([StoreFixtures.conversation("c1")], now: t0) { _, _ in [bad] }
            Issue.record("a handoff without a queue was accepted")
        } catch {
            #expect("\(error)".contains("c1"))
        }
        #expect(try store.conversation(id: "c1") == nil)
    }
}
