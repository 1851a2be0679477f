import ArgumentParser
import BatonCore
import Foundation

/// `baton eval FILE`: compare the engine with labelled conversations.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the escalation engine against labelled conversations (their \"expect\" fields).",
        discussion: """
            Prints recall, precision, false-escalation rate, primary-trigger and timing accuracy, overall and per kind.
            --misses lists every miss and false escalation with what fired, and how near each model label came on each
            customer message. --sweep LABEL prints the figures as that model label's threshold moves, to set
            [engine.model_thresholds] in baton.toml from a team's own labelled logs.
            """)

    @Argument(help: "JSON-lines file of labelled conversations, or - for standard input.")
    var file: String

    @Flag(name: .long, help: "List every miss and false escalation with what fired or nearly fired.")
    var misses = false

    @Option(name: .long, help: ArgumentHelp("Print precision and recall at a range of thresholds of this model label (\(ModelLabel.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "label"))
    var sweep: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let sweep, ModelLabel(rawValue: sweep) == nil {
            throw ValidationError("--sweep: unknown model label '\(sweep)'; expected one of \(ModelLabel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let config = try store.loadConfig().engine
        var conversations: [Conversation] = []
        var failures = 0
        try InputLines.forEach(file) { line, result in
            switch result {
            case .success(.conversation(let conversation)) where conversation.expect != nil:
                conversations.append(conversation)
            case .success(let record):
                failures += 1
                InputLines.warn("line \(line): conversation \(record.conversationID): no \"expect\" label; skipped")
            case .failure(let error):
                failures += 1
                InputLines.warn(error.description)
            }
        }
        guard !conversations.isEmpty else { throw CLIError("no labelled conversations in \(file)") }
        if let sweep, let label = ModelLabel(rawValue: sweep) {
            let result = ThresholdSweep(conversations, label: label, config: config, model: EscalationModel.shipped)
            if output.json { Output.json(text: try JSONOutput.encode(result)) } else { Output.text(result.description) }
        } else {
            let engine = TriggerEngine(config: config)
            let report = EvaluationReport(conversations.map { ($0, engine.evaluate($0)) })
            if output.json {
                Output.json(text: try JSONOutput.encode(report))
            } else {
                Output.text(report.description)
                if misses { Output.text(missesText(report, conversations, config: config)) }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Each miss and false escalation, with the customer messages the engine walked and how near the model came.
    private func missesText(_ report: EvaluationReport, _ conversations: [Conversation], config: EngineConfig) -> String {
        var lines: [String] = []
        func print(_ line: String) { lines.append(line) }
        let byID = Dictionary(conversations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let near = ModelRule(model: EscalationModel.shipped, config: config)
        let wrong = report.mistakes.filter { $0.problem == .missed || $0.problem == .falseEscalation }
        print("")
        print("misses and false escalations: \(wrong.count)")
        for mistake in wrong {
            guard let conversation = byID[mistake.conversationID] else { continue }
            print("")
            let expected = mistake.expectedKinds.map(\.rawValue).joined(separator: "|")
            if mistake.problem == .missed {
                print("\(Sanitizer.line(conversation.id)) missed: expected \(expected) at message \(mistake.expectedAt ?? -1), nothing fired")
            } else {
                print("\(Sanitizer.line(conversation.id)) false escalation: \(Sanitizer.line(mistake.detail ?? "")) at message \(mistake.firedAt ?? -1)")
            }
            let last = mistake.problem == .missed ? conversation.messages.count - 1 : (mistake.firedAt ?? conversation.messages.count - 1)
            for (index, message) in conversation.messages.enumerated() where index <= last && message.role == .customer {
                let marker = index == mistake.expectedAt ? "▶" : " "
                print("  \(marker) \(index) \(Sanitizer.line(String(message.text.prefix(120))))")
                if config.model {
                    for closeness in near.closest(message.text) {
                        print("        model \(Sanitizer.line(closeness.description))")
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
