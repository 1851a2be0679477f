import Foundation
import Testing
import BatonCore
import GRDB
@testable import BatonStore

/// The sweeper works from an injected clock: no test sleeps.
@Suite struct SweepTests {
    let t0 = StoreFixtures.t0
    let billing = QueueConfig(name: "billing", pickupWindow: 300, expiry: 1800)

    @Test func pickupWindowBreachRaisesTheEscalationLevel() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        #expect(try store.sweep(now: t0.addingTimeInterval(299), queues: [billing]).isEmpty)

        let breach = t0.addingTimeInterval(301)
        let report = try store.sweep(now: breach, queues: [billing])
        #expect(report.escalated == ["c1"])
        let summary = try #require(try store.thread(id: "c1")).summary
        #expect(summary.escalationLevel == 1)
        #expect(summary.state == .queued)
        #expect(summary.queuedAt == t0)  // the customer's wait still counts from the handoff
        #expect(summary.pickupDeadline == breach.addingTimeInterval(300))
        #expect(try store.escalations(since: t0) == [EscalationNotice(threadID: "c1", queue: "billing", level: 1, at: breach, customerName: summary.customerName)])
        let entry = try #require(try store.audit(threadID: "c1", limit: 1).first)
        #expect(entry.action == .escalate)
        #expect(entry.actor == "sweeper")
        #expect(try store.queueCounts(now: breach).first?.escalations == 1)

