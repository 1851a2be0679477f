import ArgumentParser
import BatonCore
import Foundation

/// `baton triggers FILE|-`: one JSON line per conversation with the engine's verdict.
struct TriggersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "Evaluate escalation triggers for each conversation; print one JSON line each.")

    @Argument(help: "JSON-lines file of conversations, or - for standard input.")
    var file: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let engine = TriggerEngine(config: try store.loadConfig().engine)
        var failures = 0
        try InputLines.forEach(file) { result in
            switch result {
            case .success(.conversation(let conversation)):
                print(JSONOutput.decision(engine.evaluate(conversation)).serialized)
            case .success(let other):
                failures += 1
                InputLines.warn("conversation \(other.conversationID): events are ingested, not evaluated; pass whole conversations")
            case .failure(let error):
                failures += 1
                InputLines.warn(error.description)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
