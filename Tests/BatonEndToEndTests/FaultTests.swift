import Foundation
import Testing

/// Processes killed with SIGKILL at the worst moment: what was committed is kept and every promise
/// (breach notifications, outbox messages) is still kept by the next run.
@Suite("faults: kill -9", .serialized)
struct FaultTests {
    let directory: TemporaryDirectory
    let db: String
    static let t0 = "2026-11-20T10:00:00Z"
    static let afterWindows = "2026-11-20T10:30:00Z"

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func baton(_ arguments: [String], input: String? = nil, now: String = FaultTests.t0) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) }, environment: ["BATON_NOW": now])
    }

    /// `count` conversations that hand off at once.
    static func handoffs(_ count: Int, prefix: String = "t") -> String {
        (0..<count).map {
            #"{"id": "\#(prefix)\#($0)", "customer": {"id": "u\#($0)"}, "messages": [{"role": "customer", "text": "I want to talk to a person"}]}"#
        }.joined(separator: "\n") + "\n"
    }

    /// Starts `baton arguments…` in the background.
    func start(_ arguments: [String], now: String, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = try BatonProcess.executable
        process.arguments = arguments + ["--db", db]
        process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["BATON_NOW": now]) { $1 }) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until `condition` holds, up to `seconds` (a generous bound: it is a condition, not a timing).
    func wait(upTo seconds: TimeInterval = 60, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return try condition()
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test("a sweep killed while notifying: the next sweep announces every breach it did not")
    func sweepKilledWhileNotifying() throws {
        let breaches = 40
        #expect(try baton(["ingest", "-"], input: Self.handoffs(breaches)).status == 0)
        let announced = directory.path("announced.txt")
        let config = directory.path("slow.toml")
        try #"[notify]\#ncommand = "echo $BATON_THREAD >> \#(announced); sleep 0.2"\#n"#.write(toFile: config, atomically: true, encoding: .utf8)
        let sweep = try start(["sweep", "--config", config], now: Self.afterWindows)
        #expect(wait { lines(announced).count >= 3 })
        kill(sweep.processIdentifier, SIGKILL)
        sweep.waitUntilExit()
        let beforeRestart = Set(lines(announced))
        #expect(beforeRestart.count < breaches, "killed before it could announce them all")

        let fast = directory.path("fast.toml")
        try #"[notify]\#ncommand = "echo $BATON_THREAD >> \#(announced)""#.write(toFile: fast, atomically: true, encoding: .utf8)
        let next = try baton(["sweep", "--config", fast], now: Self.afterWindows)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!next.stdout.contains("escalated"), "the breaches were committed by the killed sweep")
        #expect(Set(lines(announced)) == Set((0..<breaches).map { "t\($0)" }))
        #expect(try baton(["notifications"]).stdout.contains("no notifications waiting"))
    }

    @Test("a failing notify command is retried by later sweeps and listed when it fails for good")
    func failingNotifyCommand() throws {
        #expect(try baton(["ingest", "-"], input: Self.handoffs(1)).status == 0)
        let config = directory.path("failing.toml")
        try #"[notify]\#ncommand = "exit 3""#.write(toFile: config, atomically: true, encoding: .utf8)
        let first = try baton(["sweep", "--config", config], now: Self.afterWindows)
        #expect(first.stderr.contains("notify command failed for t0 (attempt 1): exited 3; trying again at 2026-11-20T10:30:10Z"))
        #expect(try baton(["notifications"]).stdout.contains("exited 3"))
        // Due again only after its backoff.
        #expect(!(try baton(["sweep", "--config", config], now: "2026-11-20T10:30:05Z")).stderr.contains("attempt 2"))
        #expect(try baton(["sweep", "--config", config], now: "2026-11-20T10:30:10Z").stderr.contains("attempt 2"))
    }
}

