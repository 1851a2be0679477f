import Foundation
import GRDB
import BatonCore

/// Follow-ups: a customer told the queue is full may choose to be answered later instead of waiting, and an
/// `acknowledge_close` queue keeps the request for its opening instead of giving it back to the AI.
extension SQLiteHandoffStore {
    public func answerLater(threadID: String, reason: String, customerMessage: String?, now: Date) throws {
        try write { db in
            // Said once: a customer who writes "later" twice is not told twice.
            let already = try Bool.fetchOne(db.cachedStatement(sql: "SELECT follow_up IS NOT NULL FROM threads WHERE id = ?"),
                                            arguments: [threadID])
            guard already == false else { return }
            var change = ThreadTransition(.answerLater, actor: Self.systemActor, reason: reason)
            change.set("follow_up", LifecycleAction.answerLater.rawValue)
            change.set("wait_promised_until", nil)
            try change.run(threadID: threadID, now: now, in: db)
            if let customerMessage {
                try Self.enqueue(db, threadID: threadID, kind: .waitUpdate, text: customerMessage, actor: Self.systemActor, now: now)
            }
        }
    }
}

/// A customer who leaves before anyone connects is kept for a written follow-up, not dropped.
extension SQLiteHandoffStore {
    /// Queued threads, not yet follow-ups, of queues with `leave_after`, whose customer has written nothing
    /// for that long (since the handoff, or since their last message): kept as follow-ups, in their place.
    static func keepSilentCustomersForFollowUp(now: Date, queues: [QueueConfig], in db: Database) throws -> [String] {
        var kept: [String] = []
        for queue in queues {
            guard let leaveAfter = queue.leaveAfter, kept.count < sweepBatchLimit else { continue }
            let before = now.addingTimeInterval(-leaveAfter).storeValue
            let ids = try String.fetchAll(db.cachedStatement(sql: """
                SELECT t.id FROM threads t
                WHERE t.state = 'queued' AND t.queue = ? AND t.follow_up IS NULL AND t.handed_off_at <= ?
                  AND COALESCE((SELECT MAX(m.at) FROM messages m WHERE m.conversation_id = t.id AND m.role = 'customer'), 0) <= ?
                ORDER BY t.queued_at LIMIT ?
                """), arguments: [queue.name, before, before, sweepBatchLimit - kept.count])
            for id in ids {
                var change = ThreadTransition(.answerLater, actor: sweeperActor,
                                              reason: "the customer has not written for \(Int(saturating: leaveAfter))s while waiting: kept for a written follow-up")
                change.set("follow_up", "left")
                change.set("wait_promised_until", nil)
                try change.run(threadID: id, now: now, in: db)
                kept.append(id)
            }
        }
        return kept
    }
}
