import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore

/// Opening files: new, reopened, foreign, too new, locked.
@Suite struct DatabaseFileTests {
    let t0 = StoreFixtures.t0

    /// A new SQLite file (not opened by Baton) holding what `statements` create.
    private func sqliteFile(_ name: String = "baton.sqlite", running statements: [String]) throws -> String {
        let path = try StoreFixtures.temporaryPath(name)
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            for sql in statements { try db.execute(sql: sql) }
        }
        return path
    }

    @Test func dataSurvivesReopening() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let store = try SQLiteHandoffStore(path: path)
            try StoreFixtures.staff(store)
            _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
            try store.handoff(StoreFixtures.request("c1"), now: t0)
            try store.claim(threadID: "c1", agent: "ana", now: t0)
        }
        let reopened = try SQLiteHandoffStore(path: path)
        #expect(try reopened.thread(id: "c1")?.summary.owner == "ana")
        #expect(try reopened.audit(threadID: "c1", limit: 10).count == 2)
    }

    @Test func anEmptyFileBecomesANewDatabase() throws {
        let path = try StoreFixtures.temporaryPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try SQLiteHandoffStore(path: path)
        try StoreFixtures.staff(store)
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        #expect(try store.thread(id: "c1") != nil)
    }

    /// Another process creating the file commits GRDB's empty migrations table before the schema; a
    /// process opening the file at that moment joins in instead of calling it someone else's database.
    @Test func aFileAnotherProcessIsCreatingIsJoinedButAnotherAppsMigratedFileIsRefused() throws {
        let path = try sqliteFile(running: ["CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"])
        let store = try SQLiteHandoffStore(path: path)
        try StoreFixtures.staff(store)
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        #expect(try store.thread(id: "c1") != nil)

        let foreign = try sqliteFile(running: ["CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
                                               "INSERT INTO grdb_migrations VALUES ('their-v1')"])
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        #expect(throws: StoreError.notABatonDatabase(path: foreign)) { try SQLiteHandoffStore(path: foreign) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign)) == before)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let path = try StoreFixtures.temporaryPath()
        do { _ = try SQLiteHandoffStore(path: path) }
        do {
            let raw = try DatabaseQueue(path: path)
            try raw.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        }
        #expect(throws: StoreError.schemaTooNew(found: 99, supported: StoreSchema.version)) { try SQLiteHandoffStore(path: path) }
    }

    @Test func aVersion1DatabaseIsMigratedAndItsThreadsStayCounted() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let v1 = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(v1, upTo: "v1")
            // A thread a version-1 baton recorded: its INSERT trigger counted it.
            try v1.write { db in
                try db.execute(sql: "INSERT INTO conversations (id, channel, customer_id, created_at) VALUES ('old', 'webchat', 'c1', 0)")
                try db.execute(sql: """
                    INSERT INTO threads (id, customer_name, channel, language, tier, last_activity_at)
                    VALUES ('old', 'Ana', 'webchat', 'en', 'standard', 0)
                    """)
            }
        }
        let store = try SQLiteHandoffStore(path: path)
        try StoreFixtures.staff(store)
        _ = try store.record([StoreFixtures.conversation("new"), StoreFixtures.conversation("newer")], now: StoreFixtures.t0)
        #expect(try store.threadCount(ThreadQuery(states: [.ai])) == 3)
        let (version, insertTriggers) = try store.writer.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name = 'thread_counts_insert'"))
        }
        #expect(version == StoreSchema.version)
        #expect(insertTriggers.isEmpty, "the store counts inserted threads itself; the trigger would count them twice")
    }

    @Test func aTextFileIsRefusedAndLeftByteIdentical() throws {
        let path = try StoreFixtures.temporaryPath("notes.txt")
        let original = Data("these are my notes, not a database\n".utf8)
        try original.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notABatonDatabase(path: path)) { try SQLiteHandoffStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func someoneElsesSQLiteDatabaseIsRefusedAndLeftByteIdentical() throws {
        let path = try sqliteFile("crm.sqlite", running: ["CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                                                          "INSERT INTO customers (name) VALUES ('Ana')"])
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notABatonDatabase(path: path)) { try SQLiteHandoffStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    @Test func aLockedDatabaseIsWaitedForThenReportedBusy() throws {
        let path = try StoreFixtures.temporaryPath()
        let store = try SQLiteHandoffStore(path: path, busyTimeout: 0.3)
        try StoreFixtures.staff(store)
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        try store.handoff(StoreFixtures.request("c1"), now: t0)

        let lock = try WriteLockHolder(path: path)
        let started = Date()
        #expect(throws: StoreError.busy(path: path, waited: 0.3)) { try store.claim(threadID: "c1", agent: "ana", now: t0) }
        #expect(Date().timeIntervalSince(started) >= 0.25)
        lock.release()
        // Once the lock is gone the same claim goes through.
        #expect(try store.claim(threadID: "c1", agent: "ana", now: t0).owner == "ana")
    }

    @Test func aShortLockIsWaitedOut() throws {
        let path = try StoreFixtures.temporaryPath()
        let store = try SQLiteHandoffStore(path: path, busyTimeout: 5)
        try StoreFixtures.staff(store)
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        try store.handoff(StoreFixtures.request("c1"), now: t0)

        let lock = try WriteLockHolder(path: path)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { lock.release() }
        let started = Date()
        #expect(try store.claim(threadID: "c1", agent: "ana", now: t0).owner == "ana")
        #expect(Date().timeIntervalSince(started) >= 0.25)
    }
}

/// Holds a write transaction on a second connection, from its own thread, until released.
final class WriteLockHolder: Sendable {
    private let locked = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(path: String) throws {
        let connection = try DatabaseQueue(path: path)
        let locked = self.locked, released = self.released, finished = self.finished
        Thread {
            try? connection.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    locked.signal()
                    released.wait()
                    return .rollback
                }
            }
            finished.signal()
        }.start()
        locked.wait()
    }

    func release() {
        released.signal()
        finished.wait()
    }
}
