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
