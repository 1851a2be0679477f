import Foundation
import Testing

/// How the command line treats the file behind --db: typos, read-only stores, things that are not files.
@Suite("the store file from the command line", .serialized)
struct StoreFileTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// A store with one queued thread, `t1`.
    func store(_ name: String = "baton.sqlite") throws -> String {
        let path = directory.path(name)
        let line = #"{"id": "t1", "customer": {"id": "u1"}, "messages": [{"role": "customer", "text": "I want to talk to a person"}]}"#
        let result = try BatonProcess.run(["ingest", "-", "--db", path], input: Data((line + "\n").utf8))
        try #require(result.status == 0, "\(result.stderr)")
        return path
    }

    /// Runs baton as an unprivileged user when this process is root (root ignores file permissions), else as itself.
    func batonUnprivileged(_ arguments: [String]) throws -> BatonProcess.Result {
        guard getuid() == 0 else { return try BatonProcess.run(arguments) }
        // The binary must be reachable by the unprivileged user.
        let copy = directory.path("baton")
        if !FileManager.default.fileExists(atPath: copy) { try BatonProcess.copyExecutable(to: copy) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", copy] + arguments
        let out = Pipe(), err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BatonProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("a mistyped --db is refused by reading and changing commands, and creates nothing")
    func mistypedPath() throws {
        _ = try store()
        let typo = directory.path("sub/batn.sqlite")
        for arguments in [["queue"], ["show", "t1"], ["stats"], ["agent", "list"], ["outbox"], ["claim", "t1", "--agent", "ana"],
                          ["console", "--agent", "ana"], ["agent", "status", "ana", "away"], ["sweep"]] {
            let result = try BatonProcess.run(arguments + ["--db", typo])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("no Baton store at \(typo); `baton init --db \(typo)` creates one"), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("sub")), "no folder and no file were created")
        #expect(try BatonProcess.run(["init", "--db", typo]).status == 0)
        #expect(try BatonProcess.run(["queue", "--db", typo]).status == 0)
    }

    @Test("the console's unknown-agent hint names the store in use")
    func unknownAgentHint() throws {
        let path = try store()
        let result = try BatonProcess.run(["console", "--agent", "nobody-here", "--db", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("`baton agent add nobody-here --skills general --db \(path)`"), "\(result.stderr)")
    }

    @Test("a FIFO at --db is refused at once instead of hanging")
    func fifo() throws {
        let fifo = directory.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try BatonProcess.run(["queue", "--db", fifo])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a FIFO, not a database file"))
    }

    @Test("a read-only store in a read-only folder: readers work, changes are refused plainly, nothing is written")
    func readOnlyStore() throws {
        let folder = directory.path("readonly")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/baton.sqlite"
        let line = #"{"id": "t1", "customer": {"id": "u1"}, "messages": [{"role": "customer", "text": "I want to talk to a person"}]}"#
        try #require(try BatonProcess.run(["ingest", "-", "--db", path], input: Data((line + "\n").utf8)).status == 0)
        #expect(chmod(path, 0o444) == 0 && chmod(folder, 0o555) == 0)
        defer { _ = chmod(folder, 0o755) }
        #expect(chmod(directory.url.path, 0o755) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for arguments in [["queue"], ["queue", "--json"], ["show", "t1"], ["show", "t1", "--json"], ["stats"], ["agent", "list"], ["outbox"]] {
            let result = try batonUnprivileged(arguments + ["--db", path])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try batonUnprivileged(["queue", "--db", path]).stdout.contains("t1"))
        let claim = try batonUnprivileged(["claim", "t1", "--agent", "ana", "--db", path])
        #expect(claim.status == 1)
        #expect(claim.stderr.contains("cannot change \(path): it is read-only"), "\(claim.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let inside = try batonUnprivileged(["ingest", "-", "--db", folder + "/new/baton.sqlite"])
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("cannot create the folder \(folder)/new for the store: permission denied"), "\(inside.stderr)")
    }
}
