import BatonCore
import BatonStore
import Foundation

/// Ingest rate, and claim and queue-page latency on a large store.
enum StoreBenchmark {
    /// Ingest through the dispatcher (parse is excluded; trigger evaluation and handoffs included), in
    /// batches of the size `baton ingest` uses, `rounds` times into fresh files; the figure is the median
    /// round, since one round on a shared machine can be a quarter off either way.
    static func ingest(messages: Int, rounds: Int, directory: String) throws -> JSONValue {
        var corpus = SyntheticCorpus(seed: 7)
        let conversations = corpus.conversations(messages: messages, prefix: "i")
        let total = conversations.reduce(0) { $0 + $1.messages.count }
        var rawCorpus = SyntheticCorpus(seed: 8)
        let rawConversations = rawCorpus.conversations(messages: messages, prefix: "r")
        let rawTotal = rawConversations.reduce(0) { $0 + $1.messages.count }
        var rates: [Double] = [], rawRates: [Double] = []
        var handoffs = 0
        for round in 1...rounds {
            let dispatcher = Dispatcher(store: try SQLiteHandoffStore(path: directory + "/ingest-\(round).sqlite"), config: BatonConfig())
            handoffs = 0
            let elapsed = try Measure.seconds {
                for batch in batches(of: conversations) {
                    for outcome in try dispatcher.ingest(batch: batch) { if case .handedOff = outcome { handoffs += 1 } }
                }
            }
            rates.append(Double(total) / elapsed)
            // The store alone: record without evaluation, for comparison.
            let raw = try SQLiteHandoffStore(path: directory + "/ingest-raw-\(round).sqlite")
            let rawElapsed = try Measure.seconds {
                for batch in batches(of: rawConversations) { _ = try raw.record(batch, now: Date()) }
            }
            rawRates.append(Double(rawTotal) / rawElapsed)
        }
        return .object([
            ("messages", .number(Double(total))),
            ("conversations", .number(Double(conversations.count))),
            ("handoffs", .number(Double(handoffs))),
            ("messages_per_second", .number(Measure.round(Measure.percentile(rates, 0.5), 0))),
            ("messages_per_second_rounds", .array(rates.map { .number(Measure.round($0, 0)) })),
            ("record_only_messages_per_second", .number(Measure.round(Measure.percentile(rawRates, 0.5), 0))),
            ("goal_messages_per_second", .number(50_000)),
        ])
    }

    /// `conversations` cut into batches of `Dispatcher.batchSize`.
    private static func batches(of conversations: [Conversation]) -> [[Conversation]] {
        stride(from: 0, to: conversations.count, by: Dispatcher.batchSize).map {
            Array(conversations[$0..<min($0 + Dispatcher.batchSize, conversations.count)])
        }
    }

    /// Builds a store of `conversations` conversations, `waiting` of them handed off, and measures it.
    static func large(conversations count: Int, waiting: Int, directory: String) throws -> (JSONValue, String) {
        let path = directory + "/large.sqlite"
        let store = try SQLiteHandoffStore(path: path)
        let now = Date()
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
                    guard let request = BenchHandoff.request(for: outcome.conversation, queue: queues[handedOff.count % queues.count],
                                                             priority: [.high, .medium, .low][handedOff.count % 3], now: now) else { continue }
                    try store.handoff(request, now: now)
                    handedOff.append(outcome.conversation.id)
                }
                written += size
            }
        }
        // Claim latency: distinct waiting threads, claimed by rotating agents.
        for index in 0..<8 { try store.upsertAgent(Agent(id: "bench\(index)", name: "Bench \(index)", skills: queues, capacity: 1_000_000), actor: "bench") }
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
        let views = try Self.viewLatency(store: store, queues: queues, now: now)
        let bytes = Self.size(of: path)
        var fields: [(key: String, value: JSONValue)] = [
            ("conversations", .number(Double(count))),
            ("waiting_threads", .number(Double(handedOff.count))),
            ("build_seconds", .number(Measure.round(buildTime, 1))),
            ("claim_ms_p50", .number(Measure.round(Measure.percentile(claimLatency, 0.5)))),
            ("claim_ms_p99", .number(Measure.round(Measure.percentile(claimLatency, 0.99)))),
            ("claim_samples", .number(Double(claimLatency.count))),
            ("queue_page_ms_p50", .number(Measure.round(Measure.percentile(pageLatency, 0.5)))),
            ("queue_page_ms_p99", .number(Measure.round(Measure.percentile(pageLatency, 0.99)))),
        ]
        fields += views
        fields += [
            ("bytes_on_disk", .number(Double(bytes))),
            ("bytes_per_conversation", .number(Measure.round(Double(bytes) / Double(max(1, count)), 0))),
            ("goal_claim_ms_p99", .number(1)),
            ("goal_queue_page_ms_p99", .number(2)),
        ]
        return (.object(fields), path)
    }

    /// Latency of what the console and `baton queue` read on every refresh: pages and counts for each
    /// scope they offer (all queues, some queues, one agent's threads, one state), at offsets below 1000,
    /// and the queue bar's counts, also when every waiting thread is past its pickup window.
    static func viewLatency(store: SQLiteHandoffStore, queues: [String], now: Date) throws -> [(key: String, value: JSONValue)] {
        let scopes: [ThreadQuery] = [
            ThreadQuery(),
            ThreadQuery(states: [.queued, .afterHours]),
            ThreadQuery(states: [.queued]),
            ThreadQuery(states: [.claimed]),
            ThreadQuery(queues: Array(queues.prefix(2))),
            ThreadQuery(queues: [queues[1]], states: [.queued, .afterHours]),
            ThreadQuery(queues: Array(queues.suffix(3)), states: [.queued, .afterHours]),
            ThreadQuery(states: [.claimed], owner: "bench3"),
        ]
        let allQueues = try Measure.samples(500) { index in
            _ = try store.threads(ThreadQuery(limit: 50, offset: (index * 997) % 1000))
        }
        let anyScope = try Measure.samples(1600) { index in
            var query = scopes[index % scopes.count]
            query.limit = 50
            query.offset = (index * 389) % 1000
            _ = try store.threads(query)
        }
        let counts = try Measure.samples(400) { index in _ = try store.threadCount(scopes[index % scopes.count]) }
        let queueCounts = try Measure.samples(200) { _ in _ = try store.queueCounts(now: now) }
        // A year on, every waiting thread has breached: the worst case for the breach count.
        let breached = try Measure.samples(50) { _ in _ = try store.queueCounts(now: now.addingTimeInterval(365 * 86_400)) }
        func p(_ samples: [Double], _ fraction: Double) -> JSONValue { .number(Measure.round(Measure.percentile(samples, fraction))) }
        return [
            ("all_queues_page_ms_p50", p(allQueues, 0.5)),
            ("all_queues_page_ms_p99", p(allQueues, 0.99)),
            ("any_scope_page_ms_p99", p(anyScope, 0.99)),
            ("thread_count_ms_p50", p(counts, 0.5)),
            ("thread_count_ms_p99", p(counts, 0.99)),
            ("queue_counts_ms_p50", p(queueCounts, 0.5)),
            ("queue_counts_ms_p99", p(queueCounts, 0.99)),
            ("queue_counts_all_breached_ms_p99", p(breached, 0.99)),
            ("goal_thread_count_ms_p99", .number(5)),
            ("goal_queue_counts_ms_p99", .number(5)),
        ]
    }

    static func size(of path: String) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
    }
}
