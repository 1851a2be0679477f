import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore
#if canImport(Glibc)
import Glibc
#endif

/// What may be opened as a store, and read-only opening: files are refused untouched, readers never write.
@Suite struct StoreFileAccessTests {
    let t0 = StoreFixtures.t0

    @Test func aFIFOADirectoryAndADeviceAreRefusedAtOnce() throws {
        let fifo = try StoreFixtures.temporaryPath("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for reading would block until a writer comes: the check must not open it.
        #expect(throws: StoreError.notAFile(path: fifo, kind: "a FIFO")) { try SQLiteHandoffStore(path: fifo) }
        #expect(throws: StoreError.notAFile(path: fifo, kind: "a FIFO")) { try SQLiteHandoffStore(path: fifo, access: .readOnly) }
        let folder = URL(fileURLWithPath: try StoreFixtures.temporaryPath()).deletingLastPathComponent().path
        #expect(throws: StoreError.notAFile(path: folder, kind: "a directory")) { try SQLiteHandoffStore(path: folder) }
        #expect(throws: StoreError.notAFile(path: "/dev/null", kind: "a device")) { try SQLiteHandoffStore(path: "/dev/null") }
    }

    @Test("an SQLite file someone else set up is refused untouched, even with no tables", arguments: [
        "PRAGMA user_version = 7", "PRAGMA application_id = 42", "CREATE TABLE notes (text TEXT)",
    ])
    func foreignSQLiteFilesAreRefusedUntouched(_ statement: String) throws {
        let path = try StoreFixtures.temporaryPath()
        try DatabaseQueue(path: path).write { try $0.execute(sql: statement) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notABatonDatabase(path: path)) { try SQLiteHandoffStore(path: path) }
        #expect(throws: StoreError.notABatonDatabase(path: path)) { try SQLiteHandoffStore(path: path, access: .readOnly) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aReadOnlyOpenReadsAndNeverWrites() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let store = try SQLiteHandoffStore(path: path)
            try StoreFixtures.staff(store)
            _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
            try store.handoff(StoreFixtures.request("c1"), now: t0)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try SQLiteHandoffStore(path: path, access: .readOnly)
        #expect(try reader.thread(id: "c1")?.summary.state == .queued)
        #expect(try reader.threads(ThreadQuery(states: [.queued])).map(\.id) == ["c1"])
        #expect(throws: StoreError.readOnly(path: path)) { try reader.claim(threadID: "c1", agent: "ana", now: t0) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aReadOnlyOpenNeedsAnExistingStoreOfThisVersion() throws {
        let missing = try StoreFixtures.temporaryPath()
        #expect(throws: StoreError.noStore(path: missing)) { try SQLiteHandoffStore(path: missing, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: missing), "a reader never creates a store")
        let empty = try StoreFixtures.temporaryPath()
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: StoreError.noStore(path: empty)) { try SQLiteHandoffStore(path: empty, access: .readOnly) }

        let old = try StoreFixtures.temporaryPath()
        try StoreSchema.migrator.migrate(try DatabaseQueue(path: old), upTo: "v2")
        #expect(throws: StoreError.schemaTooOld(path: old, found: 2, current: StoreSchema.version)) {
            try SQLiteHandoffStore(path: old, access: .readOnly)
        }
        // A read-write open upgrades it.
        _ = try SQLiteHandoffStore(path: old)
        _ = try SQLiteHandoffStore(path: old, access: .readOnly)
    }
}
