import Foundation
import GRDB
import BatonCore

/// `checkInvariants()`: the store's promises, verified from its rows, for `baton check`, the fault tests and
/// the soak.
extension SQLiteHandoffStore {
    public func checkInvariants() throws -> [String] {
        try read { db in
            var problems: [String] = []
            func report(_ sql: String, _ describe: (Row) -> String) throws {
                for row in try Row.fetchAll(db, sql: sql + " LIMIT 20") { problems.append(describe(row)) }
            }
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.prefix(20).map { "integrity: \($0)" } }
            try report("SELECT \"table\", rowid FROM pragma_foreign_key_check") { "foreign key: row \($0[1] as Int64? ?? -1) of \($0[0] as String) points nowhere" }

            // The counters the queue bar reads agree with the threads.
            try report("""
                SELECT COALESCE(a.queue, c.queue), COALESCE(a.state, c.state), COALESCE(a.n, 0), COALESCE(c.threads, 0)
                FROM (SELECT queue, state, COUNT(*) AS n FROM threads GROUP BY queue, state) a
                FULL OUTER JOIN (SELECT queue, state, threads FROM thread_counts WHERE threads <> 0) c
                  ON a.queue = c.queue AND a.state = c.state
                WHERE COALESCE(a.n, 0) <> COALESCE(c.threads, 0)
                """) { "counts: \($0[0] as String) \($0[1] as String) holds \($0[2] as Int) threads, counted \($0[3] as Int)" }

            // One owner, and only while claimed.
            try report("SELECT id, state, owner FROM threads WHERE (state = 'claimed') <> (owner IS NOT NULL)") {
                "ownership: thread \($0[0] as String) is \($0[1] as String) with owner \(($0[2] as String?) ?? "none")"
            }
            try report("""
                SELECT id FROM threads WHERE state IN ('queued', 'after_hours') AND (queued_at IS NULL OR pickup_deadline IS NULL)
                """) { "waiting: thread \($0[0] as String) waits without a queue time or a pickup deadline" }

            // The audit trail is one unbroken chain per thread, ending in the thread's state.
            try report("""
                SELECT a.thread_id, a.id, a.from_state, p.to_state FROM audit a
                JOIN audit p ON p.id = (SELECT MAX(id) FROM audit WHERE thread_id = a.thread_id AND id < a.id)
                WHERE a.from_state IS NOT p.to_state
                """) { "audit: thread \($0[0] as String) entry \($0[1] as Int64) starts from \(($0[2] as String?) ?? "-"), the one before ended in \(($0[3] as String?) ?? "-")" }
            try report("""
                SELECT t.id, t.state, a.to_state FROM threads t
                JOIN audit a ON a.id = (SELECT MAX(id) FROM audit WHERE thread_id = t.id)
                WHERE a.to_state <> t.state
                """) { "audit: thread \($0[0] as String) is \($0[1] as String) but its last audit entry says \($0[2] as String)" }
            // Every step was one the lifecycle allows from where the thread was: a second claim of a claimed
            // thread (two owners) would show here.
            let allowed = LifecycleAction.allCases.flatMap { action in
                Lifecycle.sources(of: action).map { "('\(action.rawValue)', '\($0.rawValue)')" }
            }.joined(separator: ", ")
            try report("""
                WITH allowed(action, from_state) AS (VALUES \(allowed))
                SELECT a.thread_id, a.id, a.action, a.from_state FROM audit a
                WHERE a.from_state IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM allowed WHERE allowed.action = a.action AND allowed.from_state = a.from_state)
                """) { "audit: thread \($0[0] as String) entry \($0[1] as Int64): \($0[2] as String) is not allowed from \($0[3] as String)" }
            try report("""
                SELECT t.id, t.state FROM threads t WHERE t.state <> 'ai' AND NOT EXISTS (SELECT 1 FROM audit WHERE thread_id = t.id)
                """) { "audit: thread \($0[0] as String) is \($0[1] as String) with no audit entry" }

            // The bot's messages of a conversation are numbered 0..<count without gaps.
            try report("""
                SELECT c.id, c.bot_message_count, COUNT(m.id), MAX(m.idx) FROM conversations c
                LEFT JOIN messages m ON m.conversation_id = c.id AND m.idx IS NOT NULL
                GROUP BY c.id HAVING COUNT(m.id) <> c.bot_message_count OR COALESCE(MAX(m.idx), -1) <> c.bot_message_count - 1
                """) { "messages: conversation \($0[0] as String) counts \($0[1] as Int) messages, holds \($0[2] as Int)" }
            try report("SELECT c.id FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM threads WHERE id = c.id)") {
                "threads: conversation \($0[0] as String) has no thread"
            }

            // Delivery times come after creation.
            try report("SELECT id FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < created_at") {
                "outbox: message \($0[0] as Int64) delivered before it was written"
            }
            return problems
        }
    }
}
