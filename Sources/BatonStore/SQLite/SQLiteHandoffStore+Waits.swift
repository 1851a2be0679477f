import Foundation
import GRDB
import BatonCore

/// Wait updates: waiting customers whose promised wait has passed (or whose thread was re-queued after a
/// breach) get a new estimate, written to the outbox with the new promise in one transaction.
extension SQLiteHandoffStore {
    public func sendWaitUpdates(now: Date, minimumInterval: TimeInterval,
                                plan: (_ due: [WaitingCustomer], _ facts: any PlanningFacts) throws -> [WaitUpdate]) throws -> [WaitUpdate] {
        try write { db in
            let due = try Self.customersOwedAnUpdate(now: now, minimumInterval: minimumInterval, in: db)
            guard !due.isEmpty else { return [] }
            let updates = try plan(due, SQLitePlanningFacts(db: db, now: now))
            let waiting = Set(due.map(\.threadID))
            let mark = try db.cachedStatement(sql: "UPDATE threads SET wait_promised_until = ?, wait_update_at = ? WHERE id = ? AND state = 'queued'")
            for update in updates where waiting.contains(update.threadID) {
                try Validate.text(update.text, "wait update of thread \(update.threadID)")
                try mark.execute(arguments: [update.promisedUntil?.storeValue, now.storeValue, update.threadID])
                try Self.enqueue(db, threadID: update.threadID, kind: .waitUpdate, text: update.text, actor: Self.sweeperActor, now: now)
            }
            return updates.filter { waiting.contains($0.threadID) }
        }
    }

    /// Queued threads past their promised wait, or re-queued by a breach since their last update (or their
    /// handoff), and not updated within `minimumInterval`; at most `sweepBatchLimit`, longest waiting first.
    /// Each comes with how many threads are before it in its queue's order (`threads_list`).
    static func customersOwedAnUpdate(now: Date, minimumInterval: TimeInterval, in db: Database) throws -> [WaitingCustomer] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.id, t.queue, t.language, t.customer_name, t.queued_at, t.wait_promised_until, t.wait_update_at,
                   (SELECT MAX(at) FROM escalations WHERE thread_id = t.id),
                   (SELECT COUNT(*) FROM threads o
                    WHERE o.state = 'queued' AND o.queue = t.queue
                      AND (o.priority_rank < t.priority_rank
                           OR (o.priority_rank = t.priority_rank AND o.escalation_level > t.escalation_level)
                           OR (o.priority_rank = t.priority_rank AND o.escalation_level = t.escalation_level
                               AND (o.queued_at < t.queued_at OR (o.queued_at = t.queued_at AND o.id < t.id)))))
            FROM threads t
            WHERE t.state = 'queued' AND t.queued_at IS NOT NULL AND t.follow_up IS NULL
              AND (t.wait_update_at IS NULL OR t.wait_update_at <= ?)
              -- The latest breach of this thread is one seek in escalations_by_thread, never a scan of the history.
              AND (t.wait_promised_until <= ?
                   OR (SELECT MAX(at) FROM escalations WHERE thread_id = t.id) > MAX(COALESCE(t.wait_update_at, t.queued_at), t.queued_at))
            ORDER BY t.queued_at, t.id LIMIT ?
            """), arguments: [now.addingTimeInterval(-minimumInterval).storeValue, now.storeValue, sweepBatchLimit])
        return rows.map { row in
            WaitingCustomer(threadID: row[0], queue: row[1], language: row[2], customerName: row[3],
                            ahead: row[8], queuedAt: Date(storeValue: row[4] as Double),
                            promisedUntil: (row[5] as Double?).map(Date.init(storeValue:)),
                            lastUpdateAt: (row[6] as Double?).map(Date.init(storeValue:)),
                            lastEscalationAt: (row[7] as Double?).map(Date.init(storeValue:)))
        }
    }
}
