import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// A registered agent cannot hold more threads than their capacity.
@Suite struct CapacityTests {
    let t0 = StoreFixtures.t0

    @Test func claimsBeyondCapacityAreRefusedAndLeaveTheThreadQueued() throws {
        let store = try SQLiteHandoffStore.inMemory()
        for id in ["a", "b", "c"] {
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            try store.handoff(StoreFixtures.request(id), now: t0)
        }
        try store.add(Agent(id: "ana", name: "Ana", skills: ["billing"], capacity: 2))
        try store.claim(threadID: "a", agent: "ana", now: t0)
        try store.claim(threadID: "b", agent: "ana", now: t0)
        #expect(throws: LifecycleError.atCapacity(agent: "ana", capacity: 2)) { try store.claim(threadID: "c", agent: "ana", now: t0) }
        #expect(try store.thread(id: "c")?.summary.state == .queued)
        #expect(try store.audit(threadID: "c", limit: 10).map(\.action) == [.handoff])
        // Finishing one frees a slot.
        try store.resolve(threadID: "a", agent: "ana", disposition: .solved, note: nil, now: t0)
        #expect(try store.claim(threadID: "c", agent: "ana", now: t0).owner == "ana")
    }
}