        // Not again until the new window passes; then level 2.
        #expect(try store.sweep(now: breach.addingTimeInterval(10), queues: [billing]).isEmpty)
        _ = try store.sweep(now: breach.addingTimeInterval(301), queues: [billing])
        #expect(try store.thread(id: "c1")?.summary.escalationLevel == 2)
        #expect(try store.escalations(since: t0).map(\.level) == [2, 1])
    }

    @Test func escalatedThreadsSortFirstWithinTheirPriority() throws {
        let store = try StoreFixtures.staffedStore()
        for (index, id) in ["old", "new"].enumerated() {
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            try store.handoff(StoreFixtures.request(id, at: t0.addingTimeInterval(Double(index) * 200)),
                              now: t0.addingTimeInterval(Double(index) * 200))
        }
        _ = try store.sweep(now: t0.addingTimeInterval(501), queues: [billing])  // both breach
        _ = try store.sweep(now: t0.addingTimeInterval(1000), queues: [billing])  // both again
        // Equal levels: longest wait first.
        #expect(try store.threads(ThreadQuery()).map(\.id) == ["old", "new"])
    }

    @Test func idleClaimsExpirePerQueuePolicy() throws {
        let store = try StoreFixtures.staffedStore()
        let policies: [(String, ExpiryPolicy)] = [("q-ai", .returnToAI), ("q-resolve", .resolve), ("q-requeue", .requeue)]
        for (queue, _) in policies {
            _ = try store.record(StoreFixtures.conversation(queue), now: t0)
            try store.handoff(StoreFixtures.request(queue, queue: queue), now: t0)
            try store.claim(threadID: queue, agent: "ana", now: t0)
        }
        let configs = policies.map { QueueConfig(name: $0.0, pickupWindow: 300, expiry: 600, expiryPolicy: $0.1) }
        // Activity resets the clock.
        try store.reply(threadID: "q-ai", agent: "ana", text: "still here", now: t0.addingTimeInterval(500))
        let first = try store.sweep(now: t0.addingTimeInterval(700), queues: configs)
        #expect(Set(first.expired) == ["q-resolve", "q-requeue"])
        #expect(try store.thread(id: "q-resolve")?.summary.state == .resolved)
        let requeued = try #require(try store.thread(id: "q-requeue")).summary
        #expect(requeued.state == .queued)
        #expect(requeued.owner == nil)
        #expect(requeued.pickupDeadline == t0.addingTimeInterval(1000))
        #expect(try store.thread(id: "q-ai")?.summary.state == .claimed)
        // Every claim that ended records how long it was handled, whatever the expiry policy.
        #expect(try handleTimes(store) == ["q-requeue": [700], "q-resolve": [700]])

        let second = try store.sweep(now: t0.addingTimeInterval(1101), queues: configs)
        #expect(second.expired == ["q-ai"])
        #expect(try store.thread(id: "q-ai")?.summary.state == .ai)
        #expect(try store.audit(threadID: "q-ai", limit: 1).first?.action == .expire)
        #expect(try store.metricFacts(since: t0).conversations.first { $0.id == "q-resolve" }?.disposition == .expired)
        #expect(try store.outbox(afterID: 0, limit: 100, includeDelivered: false).filter { $0.actor == "sweeper" }.map(\.kind)
                == [.resolved, .pickupBreached, .releasedToAI])
    }

    @Test func aClaimEndedByRequeueOrTransferRecordsItsHandleTime() throws {
        let store = try StoreFixtures.storeWithQueuedThread("c1")
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        try store.requeue(threadID: "c1", actor: "ana", reason: nil, pickupDeadline: t0.addingTimeInterval(400), now: t0.addingTimeInterval(100))
        try store.claim(threadID: "c1", agent: "bo", now: t0.addingTimeInterval(150))
        try store.transfer(threadID: "c1", actor: "bo", toQueue: "general", reason: nil, pickupDeadline: t0.addingTimeInterval(500),
                           now: t0.addingTimeInterval(180))
        #expect(try handleTimes(store) == ["billing": [100], "general": [30]])
    }

    /// The handle times recorded, per queue.
    private func handleTimes(_ store: SQLiteHandoffStore) throws -> [String: [Double]] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT queue, seconds FROM handle_times ORDER BY id").reduce(into: [:]) { result, row in
                result[row[0] as String, default: []].append(row[1] as Double)
            }
        }
    }

    @Test func afterHoursThreadsJoinTheQueueAtOpening() throws {
        let store = try StoreFixtures.staffedStore()
        _ = try store.record(StoreFixtures.conversation("night"), now: t0)
        let handoff = try store.handoff(StoreFixtures.request("night", afterHours: true), now: t0)
        #expect(handoff.state == .afterHours)

        // Opens at 09:00 UTC every day.
        let utc = TimeZone(identifier: "UTC")!
        let hours = BusinessHours(weekly: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [DayInterval(start: 540, end: 1020)]) }),
                                  timeZone: utc)
        let queue = QueueConfig(name: "billing", hours: hours, pickupWindow: 300)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let day = calendar.startOfDay(for: t0.addingTimeInterval(86_400))
        let beforeOpening = day.addingTimeInterval(8 * 3600)
        let opening = day.addingTimeInterval(9 * 3600 + 60)
        #expect(try store.sweep(now: beforeOpening, queues: [queue]).isEmpty)
        #expect(try store.sweep(now: opening, queues: [queue]).opened == ["night"])
        let summary = try #require(try store.thread(id: "night")).summary
        #expect(summary.state == .queued)
        #expect(summary.pickupDeadline == opening.addingTimeInterval(300))
        #expect(try store.audit(threadID: "night", limit: 1).first?.action == .open)
    }

    @Test func aLargeBacklogIsWorkedOffOverSeveralSweeps() throws {
        let store = try StoreFixtures.staffedStore()
        let count = SQLiteHandoffStore.sweepBatchLimit + 5
        let ids = (0..<count).map { "t\($0)" }
        _ = try store.record(ids.map { StoreFixtures.conversation($0, messages: 1) }, now: t0)
        for id in ids { try store.handoff(StoreFixtures.request(id), now: t0) }
        let later = t0.addingTimeInterval(400)
        #expect(try store.sweep(now: later, queues: [billing]).escalated.count == SQLiteHandoffStore.sweepBatchLimit)
        #expect(try store.sweep(now: later, queues: [billing]).escalated.count == 5)
        #expect(try store.sweep(now: later, queues: [billing]).isEmpty)
        #expect(try store.escalations(since: t0).count == count)
    }

    @Test func unknownQueuesUseDefaultWindows() throws {
        let store = try StoreFixtures.storeWithQueuedThread(queue: "unconfigured")
        // Default pickup window is 300 s.
        #expect(try store.sweep(now: t0.addingTimeInterval(301), queues: []).escalated == ["c1"])
    }
}
