import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Decides, before anything is written, whether a file may be opened as a Baton database.
///
/// A missing or zero-byte file is fine for a read-write open (it becomes a new database). Anything that is
/// not a regular file (a FIFO would block the open forever), a file that is not SQLite, an SQLite database
/// that is not Baton's (other tables, another application id, a schema version set by someone else), or a
/// Baton database from a newer binary is refused, and the file is left exactly as it was: the checks only read.
enum DatabaseFileCheck {
    private static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// - Parameter requireStore: the file must already hold a Baton store (a read-only open).
    static func check(path: String, configuration: Configuration, requireStore: Bool = false) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT {
                if requireStore { throw StoreError.noStore(path: path) }
                return
            }
            throw StoreError.unreadable(path: path, detail: String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw StoreError.notAFile(path: path, kind: "a directory")
        case S_IFIFO: throw StoreError.notAFile(path: path, kind: "a FIFO")
        case S_IFSOCK: throw StoreError.notAFile(path: path, kind: "a socket")
        case S_IFCHR, S_IFBLK: throw StoreError.notAFile(path: path, kind: "a device")
        default: throw StoreError.notAFile(path: path, kind: "not a regular file")
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw StoreError.unreadable(path: path, detail: String(cString: strerror(EACCES)))
        }
        let header = (try? handle.read(upToCount: sqliteMagic.count)) ?? nil
        try? handle.close()
        guard let header, !header.isEmpty else {
            // Zero bytes: nothing to lose, a new database for a read-write open.
            if requireStore { throw StoreError.noStore(path: path) }
            return
        }
        guard Array(header) == sqliteMagic else { throw StoreError.notABatonDatabase(path: path) }

        // Read-only inspection. Readers never modify the main database file. A read-write open may be racing
        // another process creating the file, so it reads through the write-ahead log like any connection; only a
        // read-only open, which cannot share the log in a read-only folder, may fall back to an immutable read.
        var inspect = configuration
        inspect.readonly = true
        let facts: (Int32, Int, Bool)
        do {
            // Opening reads the file too (GRDB checks its format), so a cut-short write can show up here already.
            let queue = requireStore ? try SQLiteHandoffStore.readOnlyQueue(path: path, configuration: configuration)
                                     : try DatabaseQueue(path: path, configuration: inspect)
            facts = try inspectSchema(queue)
        } catch let error as DatabaseError where !requireStore && error.resultCode.primaryResultCode == .SQLITE_READONLY {
            // A write was cut short (a hot journal or an unrecovered log): only a read-write connection may roll
            // it back. Judged by the header alone, a Baton file or one still being created is recovered by the
            // read-write open that follows; anything else is left as it is.
            let stamp = try headerStamp(path: path)
            if stamp.applicationID == StoreSchema.applicationID || (stamp.applicationID == 0 && stamp.userVersion == 0) { return }
            throw StoreError.notABatonDatabase(path: path)
        }
        let (applicationID, userVersion, isBeingBorn) = facts
        if applicationID == StoreSchema.applicationID {
            if userVersion > StoreSchema.version {
                throw StoreError.schemaTooNew(found: userVersion, supported: StoreSchema.version)
            }
            return
        }
        // Not stamped as ours: only an SQLite database nobody has put anything in (no application id, no schema
        // version, no tables) may become a Baton database, and only by a read-write open.
        if !isBeingBorn || applicationID != 0 || userVersion != 0 {
            throw StoreError.notABatonDatabase(path: path)
        }
        // An empty database, or one whose creation was cut short: no store in it yet.
        if requireStore { throw StoreError.noStore(path: path) }
    }

    /// The application id, the schema version, and whether the file holds nothing but an empty migrations table.
    private static func inspectSchema(_ queue: DatabaseQueue) throws -> (Int32, Int, Bool) {
        try queue.read { db in
            // Another Baton process creating this file commits GRDB's empty migrations table (and its index)
            // before the schema; a file holding only that is a Baton database being born, not someone else's.
            let otherObjects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'") ?? 0
            let hasMigrationsTable = try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'grdb_migrations'") ?? false
            let migrationsApplied = hasMigrationsTable ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 : 0
            return (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    otherObjects == 0 && migrationsApplied == 0)
        }
    }

    /// `PRAGMA application_id` and `user_version` read straight from the file's header (offsets 68 and 60,
    /// big-endian), for a file SQLite cannot open read-only.
    private static func headerStamp(path: String) throws -> (applicationID: Int32, userVersion: Int) {
        guard let handle = FileHandle(forReadingAtPath: path),
              let header = try? handle.read(upToCount: 72), header.count == 72 else {
            throw StoreError.notABatonDatabase(path: path)
        }
        try? handle.close()
        func word(_ offset: Int) -> UInt32 {
            header[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        return (Int32(bitPattern: word(68)), Int(word(60)))
    }
}
