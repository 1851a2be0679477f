import BatonCore
import BatonStore
import Foundation

/// Ingest rate, and claim and queue-page latency on a large store.
enum StoreBenchmark {
    /// Ingest through the dispatcher (parse is excluded; trigger evaluation and handoffs included).
    static func ingest(messages: Int, directory: String) throws -> JSONValue {
        let path = directory + "/ingest.sqlite"
        let store = try SQLiteHandoffStore(path: path)
        let dispatcher = Dispatcher(store: store, config: BatonConfig())
        var corpus = SyntheticCorpus(seed: 7)
        let conversations = corpus.conversations(messages: messages, prefix: "i")
        let total = conversations.reduce(0) { $0 + $1.messages.count }
        var handoffs = 0
        let elapsed = try Measure.seconds {
            var start = 0
            while start < conversations.count {
                let batch = Array(conversations[start..<min(start + 1000, conversations.count)])
                for outcome in try dispatcher.ingest(batch: batch) { if case .handedOff = outcome { handoffs += 1 } }
                start += 1000
            }
        }
        // The store alone: record without evaluation, for comparison.
        let raw = try SQLiteHandoffStore(path: directory + "/ingest-raw.sqlite")
        var rawCorpus = SyntheticCorpus(seed: 8)
        let rawConversations = rawCorpus.conversations(messages: messages, prefix: "r")
        let rawTotal = rawConversations.reduce(0) { $0 + $1.messages.count }
        let rawElapsed = try Measure.seconds {
            var start = 0
            while start < rawConversations.count {
                _ = try raw.record(Array(rawConversations[start..<min(start + 1000, rawConversations.count)]), now: Date())
                start += 1000
            }
        }
        return .object([
            ("messages", .number(Double(total))),
            ("conversations", .number(Double(conversations.count))),
            ("handoffs", .number(Double(handoffs))),
            ("messages_per_second", .number(Measure.round(Double(total) / elapsed, 0))),
            ("record_only_messages_per_second", .number(Measure.round(Double(rawTotal) / rawElapsed, 0))),
            ("goal_messages_per_second", .number(50_000)),
        ])
    }

    /// Builds a store of `conversations` conversations, `waiting` of them handed off, and measures it.
    static func large(conversations count: Int, waiting: Int, directory: String) throws -> (JSONValue, String) {
        let path = directory + "/large.sqlite"
        let store = try SQLiteHandoffStore(path: path)
        let now = Date()
        let planner = HandoffPlanner(config: BatonConfig())
        var corpus = SyntheticCorpus(seed: 11)
        let queues = ["general", "billing", "security", "sales", "tech"]
        var handedOff: [String] = []
        let buildTime = try Measure.seconds {
            var written = 0
            while written < count {
                let size = min(5000, count - written)
                let batch = (0..<size).map { corpus.conversation(id: "L\(written + $0)") }
                let outcomes = try store.record(batch, now: now)
                let every = max(1, count / max(1, waiting))
                for (offset, outcome) in outcomes.enumerated() where (written + offset) % every == 0 && handedOff.count < waiting {
                    let conversation = outcome.conversation
                    let primary = FiredTrigger(kind: .explicitRequest, message: 0, reason: "benchmark", rule: "bench")
                    let decision = HandoffDecision(conversationID: conversation.id, handoff: true, at: 0, primary: primary,
                                                   triggers: [primary], queue: queues[handedOff.count % queues.count],
                                                   priority: [.high, .medium, .low][handedOff.count % 3], sentiment: [0])
                    guard let request = planner.plan(conversation: conversation, decision: decision,
                                                     situation: .init(counts: [], agents: []), now: now) else { continue }
                    try store.handoff(request, now: now)
                    handedOff.append(conversation.id)
                }
                written += size
            }
        }
        // Claim latency: distinct waiting threads, claimed by rotating agents.
        for index in 0..<8 { try store.upsertAgent(Agent(id: "bench\(index)", name: "Bench \(index)", skills: queues, capacity: 1_000_000)) }
        let claimTargets = stride(from: 0, to: handedOff.count, by: max(1, handedOff.count / 2000)).map { handedOff[$0] }
        let claimLatency = try Measure.samples(claimTargets.count) { index in
            try store.claim(threadID: claimTargets[index], agent: "bench\(index % 8)", now: now)
        }
        let pageLatency = try Measure.samples(1000) { index in
            let query = index % 2 == 0
                ? ThreadQuery(queues: [queues[index / 2 % queues.count]], states: [.queued, .afterHours], limit: 50, offset: (index * 37) % 500)
                : ThreadQuery(limit: 50, offset: (index * 53) % 500)
            _ = try store.threads(query)
        }
        let bytes = Self.size(of: path)
        return (.object([
            ("conversations", .number(Double(count))),
            ("waiting_threads", .number(Double(handedOff.count))),
            ("build_seconds", .number(Measure.round(buildTime, 1))),
            ("claim_ms_p50", .number(Measure.round(Measure.percentile(claimLatency, 0.5)))),
            ("claim_ms_p99", .number(Measure.round(Measure.percentile(claimLatency, 0.99)))),
            ("claim_samples", .number(Double(claimLatency.count))),
            ("queue_page_ms_p50", .number(Measure.round(Measure.percentile(pageLatency, 0.5)))),
            ("queue_page_ms_p99", .number(Measure.round(Measure.percentile(pageLatency, 0.99)))),
            ("bytes_on_disk", .number(Double(bytes))),
            ("bytes_per_conversation", .number(Measure.round(Double(bytes) / Double(max(1, count)), 0))),
            ("goal_claim_ms_p99", .number(1)),
            ("goal_queue_page_ms_p99", .number(2)),
        ]), path)
    }

    static func size(of path: String) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
    }
}
