import Foundation
import GRDB
import BatonCore

/// Callback tasks: waiting threads (after hours or queued since opening) whose customer was promised a call.
extension SQLiteHandoffStore {
    public func callbacks(limit: Int, offset: Int) throws -> [CallbackTask] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(ThreadRow.columns), callback_at FROM threads INDEXED BY threads_callbacks
                WHERE \(StoreSchema.callbackTerm) ORDER BY callback_at, id LIMIT ? OFFSET ?
                """), arguments: [max(0, limit), max(0, offset)]).map { row in
                CallbackTask(thread: try ThreadRow.summary(row), dueAt: Date(storeValue: row[17] as Double))
            }
        }
    }

    public func callbackCount() throws -> Int {
        try read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM threads INDEXED BY threads_callbacks WHERE \(StoreSchema.callbackTerm)")) ?? 0
        }
    }
}
