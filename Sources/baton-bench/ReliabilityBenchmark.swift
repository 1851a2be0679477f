import BatonCore
import BatonStore
import Foundation
import Synchronization

/// Figures for issue 8's guarantees: engine time against message length, claims while huge messages are
/// ingested, and the soak.
enum ReliabilityBenchmark {
    /// Text the engine used to need quadratic time for: every "refund" is a rejected (hypothetical) match.
    static func hostileText(bytes: Int) -> String {
        let unit = "will i get a refund "
        return String(repeating: unit, count: bytes / unit.utf8.count)
    }

    /// Engine time for one message of growing length, reading all of it (time per 100 KB stays flat when the
    /// engine is linear) and reading its bounded head and tail (the default).
    static func longMessages() -> JSONValue {
        var unbounded = EngineConfig()
        unbounded.evaluateHead = 100_000_000
        let whole = TriggerEngine(config: unbounded)
        let bounded = TriggerEngine()
        var rows: [JSONValue] = []
        for kilobytes in [150, 300, 600, 1000] {
            let conversation = Conversation(id: "long", customer: Customer(id: "u"),
                                            messages: [Message(role: .customer, text: hostileText(bytes: kilobytes * 1000))])
            let wholeSeconds = Measure.seconds { _ = whole.evaluate(conversation) }
            let boundedSeconds = (0..<5).map { _ in Measure.seconds { _ = bounded.evaluate(conversation) } }.min() ?? 0
            rows.append(.object([
                ("kilobytes", .from(kilobytes)),
                ("whole_text_ms", .number(Measure.round(wholeSeconds * 1000, 1))),
                ("whole_text_ms_per_100kb", .number(Measure.round(wholeSeconds * 1000 / Double(kilobytes) * 100, 2))),
                ("bounded_ms", .number(Measure.round(boundedSeconds * 1000, 3))),
            ]))
        }
        return .array(rows)
    }

    /// Claim latency, from a second connection (as another process would), while conversations carrying a
    /// 1 MiB message each are ingested in the CLI's batches.
    static func claimsDuringHugeIngest(directory: String) throws -> JSONValue {
        let path = directory + "/huge-claims.sqlite"
        let writer = Dispatcher(store: try SQLiteHandoffStore(path: path), config: BatonConfig())
        let queued = (0..<2_000).map { index in
            Conversation(id: "q\(index)", customer: Customer(id: "u\(index)"), messages: [Message(role: .customer, text: "I want to talk to a person")])
        }
        _ = try writer.ingest(batch: queued)
        let agentStore = try SQLiteHandoffStore(path: path)
        let huge = hostileText(bytes: 1 << 20 - 100)
        let done = DispatchSemaphore(value: 0)
        let ingestSeconds = Mutex(0.0)
        DispatchQueue.global().async {
            let seconds = Measure.seconds {
                // As `baton ingest` cuts them: a conversation near 1 MiB of text is a batch of its own.
                for index in 0..<24 {
                    let conversation = Conversation(id: "huge-\(index)", customer: Customer(id: "h\(index % 4)"),
                                                    messages: [Message(role: .customer, text: huge)])
                    _ = try? writer.ingest(batch: [conversation])
                }
            }
            ingestSeconds.withLock { $0 = seconds }
            done.signal()
        }
        var samples: [Double] = []
        var failures = 0
        while done.wait(timeout: .now()) == .timedOut {
            samples += Measure.samples(1) { _ in
                do { _ = try agentStore.claimNext(agent: "bench", queues: nil, now: Date()) } catch { failures += 1 }
            }
        }
        return .object([
            ("huge_messages_ingested", .from(24)),
            ("ingest_seconds", .number(Measure.round(ingestSeconds.withLock { $0 }, 2))),
            ("claims", .from(samples.count)),
            ("claim_failures", .from(failures)),
            ("claim_p50_ms", .number(Measure.round(Measure.percentile(samples, 0.5)))),
            ("claim_p99_ms", .number(Measure.round(Measure.percentile(samples, 0.99)))),
            ("claim_max_ms", .number(Measure.round(samples.max() ?? 0))),
        ])
    }

    /// Runs tools/soak/soak.sh against the `baton` built next to this benchmark; its summary lines and status.
    static func soak(seconds: Int) throws -> JSONValue {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("tools/soak/soak.sh").path
        let baton = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("baton").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, String(seconds), "8"]
        process.environment = ProcessInfo.processInfo.environment.merging(["BATON": baton]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let summary = text.split(separator: "\n").filter { $0.hasPrefix("soak: ") }.map { JSONValue.string(String($0.dropFirst(6))) }
        return .object([("seconds", .from(seconds)), ("passed", .bool(process.terminationStatus == 0)), ("summary", .array(summary))])
    }
}

