import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore

/// `checkInvariants()` finds what a crash or a race could break, and nothing in a sound store.
@Suite struct InvariantCheckTests {
    let t0 = StoreFixtures.t0

    func busyStore() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.staffedStore()
        for id in ["a", "b", "c"] {
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            try store.handoff(StoreFixtures.request(id), now: t0)
        }
        try store.claim(threadID: "a", agent: "ana", now: t0)
        try store.reply(threadID: "a", agent: "ana", text: "hi", now: t0)
        try store.resolve(threadID: "a", agent: "ana", disposition: .solved, note: nil, now: t0)
        try store.claim(threadID: "b", agent: "bo", now: t0)
        _ = try store.sweep(now: t0.addingTimeInterval(400), queues: [QueueConfig(name: "billing", pickupWindow: 300)])
        return store
    }

    @Test func aSoundStoreHasNoProblems() throws {
        #expect(try busyStore().checkInvariants() == [])
    }

    @Test("each kind of damage is named", arguments: [
        ("UPDATE threads SET owner = 'zed' WHERE id = 'c'", "ownership: thread c is queued with owner zed"),
        ("UPDATE thread_counts SET threads = threads + 1 WHERE queue = 'billing' AND state = 'queued'", "counts: billing queued holds 1 threads, counted 2"),
        ("INSERT INTO audit (thread_id, action, actor, from_state, to_state, at) VALUES ('b', 'claim', 'eve', 'claimed', 'claimed', 0)",
         "audit: thread b entry 9: claim is not allowed from claimed"),
        ("UPDATE threads SET state = 'resolved' WHERE id = 'c'", "audit: thread c is resolved but its last audit entry says queued"),
        ("DELETE FROM messages WHERE conversation_id = 'c' AND idx = 0", "messages: conversation c counts 2 messages, holds 1"),
    ])
    func damageIsNamed(_ damage: String, _ problem: String) throws {
        let store = try busyStore()
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS thread_counts_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_no_update")
            try db.execute(sql: damage)
        }
        let problems = try store.checkInvariants()
        #expect(problems.contains(problem), "\(problems)")
    }
}
