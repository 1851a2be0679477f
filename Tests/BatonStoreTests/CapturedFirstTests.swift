import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Conversations captured while the queue was closed or nobody was on shift surface first when the team is
/// back, ahead of conversations of a higher priority that arrived later (`QueueOrder`).
@Suite struct CapturedFirstTests {
    let t0 = StoreFixtures.t0

    /// `night` (low, after hours at t0), `nobody` (low, nobody on shift at t0+10), then, once open, `urgent`
    /// (high, t0+100) and `normal` (medium, t0+50).
    func storeAtOpening() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.staffedStore()
        for id in ["night", "nobody", "normal", "urgent"] { _ = try store.record(StoreFixtures.conversation(id), now: t0) }
        try store.handoff(StoreFixtures.request("night", priority: .low, afterHours: true), now: t0)
        var nobody = StoreFixtures.request("nobody", priority: .low, at: t0.addingTimeInterval(10))
        nobody.nobodyOnShift = true
        try store.handoff(nobody, now: t0.addingTimeInterval(10))
        try store.handoff(StoreFixtures.request("normal", priority: .medium, at: t0.addingTimeInterval(50)), now: t0.addingTimeInterval(50))
        try store.handoff(StoreFixtures.request("urgent", priority: .high, at: t0.addingTimeInterval(100)), now: t0.addingTimeInterval(100))
        // The queue opens: the after-hours thread joins it.
        #expect(try store.sweep(now: t0.addingTimeInterval(200), queues: [QueueConfig(name: "billing")]).opened == ["night"])
        return store
    }

    @Test func claimNextTakesCapturedConversationsBeforeLaterOnesOfHigherPriority() throws {
        let store = try storeAtOpening()
        let order = try (0..<4).map { index in
            try store.claimNext(agent: "ana", queues: ["billing"], now: t0.addingTimeInterval(300 + Double(index)))?.id
        }
        #expect(order == ["night", "nobody", "urgent", "normal"])
    }

    @Test func theQueueListsThemInTheSameOrderAndKeepsTheirPriorityShown() throws {
        let store = try storeAtOpening()
        let listed = try store.threads(ThreadQuery(queues: ["billing"], states: [.queued, .afterHours]))
        #expect(listed.map(\.id) == ["night", "nobody", "urgent", "normal"])
        #expect(listed.map(\.priority) == [.low, .low, .high, .medium])
        #expect(try store.threadPosition(ThreadQuery(queues: ["billing"]), id: "urgent") == 2)
    }

    @Test func aFollowUpMadeWhileTheTeamIsThereKeepsItsPlaceWithoutJumpingAhead() throws {
        let store = try StoreFixtures.staffedStore()
        for id in ["later", "urgent"] { _ = try store.record(StoreFixtures.conversation(id), now: t0) }
        try store.handoff(StoreFixtures.request("later", priority: .low), now: t0)
        try store.answerLater(threadID: "later", reason: "the customer chose to be answered later", customerMessage: nil, now: t0.addingTimeInterval(5))
        try store.handoff(StoreFixtures.request("urgent", priority: .high, at: t0.addingTimeInterval(10)), now: t0.addingTimeInterval(10))
        #expect(try store.claimNext(agent: "ana", queues: ["billing"], now: t0.addingTimeInterval(20))?.id == "urgent")
    }

    @Test func aThreadReopenedWhileOpenIsNoLongerCaptured() throws {
        let store = try storeAtOpening()
        try store.claim(threadID: "night", agent: "ana", now: t0.addingTimeInterval(300))
        try store.resolve(threadID: "night", agent: "ana", disposition: .solved, note: nil, now: t0.addingTimeInterval(310))
        try store.reopen(threadID: "night", pickupDeadline: t0.addingTimeInterval(900), afterHours: false, now: t0.addingTimeInterval(400))
        let listed = try store.threads(ThreadQuery(queues: ["billing"], states: [.queued]))
        #expect(listed.map(\.id) == ["nobody", "urgent", "normal", "night"])
    }
}
