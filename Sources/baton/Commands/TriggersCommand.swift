import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton triggers FILE|-`: one JSON line per conversation with the engine's verdict.
struct TriggersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "Evaluate escalation triggers for each conversation; print one JSON line each.",
        discussion: """
        Accepts and refuses the same lines as `baton ingest`. A message event is added to its conversation \
        from earlier in the input and the verdict on the new message is printed; CSAT lines print nothing. \
        Refused lines are reported on stderr with their line number and field, and the exit status is 1.
        """)

    @Argument(help: "JSON-lines file of conversations, or - for standard input.")
    var file: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let engine = TriggerEngine(config: try store.loadConfig().engine)
        var failures = 0
        /// Conversations of this input that message events may continue, as `baton ingest` would store them.
        var known: [String: Conversation] = [:]
        try InputLines.forEach(file) { line, result in
            switch result {
            case .success(.conversation(let conversation)):
                known[conversation.id] = conversation
                Output.json(JSONOutput.decision(engine.evaluate(conversation)))
            case .success(.message(let id, let channel, let customer, let message)):
                guard var conversation = known[id] ?? customer.map({ Conversation(id: id, channel: channel ?? .webchat, customer: $0, messages: []) }) else {
                    failures += 1
                    InputLines.warn("line \(line): \(IngestError.unknownConversation(id))")
                    return
                }
                conversation.messages.append(message)
                known[id] = conversation
                Output.json(JSONOutput.decision(engine.evaluate(conversation, from: conversation.messages.count - 1)))
            case .success(.csat):
                break
            case .failure(let error):
                failures += 1
                InputLines.warn(error.description)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
