import Foundation
import GRDB

/// Decides, before anything is written, whether a file may be opened as a Baton database.
///
/// A missing or empty file is fine (it becomes a new database). A file that is not SQLite, an SQLite
/// database holding someone else's tables, or a Baton database from a newer binary is refused, and the
/// file is left exactly as it was: the checks only read.
enum DatabaseFileCheck {
    private static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    static func check(path: String, configuration: Configuration) throws {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw StoreError.unreadable(path: path, detail: error.localizedDescription)
        }
        let header = (try? handle.read(upToCount: sqliteMagic.count)) ?? nil
        try? handle.close()
        guard let header, !header.isEmpty else { return }  // empty file: a new database
        guard Array(header) == sqliteMagic else { throw StoreError.notABatonDatabase(path: path) }

        // Read-only inspection. Readers never modify the main database file.
        var inspect = configuration
        inspect.readonly = true
        let (applicationID, userVersion, isEmpty) = try DatabaseQueue(path: path, configuration: inspect).read { db in
            // Another Baton process creating this file commits GRDB's empty migrations table (and its index)
            // before the schema; a file holding only that is a Baton database being born, not someone else's.
            let otherObjects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'") ?? 0
            let hasMigrationsTable = try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'grdb_migrations'") ?? false
            let migrationsApplied = hasMigrationsTable ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 : 0
            return (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    otherObjects == 0 && migrationsApplied == 0)
        }
        if applicationID == StoreSchema.applicationID {
            if userVersion > StoreSchema.version {
                throw StoreError.schemaTooNew(found: userVersion, supported: StoreSchema.version)
            }
            return
        }
        // Not stamped as ours: only an empty SQLite database may become a Baton database.
        if !isEmpty || applicationID != 0 { throw StoreError.notABatonDatabase(path: path) }
    }
}
