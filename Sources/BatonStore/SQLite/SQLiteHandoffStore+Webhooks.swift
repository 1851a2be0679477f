import Foundation
import GRDB
import BatonCore

/// Webhook delivery state: which outbox events each endpoint still has to receive, and every attempt.
extension SQLiteHandoffStore {
    public func registerWebhookEndpoints(_ endpoints: [(name: String, url: String)]) throws {
        for endpoint in endpoints { try Validate.identifier(endpoint.name, "webhook name") }
        try write { db in
            let end = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM outbox") ?? 0
            for endpoint in endpoints {
                try db.execute(sql: """
                    INSERT INTO webhook_endpoints (name, url, cursor) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET url = excluded.url
                    """, arguments: [endpoint.name, endpoint.url, end])
            }
        }
    }

    @discardableResult
    public func scheduleWebhookDeliveries(endpoint: String, kinds: Set<OutboxKind>?, limit: Int, now: Date) throws -> Int {
        try Validate.page(limit: limit, "webhook scheduling")
        return try write { db in
            guard let cursor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT cursor FROM webhook_endpoints WHERE name = ?"),
                                                  arguments: [endpoint]) else {
                throw StoreError.invalidInput("no webhook endpoint \(endpoint)")
            }
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, thread_id, kind FROM outbox WHERE id > ? ORDER BY id LIMIT ?"),
                                        arguments: [cursor, limit])
            guard let last = rows.last?[0] as Int64? else { return 0 }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO webhook_deliveries (endpoint, outbox_id, thread_id, next_attempt_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (endpoint, outbox_id) DO NOTHING
                """)
            for row in rows {
                if let kinds, let kind = OutboxKind(rawValue: row[2]), !kinds.contains(kind) { continue }
                try insert.execute(arguments: [endpoint, row[0] as Int64, row[1] as String, now.storeValue])
            }
            try db.cachedStatement(sql: "UPDATE webhook_endpoints SET cursor = ? WHERE name = ?").execute(arguments: [last, endpoint])
            return rows.count
        }
    }

    static let deliveryColumns = """
        d.id, d.endpoint, d.state, d.attempts, d.next_attempt_at, d.first_attempt_at, d.last_attempt_at, d.last_status, d.last_error
        """

    static func delivery(_ row: Row) throws -> WebhookDelivery {
        let id: Int64 = row[0]
        guard let state = WebhookDeliveryState(rawValue: row[2]) else {
            throw StoreError.corrupt("webhook delivery \(id) has unknown state")
        }
        return WebhookDelivery(id: id, endpoint: row[1], event: try outboxMessage(row, from: 9), state: state, attempts: row[3],
                               nextAttemptAt: Date(storeValue: row[4] as Double), firstAttemptAt: Date(storeValue: row[5] as Double?),
                               lastAttemptAt: Date(storeValue: row[6] as Double?), lastStatus: row[7], lastError: row[8])
    }

    private static let outboxColumnsAsO = outboxColumns.split(separator: ",").map { "o.\($0.trimmingCharacters(in: .whitespaces))" }
        .joined(separator: ", ")

    public func dueWebhookDeliveries(endpoint: String, now: Date, limit: Int, busy: Set<String>) throws -> [WebhookDelivery] {
        try Validate.page(limit: limit, "webhook deliveries")
        return try read { db in
            // Only the oldest pending delivery of a conversation may go: the ones after it wait their turn.
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.deliveryColumns), \(Self.outboxColumnsAsO)
                FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id
                WHERE d.state = 'pending' AND d.endpoint = ? AND d.next_attempt_at <= ?
                AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e INDEXED BY webhook_pending_by_thread
                                WHERE e.endpoint = d.endpoint AND e.thread_id = d.thread_id AND e.state = 'pending'
                                AND e.outbox_id < d.outbox_id)
                ORDER BY d.next_attempt_at, d.id LIMIT ?
                """), arguments: [endpoint, now.storeValue, limit + busy.count])
            return Array(try rows.map(Self.delivery).filter { !busy.contains($0.event.threadID) }.prefix(limit))
        }
    }

    public func nextWebhookDue(endpoint: String) throws -> Date? {
        try read { db in
            try Double.fetchOne(db.cachedStatement(sql: """
                SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d WHERE d.endpoint = ? AND d.state = 'pending'
                AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e INDEXED BY webhook_pending_by_thread
                                WHERE e.endpoint = d.endpoint AND e.thread_id = d.thread_id AND e.state = 'pending'
                                AND e.outbox_id < d.outbox_id)
                """), arguments: [endpoint]).map(Date.init(storeValue:))
        }
    }

    public func recordWebhookAttempt(deliveryID: Int64, result: WebhookAttemptResult, now: Date) throws {
        try write { db in
            let (state, next, finished): (WebhookDeliveryState, Date?, Date?) = switch result.next {
            case .delivered: (.delivered, nil, now)
            case .retry(let at): (.pending, at, nil)
            case .failed: (.failed, nil, now)
            }
            try db.cachedStatement(sql: """
                UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = COALESCE(?, next_attempt_at),
                    first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?, last_status = ?, last_error = ?,
                    finished_at = ?
                WHERE id = ?
                """).execute(arguments: [state.rawValue, next?.storeValue, now.storeValue, now.storeValue, result.status,
                                         result.error, finished?.storeValue, deliveryID])
            guard db.changesCount == 1 else { throw StoreError.invalidInput("no webhook delivery \(deliveryID)") }
            try db.cachedStatement(sql: """
                INSERT INTO webhook_attempts (delivery_id, at, status, error, seconds) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [deliveryID, now.storeValue, result.status, result.error, result.seconds])
        }
    }

    public func webhookDeliveries(state: WebhookDeliveryState, endpoint: String?, limit: Int) throws -> [WebhookDelivery] {
        try Validate.page(limit: limit, "webhook deliveries")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.deliveryColumns), \(Self.outboxColumnsAsO)
                FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id
                WHERE d.state = ? AND (? IS NULL OR d.endpoint = ?) ORDER BY d.id LIMIT ?
                """, arguments: [state.rawValue, endpoint, endpoint, limit]).map(Self.delivery)
        }
    }

    @discardableResult
    public func redeliverWebhooks(ids: [Int64]?, endpoint: String?, now: Date) throws -> Int {
        try write { db in
            var changed = 0
            let reset = "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?, first_attempt_at = NULL, finished_at = NULL WHERE state = 'failed'"
            if let ids {
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let chunk = ids[start..<min(start + 500, ids.count)]
                    try db.execute(sql: reset + " AND id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))",
                                   arguments: [now.storeValue] + StatementArguments(Array(chunk)))
                    changed += db.changesCount
                }
            } else {
                try db.execute(sql: reset + " AND (? IS NULL OR endpoint = ?)", arguments: [now.storeValue, endpoint, endpoint])
                changed = db.changesCount
            }
            return changed
        }
    }

    public func webhookBacklog() throws -> [WebhookBacklog] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT w.name,
                       (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint = w.name AND d.state = 'pending'),
                       (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint = w.name AND d.state = 'failed')
                FROM webhook_endpoints w ORDER BY w.name
                """).map { WebhookBacklog(endpoint: $0[0], pending: $0[1], failed: $0[2]) }
        }
    }
}
