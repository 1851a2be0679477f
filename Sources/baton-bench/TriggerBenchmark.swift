import BatonCore
import Foundation

/// Trigger engine throughput on one core.
enum TriggerBenchmark {
    static func run(messages: Int) -> JSONValue {
        var corpus = SyntheticCorpus()
        var conversations = corpus.conversations(messages: messages, prefix: "t")
        conversations += DevSet.load()
        let total = conversations.reduce(0) { $0 + $1.messages.count }
        let engine = TriggerEngine()
        var handoffs = 0
        // Warm up lexicons and caches, then measure whole passes for at least a second.
        for conversation in conversations.prefix(1000) where engine.evaluate(conversation).handoff { handoffs += 0 }
        var passes = 0
        var elapsed = 0.0
        while elapsed < 1.0 {
            elapsed += Measure.seconds {
                for conversation in conversations where engine.evaluate(conversation).handoff { handoffs += 1 }
            }
            passes += 1
        }
        return .object([
            ("corpus_conversations", .number(Double(conversations.count))),
            ("corpus_messages", .number(Double(total))),
            ("passes", .number(Double(passes))),
            ("messages_per_second", .number(Measure.round(Double(total * passes) / elapsed, 0))),
            ("handoff_share", .number(Measure.round(Double(handoffs) / Double(conversations.count * passes)))),
            ("goal_messages_per_second", .number(300_000)),
        ])
    }
}

/// The labelled dev set, when `shared/` sits beside the checkout.
enum DevSet {
    static func load() -> [Conversation] {
        let candidates = ["../shared/eval/dev.jsonl", "shared/eval/dev.jsonl",
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/eval/dev.jsonl").path]
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let parser = ConversationParser()
        return text.split(separator: "\n").enumerated().compactMap { offset, line in
            guard case .conversation(let conversation)? = try? parser.parse(line: String(line), lineNumber: offset + 1) else { return nil }
            return conversation
        }
    }
}
