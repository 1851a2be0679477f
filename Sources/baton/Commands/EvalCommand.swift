import ArgumentParser
import BatonCore
import Foundation

/// `baton eval FILE`: compare the engine with labelled conversations.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the escalation engine against labelled conversations (their \"expect\" fields).",
        discussion: "Prints recall, precision, false-escalation rate, primary-trigger and timing accuracy, overall and per kind.")

    @Argument(help: "JSON-lines file of labelled conversations, or - for standard input.")
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let engine = TriggerEngine(config: try store.loadConfig().engine)
        var results: [(Conversation, HandoffDecision)] = []
        var failures = 0
        try InputLines.forEach(file) { line, result in
            switch result {
            case .success(.conversation(let conversation)) where conversation.expect != nil:
                results.append((conversation, engine.evaluate(conversation)))
            case .success(let record):
                failures += 1
                InputLines.warn("line \(line): conversation \(record.conversationID): no \"expect\" label; skipped")
            case .failure(let error):
                failures += 1
                InputLines.warn(error.description)
            }
        }
        guard !results.isEmpty else { throw CLIError("no labelled conversations in \(file)") }
        let report = EvaluationReport(results)
        if output.json { Output.json(text: try JSONOutput.encode(report)) } else { Output.text(report.description) }
        if failures > 0 { throw ExitCode(1) }
    }
}
