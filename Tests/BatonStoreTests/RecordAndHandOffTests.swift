import Foundation
import Testing
import GRDB
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
    /// Recording a batch and handing off in one transaction inserts a new thread already handed off; the
    /// rows must be exactly those that recording and then handing off in two steps leave.
    @Test func handingOffNewThreadsInTheirBatchStoresWhatTwoStepsWould() throws {
        let t1 = t0.addingTimeInterval(60)
        var known = StoreFixtures.conversation("e1")
        var sentTwice = StoreFixtures.conversation("n1")
        sentTwice.messages.append(Message(role: .customer, text: "still there?"))
        let batch = [StoreFixtures.conversation("n1"), StoreFixtures.conversation("n2"), known,
                     StoreFixtures.conversation("n3"), sentTwice, StoreFixtures.conversation("n4")]
        var requests = [StoreFixtures.request("n1", at: t1), StoreFixtures.request("e1", queue: "sales", at: t1),
                        StoreFixtures.request("n3", afterHours: true, at: t1), StoreFixtures.request("n4", priority: .high, at: t1),
                        StoreFixtures.request("n4", at: t1)]
        requests[3].suggestedAgent = "ana"
        requests[3].introduction = "Hi, I'm {agent}."
        requests[3].callbackAt = t1.addingTimeInterval(3600)

        let oneStep = try SQLiteHandoffStore.inMemory()
        let twoSteps = try SQLiteHandoffStore.inMemory()
        known.messages.removeLast()
        for store in [oneStep, twoSteps] { _ = try store.record(known, now: t0) }

        let together = try oneStep.record(batch, now: t1) { _, _ in requests }
        _ = try twoSteps.record(batch, now: t1)
        let apart = try twoSteps.handoff(requests, now: t1)
        #expect(together.handoffs == apart)
        guard case .failure(.notAllowed(.handoff, .queued)) = together.handoffs[4] else {
            Issue.record("a second handoff of n4 in the batch was not refused: \(together.handoffs[4])")
            return
        }
        for sql in ["SELECT * FROM threads ORDER BY id",
                    "SELECT * FROM conversations ORDER BY id",
                    "SELECT * FROM messages ORDER BY id",
                    "SELECT * FROM audit ORDER BY id",
                    "SELECT * FROM outbox ORDER BY id",
                    "SELECT * FROM thread_counts WHERE threads <> 0 ORDER BY queue, state"] {
            let expected = try twoSteps.writer.read { try Row.fetchAll($0, sql: sql) }
            let actual = try oneStep.writer.read { try Row.fetchAll($0, sql: sql) }
            #expect(actual == expected, "\(sql)")
            #expect(!expected.isEmpty, "\(sql)")
        }
        #expect(try oneStep.thread(id: "n2")?.summary.state == .ai)
        #expect(try oneStep.thread(id: "n3")?.summary.state == .afterHours)
    }
}

