import Foundation
import GRDB
import BatonCore

/// Breach notifications: the escalation rows the sweeper writes with each breach, worked off at least once.
extension SQLiteHandoffStore {
    private static let notificationColumns = "id, thread_id, queue, level, at, notify_attempts, notify_error"

    private static func notification(_ row: Row) -> BreachNotification {
        BreachNotification(id: row[0], threadID: row[1], queue: row[2], level: row[3], at: Date(storeValue: row[4] as Double),
                           attempts: row[5], lastError: row[6])
    }

    public func dueNotifications(now: Date, limit: Int) throws -> [BreachNotification] {
        try Validate.page(limit: limit, "notifications")
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.notificationColumns) FROM escalations INDEXED BY escalations_unnotified
                WHERE notified_at IS NULL AND notify_failed_at IS NULL AND (notify_next_at IS NULL OR notify_next_at <= ?)
                ORDER BY id LIMIT ?
                """), arguments: [now.storeValue, limit]).map(Self.notification)
        }
    }

    public func recordNotification(id: Int64, result: NotificationResult, now: Date) throws {
        try write { db in
            switch result {
            case .delivered, .skipped:
                try db.cachedStatement(sql: "UPDATE escalations SET notified_at = ?, notify_next_at = NULL WHERE id = ?")
                    .execute(arguments: [now.storeValue, id])
            case .failed(let error, let retryAt):
                try db.cachedStatement(sql: """
                    UPDATE escalations SET notify_attempts = notify_attempts + 1, notify_error = ?, notify_next_at = ?,
                        notify_failed_at = ? WHERE id = ?
                    """).execute(arguments: [error, retryAt?.storeValue, retryAt == nil ? now.storeValue : nil, id])
            }
            guard db.changesCount == 1 else { throw StoreError.invalidInput("no breach notification \(id)") }
        }
    }

    public func failedNotifications(limit: Int) throws -> [BreachNotification] {
        try Validate.page(limit: limit, "notifications")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.notificationColumns) FROM escalations WHERE notify_failed_at IS NOT NULL
                ORDER BY notify_failed_at DESC, id DESC LIMIT ?
                """, arguments: [limit]).map(Self.notification)
        }
    }

    @discardableResult
    public func retryFailedNotifications(now: Date) throws -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE escalations SET notify_failed_at = NULL, notify_attempts = 0, notify_next_at = ?
                WHERE notify_failed_at IS NOT NULL
                """, arguments: [now.storeValue])
            return db.changesCount
        }
    }
}
