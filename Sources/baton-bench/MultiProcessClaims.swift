import BatonCore
import BatonStore
import Foundation

/// Several processes claiming from one queue at once: throughput, and proof that no thread
/// ever had two owners.
enum MultiProcessClaims {
    static func run(processes: Int, threads: Int, directory: String, executable: String) throws -> JSONValue {
        let path = directory + "/claims.sqlite"
        let store = try SQLiteHandoffStore(path: path)
        let now = Date()
        var corpus = SyntheticCorpus(seed: 3)
        let conversations = (0..<threads).map { corpus.conversation(id: "C\($0)") }
        for outcome in try store.record(conversations, now: now) {
            if let request = BenchHandoff.request(for: outcome.conversation, queue: "general", priority: .medium, now: now) {
                try store.handoff(request, now: now)
            }
        }
        for index in 0..<processes {
            try store.upsertAgent(Agent(id: "w\(index)", name: "Worker \(index)", skills: ["general"], capacity: 1_000_000), actor: "bench")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let workers = try (0..<processes).map { index -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["claim-worker", path, "w\(index)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            return (process, pipe)
        }
        var claimed = 0
        var lost = 0
        for (process, pipe) in workers {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let numbers = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if numbers.count == 2 { claimed += numbers[0]; lost += numbers[1] }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let claims = try store.audit(threadID: nil, limit: threads * 4).filter { $0.action == .claim }
        let owners = Dictionary(grouping: claims, by: \.threadID)
        let doubled = owners.values.filter { $0.count > 1 }.count
        return .object([
            ("processes", .number(Double(processes))),
            ("threads", .number(Double(threads))),
            ("claimed", .number(Double(claimed))),
            ("races_lost", .number(Double(lost))),
            ("seconds", .number(Measure.round(elapsed))),
            ("claims_per_second", .number(Measure.round(Double(claimed) / elapsed, 0))),
            ("threads_with_two_claims", .number(Double(doubled))),
        ])
    }

    /// One worker process: claim the most urgent waiting thread until none is left.
    static func worker(path: String, agent: String) throws {
        let store = try SQLiteHandoffStore(path: path, busyTimeout: 30)
        var claimed = 0
        var lost = 0
        while true {
            let page = try store.threads(ThreadQuery(queues: ["general"], states: [.queued], limit: 16))
            guard !page.isEmpty else { break }
            // Spread workers over the head of the queue, as agents scanning a list would.
            let target = page[abs(agent.hashValue &+ claimed) % page.count]
            do {
                try store.claim(threadID: target.id, agent: agent, now: Date())
                claimed += 1
            } catch is LifecycleError {
                lost += 1
            }
        }
        print("\(claimed) \(lost)")
    }
}
