import Foundation
import GRDB
import BatonCore

/// API tokens and idempotent responses for `baton serve`.
extension SQLiteHandoffStore: IntegrationStore {
    public func createToken(name: String, hash: [UInt8], now: Date) throws {
        try Validate.identifier(name, "token name")
        guard hash.count == 32 else { throw StoreError.invalidInput("token hash must be 32 bytes (SHA-256), got \(hash.count)") }
        try write { db in
            if let revoked = try Row.fetchOne(db, sql: "SELECT revoked_at FROM api_tokens WHERE name = ?", arguments: [name]) {
                guard revoked[0] as Double? != nil else {
                    throw StoreError.invalidInput("a token named \(name) already exists; revoke it first")
                }
                try db.execute(sql: "DELETE FROM api_tokens WHERE name = ?", arguments: [name])
            }
            try db.execute(sql: "INSERT INTO api_tokens (name, hash, created_at) VALUES (?, ?, ?)",
                           arguments: [name, Data(hash), now.storeValue])
        }
    }

    public func tokens() throws -> [APIToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, created_at, revoked_at FROM api_tokens ORDER BY name").map {
                APIToken(name: $0[0], createdAt: Date(storeValue: $0[1] as Double), revokedAt: Date(storeValue: $0[2] as Double?))
            }
        }
    }

    @discardableResult
    public func revokeToken(name: String, now: Date) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                           arguments: [now.storeValue, name])
            return db.changesCount == 1
        }
    }

    public func tokenName(hash: [UInt8]) throws -> String? {
        try read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM api_tokens WHERE hash = ? AND revoked_at IS NULL"),
                                arguments: [Data(hash)])
        }
    }

    // MARK: Idempotency

    public func idempotentResponse(token: String, key: String, notBefore: Date) throws -> StoredResponse? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT request_hash, status, body, created_at FROM idempotency_keys WHERE token = ? AND key = ? AND created_at >= ?
                """), arguments: [token, key, notBefore.storeValue]).map {
                StoredResponse(requestHash: [UInt8]($0[0] as Data), status: $0[1], body: [UInt8]($0[2] as Data),
                               createdAt: Date(storeValue: $0[3] as Double))
            }
        }
    }

    public func storeIdempotentResponse(_ response: StoredResponse, token: String, key: String, replaces: Date, now: Date) throws {
        try write { db in
            try Self.store(IdempotentReceipt(token: token, key: key, response: response, replaces: replaces), now: now, in: db)
        }
    }

    /// Stores an idempotent answer inside an open write transaction.
    static func store(_ receipt: IdempotentReceipt, now: Date, in db: Database) throws {
        let response = receipt.response
        try db.cachedStatement(sql: """
            INSERT INTO idempotency_keys (token, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (token, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
                body = excluded.body, created_at = excluded.created_at
            WHERE idempotency_keys.created_at < ?
            """).execute(arguments: [receipt.token, receipt.key, Data(response.requestHash), response.status,
                                     Data(response.body), now.storeValue, receipt.replaces.storeValue])
    }

    @discardableResult
    public func purgeIdempotentResponses(before: Date) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM idempotency_keys WHERE created_at < ?", arguments: [before.storeValue])
            return db.changesCount
        }
    }

    public func latestEventID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM outbox")) ?? 0 }
    }

    public func events(threadID: String, afterSequence: Int, limit: Int) throws -> [OutboxMessage] {
        try Validate.page(limit: limit, "events")
        return try read { db in try Self.events(threadID: threadID, afterSequence: afterSequence, limit: limit, in: db) }
    }

    /// `events(threadID:afterSequence:limit:)` inside an open transaction.
    static func events(threadID: String, afterSequence: Int, limit: Int, in db: Database) throws -> [OutboxMessage] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(Self.outboxColumns) FROM outbox WHERE thread_id = ? AND seq > ? ORDER BY seq LIMIT ?
            """), arguments: [threadID, afterSequence, limit]).map(Self.outboxMessage)
    }

    public func outboxBacklog() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") ?? 0 }
    }
}
