import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore

/// Every state change leaves an audit row, and the database refuses to rewrite history.
@Suite struct AuditTrailTests {
    let t0 = StoreFixtures.t0

    @Test func everyOperationAppendsOneAuditRow() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        let deadline = t0.addingTimeInterval(300)
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(1))
        try store.reply(threadID: "c1", agent: "ana", text: "hi", now: t0.addingTimeInterval(2))
        try store.note(threadID: "c1", agent: "ana", text: "vip", now: t0.addingTimeInterval(3))
        try store.requeue(threadID: "c1", actor: "ana", reason: "end of shift", pickupDeadline: deadline, now: t0.addingTimeInterval(4))
        try store.claim(threadID: "c1", agent: "bo", now: t0.addingTimeInterval(5))
        try store.release(threadID: "c1", agent: "bo", note: "answered, AI can continue", now: t0.addingTimeInterval(6))
        try store.handoff(StoreFixtures.request("c1"), now: t0.addingTimeInterval(7))
        try store.claim(threadID: "c1", agent: "bo", now: t0.addingTimeInterval(8))
        try store.resolve(threadID: "c1", agent: "bo", disposition: .duplicate, note: nil, now: t0.addingTimeInterval(9))

        let trail = try store.audit(threadID: "c1", limit: 100)
        #expect(trail.map(\.action) == [.handoff, .claim, .reply, .note, .requeue, .claim, .release, .handoff, .claim, .resolve])
        #expect(trail.map(\.actor) == ["system", "ana", "ana", "ana", "ana", "bo", "bo", "system", "bo", "bo"])
        #expect(trail.map(\.fromState) == [.ai, .queued, .claimed, .claimed, .claimed, .queued, .claimed, .ai, .queued, .claimed])
        #expect(trail.map(\.toState) == [.queued, .claimed, .claimed, .claimed, .queued, .claimed, .ai, .queued, .claimed, .resolved])
        #expect(trail.map(\.at) == (0...9).map { t0.addingTimeInterval(Double($0)) })
        #expect(trail[4].reason == "end of shift")
        #expect(trail[6].reason == "answered, AI can continue")
        #expect(trail[9].reason == "duplicate")
        // The global trail and the detail agree; the limit keeps the latest entries.
        #expect(try store.audit(threadID: nil, limit: 2).map(\.action) == [.claim, .resolve])
        #expect(try store.thread(id: "c1")?.audit == trail)
    }

    @Test func refusedOperationsLeaveNoAuditRow() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        _ = try? store.claim(threadID: "c1", agent: "bo", now: t0)
        _ = try? store.reply(threadID: "c1", agent: "bo", text: "x", now: t0)
        #expect(try store.audit(threadID: "c1", limit: 100).count == 2)
    }

    @Test func theDatabaseRefusesToUpdateOrDeleteAuditRows() throws {
        let path = try StoreFixtures.temporaryPath()
        let store = try SQLiteHandoffStore(path: path)
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        try store.handoff(StoreFixtures.request("c1"), now: t0)

        // A second, raw connection: the triggers live in the database, not in Baton's code.
        let raw = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE audit SET actor = 'mallory'") }
        }
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "DELETE FROM audit") }
        }
        do {
            try raw.write { try $0.execute(sql: "DELETE FROM audit") }
        } catch let error as DatabaseError {
            #expect(error.message?.contains("append-only") == true)
        }
        #expect(try store.audit(threadID: "c1", limit: 10).map(\.actor) == ["system"])
    }
}
