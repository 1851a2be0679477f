import Foundation
import GRDB
import BatonCore

/// The SQLite implementation of `HandoffStore`: owns one GRDB writer, migrates the schema and runs
/// every operation as one IMMEDIATE write transaction.
///
/// Files are opened as a WAL `DatabasePool` (readers never block the writer, other processes may
/// share the file); tests use `inMemory()`. Lifecycle operations are in `+Lifecycle`, ingestion in
/// `+Record`, the sweeper in `+Sweep` and queries in `+Reads`.
public final class SQLiteHandoffStore: HandoffStore {
    /// The database file, or `:memory:`; used in error messages.
    public let path: String
    /// How long an operation waits for another process's write lock before failing with `StoreError.busy`.
    public let busyTimeout: TimeInterval
    let writer: any DatabaseWriter
    /// Background WAL checkpoints for file stores; nil in memory.
    private let checkpointer: WALCheckpointer?

    /// How a store file is opened.
    public enum Access: Sendable {
        /// Opened for reading and writing; a missing or empty file becomes a new store, an older schema is upgraded.
        case readWrite
        /// Opened for reading only: nothing is ever written, so read-only files, directories and replicas work.
        /// The file must hold a Baton store of this version.
        case readOnly
    }

    /// Whether this store was opened read-only.
    public let access: Access

    /// Opens (or, read-write, creates) the Baton database at `path`.
    ///
    /// Refuses files that are not Baton databases and databases from a newer Baton, without modifying them.
    public init(path: String, busyTimeout: TimeInterval = 5, access: Access = .readWrite) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        self.access = access
        let configuration = Self.configuration(busyTimeout: busyTimeout)
        if access == .readOnly {
            do {
                writer = try Self.openReadOnly(path: path, configuration: configuration)
                checkpointer = nil
                return
            } catch {
                throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
            }
        }
        // Several processes may open a brand-new file at the same moment. Switching it to WAL and
        // creating the schema can report "locked" at once instead of calling the busy handler, so the
        // whole opening is retried, briefly, until the busy timeout.
        OwnerOnlyFile.create(path)
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                (writer, checkpointer) = try Self.open(path: path, configuration: configuration, busyTimeout: busyTimeout)
                return
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline {
                usleep(UInt32.random(in: 1_000...5_000))
            } catch {
                throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
            }
        }
    }

    /// A read-only connection to an existing store of this schema version.
    private static func openReadOnly(path: String, configuration: Configuration) throws -> any DatabaseWriter {
        try DatabaseFileCheck.check(path: path, configuration: configuration, requireStore: true)
        let queue = try readOnlyQueue(path: path, configuration: configuration)
        let version = try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
        guard version == StoreSchema.version else {
            if version > StoreSchema.version { throw StoreError.schemaTooNew(found: version, supported: StoreSchema.version) }
            throw StoreError.schemaTooOld(path: path, found: version, current: StoreSchema.version)
        }
        return queue
    }

    private static func open(path: String, configuration: Configuration, busyTimeout: TimeInterval) throws -> (any DatabaseWriter, WALCheckpointer?) {
        try DatabaseFileCheck.check(path: path, configuration: configuration)
        var poolConfiguration = configuration
        poolConfiguration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.autocheckpointPages)")
        }
        let pool = try DatabasePool(path: path, configuration: poolConfiguration)
        let deadline = Date().addingTimeInterval(max(1, busyTimeout))
        while true {
            do {
                try StoreSchema.migrator.migrate(pool)
                break
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                // Another process may be creating the schema at this very moment: its migration committed between
                // our look at what was applied and ours ("table already exists"). Ours rolled back; that is fine
                // once the schema is complete, and otherwise we look again once the other has moved on.
                if try pool.read(StoreSchema.migrator.hasCompletedMigrations) { break }
                guard Date() < deadline else { throw error }
                usleep(UInt32.random(in: 2_000...10_000))
            }
        }
        return (pool, try WALCheckpointer(path: path))
    }

    /// A read-only connection that never writes, not even the `-shm` side file. When SQLite cannot share the
    /// write-ahead log (a read-only directory with no `-shm` file: a copy, a backup, a read-only mount), the
    /// file is opened as immutable, which reads it without any lock or side file.
    static func readOnlyQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        var readOnly = configuration
        readOnly.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            _ = try queue.read { try Int.fetchOne($0, sql: "PRAGMA schema_version") }
            return queue
        } catch let error as DatabaseError where [.SQLITE_READONLY_ROLLBACK, .SQLITE_READONLY_RECOVERY].contains(error.extendedResultCode) {
            // A write was cut short and only a read-write connection may repair it; an immutable read could see
            // the half-written pages.
            throw StoreError.needsRecovery(path: path)
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode.primaryResultCode) {
            let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
            return try DatabaseQueue(path: uri, configuration: readOnly)
        }
    }

    private init(writer: any DatabaseWriter, path: String, busyTimeout: TimeInterval) {
        self.writer = writer
        self.checkpointer = nil
        self.access = .readWrite
        self.path = path
        self.busyTimeout = busyTimeout
    }

    /// A private database that lives as long as the store; for tests and dry runs.
    public static func inMemory() throws -> SQLiteHandoffStore {
        let queue = try DatabaseQueue(configuration: configuration(busyTimeout: 5))
        try StoreSchema.migrator.migrate(queue)
        return SQLiteHandoffStore(writer: queue, path: ":memory:", busyTimeout: 5)
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .callback(BusyWait.callback(timeout: busyTimeout))
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL + NORMAL: a commit never waits for fsync (claims stay well under a millisecond);
            // the database stays consistent, a power cut may lose the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Queue pages read rows scattered over a large table: map the file instead of copying pages
            // through read(2), and keep a bigger page cache for the indexes.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // Statement journals (every UPDATE that fires a trigger keeps one for the length of the
            // statement) stay in memory; on disk they cost a temp file and a write per page changed.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    // MARK: Transactions

    /// Runs `body` in one IMMEDIATE transaction: the write lock is taken first, so reads inside see
    /// the state the writes will change, and no other process can interleave.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.corrupt("write transaction returned no result") }
                return result
            }
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in one read-only DEFERRED transaction on the writer's connection.
    ///
    /// For reads that feed the next write (the dispatcher's per-batch facts): the writer's page cache
    /// already holds the pages it just wrote, while a reader connection drops its cache after every
    /// commit and reads them back from the WAL. Takes no write lock, so other processes are not held up.
    func readOnWriter<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.corrupt("read transaction returned no result") }
                return result
            }
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Translates SQLite faults into `StoreError`; lifecycle refusals and store errors pass through.
    static func storeError(_ error: any Error, path: String, busyTimeout: TimeInterval) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path, waited: busyTimeout)
        case .SQLITE_NOTADB: return StoreError.notABatonDatabase(path: path)
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
            return StoreError.unreadable(path: path, detail: error.message ?? "\(error)")
        case .SQLITE_CORRUPT: return StoreError.corrupt("\(path): \(error.message ?? "\(error)")")
        default: return error
        }
    }

    // MARK: Change detection

    public func changeToken() throws -> Int64 {
        // Both numbers come from the writer connection: data_version moves when another connection or
        // process commits, total_changes when this one writes. Neither decreases, so the sum changes on
        // every commit anywhere.
        do {
            return try writer.writeWithoutTransaction { db in
                let dataVersion = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                return dataVersion &+ Int64(db.totalChangesCount)
            }
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }
}
