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
