import GRDB
import GRDBSQLite

/// Positional values bound straight into a prepared statement through SQLite's C API.
///
/// GRDB's `StatementArguments` boxes every value in an existential array and a `DatabaseValue` before
/// binding; on the ingest path (one INSERT per message) that boxing cost more than SQLite's own work.
/// Values are copied by SQLite (`SQLITE_TRANSIENT`), so nothing needs to outlive the call.
struct DirectBinding {
    private let statement: Statement
    private var index: CInt = 1
    /// The first failed bind (out of range, out of memory), reported when the statement is run.
    private var failure: CInt = SQLITE_OK

    /// Starts binding `statement` from its first parameter; earlier bindings are cleared.
    init(_ statement: Statement) {
        // Leaves GRDB's own view of the statement consistent (arguments "bound"), then clears them.
        statement.setUncheckedArguments(StatementArguments())
        self.statement = statement
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    mutating func bind(_ value: String?) {
        defer { index += 1 }
        guard let value else { return }  // cleared bindings are NULL
        // Length -1 (up to the first NUL), exactly as GRDB binds strings everywhere else in the store.
        note(value.withCString { sqlite3_bind_text(statement.sqliteStatement, index, $0, -1, Self.transient) })
    }

    /// Binds UTF-8 bytes as TEXT, as they are (JSON written by `StoreJSON`, which never holds a NUL).
    mutating func bind(utf8 value: [UInt8]?) {
        defer { index += 1 }
        guard let value else { return }
        note(value.withUnsafeBufferPointer { bytes in
            // A non-NULL pointer even for no bytes: a NULL one would bind SQL NULL instead of ''.
            bytes.baseAddress.map { sqlite3_bind_text(statement.sqliteStatement, index, $0, CInt(bytes.count), Self.transient) }
                ?? sqlite3_bind_text(statement.sqliteStatement, index, "", 0, Self.transient)
        })
    }

    mutating func bind(_ value: Int?) {
        defer { index += 1 }
        guard let value else { return }
        note(sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value)))
    }

    mutating func bind(_ value: Double?) {
        defer { index += 1 }
        guard let value else { return }
        note(sqlite3_bind_double(statement.sqliteStatement, index, value))
    }

    private mutating func note(_ code: CInt) {
        if code != SQLITE_OK, failure == SQLITE_OK { failure = code }
    }

    mutating func bind(_ value: Bool) {
        bind(value ? 1 : 0)
    }

    /// Runs the statement with the values bound so far.
    func execute() throws {
        try checkBindings()
        try statement.execute()
    }

    /// Runs the statement with the values bound so far and returns its first row (of a `RETURNING` clause, say).
    func fetchOne() throws -> Row? {
        try checkBindings()
        // No arguments given: GRDB steps the statement with the values bound here.
        return try Row.fetchOne(statement)
    }

    private func checkBindings() throws {
        guard failure == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: failure),
                                message: "binding parameter of \(statement.sql) failed", sql: statement.sql)
        }
    }
}

/// Rows read straight through SQLite's C API: no `Row` copied, no generic decoding per value (on the message-event
/// path, reading a conversation's messages back cost more in GRDB's row machinery than in SQLite).
extension DirectBinding {
    /// Runs the (SELECT) statement with the values bound so far and calls `body` with each row, valid only
    /// during the call.
    func forEachRow(_ body: (DirectRow) throws -> Void) throws {
        try checkBindings()
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                    sql: statement.sql)
            }
            try body(DirectRow(handle: handle))
        }
    }
}

/// The current row of a statement being stepped by `DirectBinding.forEachRow`.
struct DirectRow {
    let handle: OpaquePointer?

    func isNull(_ column: CInt) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func text(_ column: CInt) -> String? {
        guard !isNull(column), let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    func int(_ column: CInt) -> Int? {
        isNull(column) ? nil : Int(sqlite3_column_int64(handle, column))
    }

    func double(_ column: CInt) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(handle, column)
    }
}
