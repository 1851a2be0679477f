import GRDB

extension StoreSchema {
    /// The term callback lists use verbatim, so SQLite uses the partial index.
    static let callbackTerm = "callback_at IS NOT NULL AND state IN ('queued', 'after_hours')"

    /// Callbacks due first: the callbacks scope and `baton queue --state callback` read one index range.
    static func addCallbackIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX threads_callbacks ON threads(callback_at, id) WHERE \(callbackTerm)")
    }
}
