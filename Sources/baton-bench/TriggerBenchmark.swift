import BatonCore
import Foundation

/// Trigger engine throughput on one core, with the learned model (the default) and with rules alone,
/// alternated in the same run, per second of wall time and per second of the thread's CPU time; and how
/// long the shipped model takes to load.
enum TriggerBenchmark {
    static func run(messages: Int) -> JSONValue {
        // The first load is what a process pays at start; later decodes show the spread.
        let firstLoad = Measure.seconds { _ = EscalationModel.shipped }
        var loads: [Double] = []
        for _ in 0..<5 { loads.append(Measure.seconds { _ = try? EscalationModel.decodeShipped() }) }
        var corpus = SyntheticCorpus()
        var conversations = corpus.conversations(messages: messages, prefix: "t")
        conversations += DevSet.load()
        let total = conversations.reduce(0) { $0 + $1.messages.count }
        var rulesOnly = EngineConfig()
        rulesOnly.model = false
        let engines = [("model", TriggerEngine()), ("rules_only", TriggerEngine(config: rulesOnly))]
        var handoffs = [0, 0]
        var passes = [0, 0]
        var elapsed = [0.0, 0.0]
        var cpu = [0.0, 0.0]
        // Warm up lexicons and caches, then measure whole passes, alternating, for at least a second each.
        for (_, engine) in engines {
            for conversation in conversations.prefix(1000) { _ = engine.evaluate(conversation) }
        }
        while elapsed.min()! < 1.0 {
            for (slot, (_, engine)) in engines.enumerated() {
                var pass = 0.0
                elapsed[slot] += Measure.seconds {
                    pass = Measure.cpuSeconds {
                        for conversation in conversations where engine.evaluate(conversation).handoff { handoffs[slot] += 1 }
                    }
                }
                cpu[slot] += pass
                passes[slot] += 1
            }
        }
        var fields: [(String, JSONValue)] = [
            ("corpus_conversations", .number(Double(conversations.count))),
            ("corpus_messages", .number(Double(total))),
        ]
        for (slot, (name, _)) in engines.enumerated() {
            let prefix = slot == 0 ? "" : "\(name)_"
            fields.append(("\(prefix)passes", .number(Double(passes[slot]))))
            fields.append(("\(prefix)messages_per_second", .number(Measure.round(Double(total * passes[slot]) / elapsed[slot], 0))))
            // The same passes over the thread's CPU time: on a shared machine, the figure waiting for the core leaves out.
            fields.append(("\(prefix)cpu_messages_per_second", .number(Measure.round(Double(total * passes[slot]) / cpu[slot], 0))))
            fields.append(("\(prefix)handoff_share",
                           .number(Measure.round(Double(handoffs[slot]) / Double(conversations.count * passes[slot])))))
        }
        fields += [
            ("goal_messages_per_second", .number(300_000)),
            ("model", .string(EscalationModel.shipped.identifier)),
            ("model_first_load_ms", .number(Measure.round(firstLoad * 1000, 2))),
            ("model_load_ms_min", .number(Measure.round(loads.min()! * 1000, 2))),
            ("model_load_ms_max", .number(Measure.round(loads.max()! * 1000, 2))),
            ("goal_model_load_ms", .number(20)),
        ]
        return .object(fields)
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
