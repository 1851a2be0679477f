import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore

/// Several processes claim from one queue of one database file at the same time; no thread may end up with two owners.
@Suite struct MultiProcessClaimTests {
    static let threadCount = 200
    static let workerCount = 4

    @Test func concurrentProcessesNeverShareAThread() throws {
        let path = try StoreFixtures.temporaryPath()
        let now = Date()
        do {
            let store = try SQLiteHandoffStore(path: path)
            for index in 0..<Self.workerCount { try store.register("agent-\(index)") }
            let ids = (0..<Self.threadCount).map { String(format: "t%04d", $0) }
            _ = try store.record(ids.map { StoreFixtures.conversation($0) }, now: now)
            for id in ids { try store.handoff(StoreFixtures.request(id, queue: "billing", at: now), now: now) }
        }

        let worker = try Self.workerExecutable()
        let startAt = Date().timeIntervalSince1970 + 1.0
        var runs: [(agent: String, process: Process, output: Pipe)] = []
        for index in 0..<Self.workerCount {
            let process = Process()
            process.executableURL = worker
            let agent = "agent-\(index)"
            process.arguments = [path, "billing", agent, String(startAt)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            runs.append((agent, process, output))
        }
        var wonBy: [String: [String]] = [:]
        for run in runs {
            let data = run.output.fileHandleForReading.readDataToEndOfFile()
            run.process.waitUntilExit()
            #expect(run.process.terminationStatus == 0, "worker \(run.agent) failed")
            for id in String(decoding: data, as: UTF8.self).split(separator: "\n") { wonBy[String(id), default: []].append(run.agent) }
        }

        // Every thread was won exactly once, by the agent that the database says owns it.
        #expect(wonBy.count == Self.threadCount)
        #expect(wonBy.values.allSatisfy { $0.count == 1 })
        #expect(Set(wonBy.values.map { $0[0] }).count > 1, "the workers should have overlapped")

        let store = try SQLiteHandoffStore(path: path)
        let claimed = try store.threads(ThreadQuery(queues: ["billing"], states: [.claimed], limit: 10_000))
        #expect(claimed.count == Self.threadCount)
        for summary in claimed { #expect(wonBy[summary.id] == [summary.owner ?? "nobody"]) }

        // The audit trail agrees: one claim per thread.
        let raw = try DatabaseQueue(path: path)
        let claimsPerThread = try raw.read { db in
            try Row.fetchAll(db, sql: "SELECT thread_id, COUNT(*) FROM audit WHERE action = 'claim' GROUP BY thread_id")
                .map { ($0[0] as String, $0[1] as Int) }
        }
        #expect(claimsPerThread.count == Self.threadCount)
        #expect(claimsPerThread.allSatisfy { $0.1 == 1 })
    }

    @Test func processesOpeningANewFileAtOnceAllGetTheSchema() throws {
        let path = try StoreFixtures.temporaryPath()
        let worker = try Self.workerExecutable()
        let startAt = Date().timeIntervalSince1970 + 0.5
        let processes = try (0..<Self.workerCount).map { index in
            let process = Process()
            process.executableURL = worker
            process.arguments = [path, "billing", "agent-\(index)", String(startAt)]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let store = try SQLiteHandoffStore(path: path)
        _ = try store.record(StoreFixtures.conversation("c1"), now: Date())
        #expect(try store.threadCount(ThreadQuery(states: [.ai])) == 1)
    }

    /// The worker is built next to the test bundle (`swift test` builds every product of the package).
    static func workerExecutable() throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent("baton-claim-worker")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw StoreError.invalidInput("baton-claim-worker not found near \(CommandLine.arguments[0]); run `swift build` first")
    }
}
