import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Promised callbacks as tasks with a due time, due first, through opening hours.
@Suite struct CallbackStoreTests {
    let t0 = StoreFixtures.t0

    @Test func callbacksAreListedDueFirstUntilSomeoneTakesThem() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["billing"]))
        for (id, due) in [("late", 7_200.0), ("soon", 600.0), ("none", nil)] {
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            var request = StoreFixtures.request(id, afterHours: true)
            request.callbackAt = due.map { t0.addingTimeInterval($0) }
            try store.handoff(request, now: t0)
        }
        let tasks = try store.callbacks(limit: 10, offset: 0)
        #expect(tasks.map(\.thread.id) == ["soon", "late"])
        #expect(tasks.map(\.dueAt) == [t0.addingTimeInterval(600), t0.addingTimeInterval(7_200)])
        #expect(tasks[0].isOverdue(at: t0.addingTimeInterval(601)) && !tasks[1].isOverdue(at: t0.addingTimeInterval(601)))
        #expect(try store.callbackCount() == 2)
        #expect(try store.callbacks(limit: 1, offset: 1).map(\.thread.id) == ["late"])
        // The queue opens: still a callback to make. Claimed: it is being made, so it leaves the list.
        _ = try store.sweep(now: t0, queues: [QueueConfig(name: "billing")])
        #expect(try store.callbacks(limit: 10, offset: 0).map(\.thread.state) == [.queued, .queued])
        try store.claim(threadID: "soon", agent: "ana", now: t0)
        #expect(try store.callbacks(limit: 10, offset: 0).map(\.thread.id) == ["late"])
        #expect(try store.callbackCount() == 1)
    }
}