extension FaultTests {
    @Test("claim --next from many processes at once: every call takes a different thread, none is told it lost")
    func claimNextUnderContention() throws {
        #expect(try baton(["ingest", "-"], input: Self.handoffs(40)).status == 0)
        for index in 0..<16 { #expect(try baton(["agent", "add", "agent\(index)", "--skills", "general"]).status == 0) }
        let processes = try (0..<16).map { index -> (Process, Pipe) in
            let process = Process()
            process.executableURL = try BatonProcess.executable
            process.arguments = ["claim", "--next", "--agent", "agent\(index)", "--db", db]
            process.environment = ProcessInfo.processInfo.environment.merging(["BATON_NOW": Self.t0]) { $1 }
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            return (process, out)
        }
        for (process, _) in processes { try process.run() }
        var claimed: [String] = []
        for (process, out) in processes {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            if let id = text.split(separator: " ").dropFirst().first { claimed.append(String(id)) }
        }
        #expect(claimed.count == 16)
        #expect(Set(claimed).count == 16, "no thread was claimed twice")
    }

    @Test("a huge message ingested while agents claim: every claim succeeds")
    func hugeMessageWhileClaiming() throws {
        #expect(try baton(["ingest", "-"], input: Self.handoffs(30)).status == 0)
        #expect(try baton(["agent", "add", "ana", "--skills", "general", "--capacity", "100"]).status == 0)
        // Text that used to cost the engine time quadratic in its length, inside the write transaction.
        let unit = "will i get a refund "
        let text = String(repeating: unit, count: (1 << 20) / unit.utf8.count - 10)
        let huge = (0..<4).map {
            #"{"id": "huge\#($0)", "customer": {"id": "h\#($0)"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
        }.joined(separator: "\n") + "\n"
        let file = directory.path("huge.jsonl")
        try huge.write(toFile: file, atomically: true, encoding: .utf8)
        let ingest = try start(["ingest", file], now: Self.t0)
        var claims = 0
        while ingest.isRunning || claims < 5 {
            let claim = try baton(["claim", "--next", "--agent", "ana"])
            #expect(claim.status == 0, "claim \(claims) failed while a huge message was ingested: \(claim.stderr)")
            claims += 1
            if claims >= 30 { break }
        }
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0)
        let stored = try baton(["show", "huge3", "--json"])
        #expect(stored.stdout.contains(String(text.suffix(200))), "the whole text is stored")
    }
}

extension FaultTests {
    /// `baton check` on the store: integrity, counters, ownership, audit chains.
    func expectSound(_ comment: String) throws {
        let check = try baton(["check"])
        #expect(check.status == 0, "\(comment): \(check.stdout) \(check.stderr)")
    }

    @Test("ingest killed at random points: the store stays sound and a rerun stores every line once",
          arguments: [0.05, 0.1, 0.15, 0.2, 0.3, 0.6])
    func ingestKilled(after delay: Double) throws {
        let lines = 3000
        let file = directory.path("many.jsonl")
        try Self.handoffs(lines, prefix: "k").write(toFile: file, atomically: true, encoding: .utf8)
        let ingest = try start(["ingest", file], now: Self.t0)
        Thread.sleep(forTimeInterval: delay)  // where the kill lands; any point must be safe
        kill(ingest.processIdentifier, SIGKILL)
        ingest.waitUntilExit()
        // Killed while it created the store, the schema may be missing or not complete yet (the next read-write
        // open finishes it); otherwise the store must be sound.
        let check = try baton(["check"])
        let unfinished = ["no Baton store", "older than this baton's", "left mid-write"].contains { check.stderr.contains($0) }
        #expect(check.status == 0 || unfinished, "after kill -9 of ingest at \(delay)s: \(check.stdout) \(check.stderr)")
        let rerun = try baton(["ingest", file])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        try expectSound("after the rerun")
        let listed = try baton(["queue", "--json", "--limit", "5000"])
        #expect(listed.stdout.split(separator: "\n").count == lines, "every line stored exactly once")
    }

    @Test("outbox --ack killed at random points: every acknowledged message reached the reader", arguments: [0.05, 0.3])
    func outboxKilled(after delay: Double) throws {
        #expect(try baton(["ingest", "-"], input: Self.handoffs(2000, prefix: "o")).status == 0)
        let received = directory.path("received.jsonl")
        _ = FileManager.default.createFile(atPath: received, contents: nil)
        let pipe = Pipe()
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.standardInput = pipe.fileHandleForReading
        reader.standardOutput = FileHandle(forWritingAtPath: received)
        try reader.run()
        let outbox = Process()
        outbox.executableURL = try BatonProcess.executable
        outbox.arguments = ["outbox", "--ack", "--db", db]
        outbox.standardOutput = pipe.fileHandleForWriting
        try outbox.run()
        try pipe.fileHandleForWriting.close()
        try pipe.fileHandleForReading.close()
        Thread.sleep(forTimeInterval: delay)  // where the kill lands; any point must be safe
        kill(outbox.processIdentifier, SIGKILL)
        outbox.waitUntilExit()
        reader.waitUntilExit()
        let receivedIDs = Set(lines(received).compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int
        })
        let pending = Set(try BatonProcess.run(["outbox", "--db", db]).stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int
        })
        let all = Set(try BatonProcess.run(["outbox", "--all", "--db", db]).stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int
        })
        let acknowledged = all.subtracting(pending)
        #expect(all.count == 2000)
        #expect(acknowledged.isSubset(of: receivedIDs), "\(acknowledged.subtracting(receivedIDs).count) acknowledged but never received")
        try expectSound("after kill -9 of outbox")
    }
}
