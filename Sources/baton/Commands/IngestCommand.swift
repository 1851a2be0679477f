import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton ingest FILE|-`: store conversations or message events and hand off those that need it.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store conversations or single message events; hand off those the engine escalates.",
        discussion: """
        A refused line is reported on stderr with its line number and field and skipped; every other line is \
        still stored, and the exit status is 1. A storage fault (say the database is locked past the busy \
        timeout) stops the run; everything before the line it names is stored.
        """)

    @Argument(help: "JSON-lines file, or - for standard input.")
    var file: String

    @Flag(name: .long, help: "Process each line as it arrives on standard input instead of in batches.")
    var follow = false

    @Flag(name: .shortAndLong, help: "Print one line per handoff.")
    var verbose = false

    @Flag(name: .long, help: "Refuse lines with fields Baton does not know (by default they are kept with the conversation and shown to agents under \"from the bot\").")
    var strict = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let dispatcher = try store.openDispatcher(.create)
        var tally = Tally(verbose: verbose)
        var batch: [(line: Int, conversation: Conversation)] = []
        var batchBytes = 0
        let batchSize = follow ? 1 : Dispatcher.batchSize

        func flush() throws {
            guard !batch.isEmpty else { return }
            defer {
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
            do {
                tally.add(try dispatcher.ingest(batch: batch.map(\.conversation)))
            } catch where Self.isRefusal(error) {
                // The store refused one conversation, and the batch's transaction with it: store the batch
                // one conversation at a time, so that only the refused line is skipped.
                for (line, conversation) in batch {
                    do {
                        tally.add([try dispatcher.ingest(.conversation(conversation))])
                    } catch where Self.isRefusal(error) {
                        tally.refuse(line: line, error)
                    }
                }
            }
        }

        var current = 0
        do {
            try InputLines.forEach(file, strict: strict) { line, result in
                current = line
                switch result {
                case .success(.conversation(let conversation)):
                    let bytes = conversation.messages.reduce(0) { $0 + $1.text.utf8.count }
                    // A long conversation starts a batch of its own rather than making the current one long.
                    if !batch.isEmpty && batchBytes + bytes > Dispatcher.batchTextBytes { try flush() }
                    batch.append((line, conversation))
                    batchBytes += bytes
                    if batch.count >= batchSize || batchBytes >= Dispatcher.batchTextBytes { try flush() }
                case .success(let event):
                    try flush()
                    do {
                        tally.add([try dispatcher.ingest(event)])
                    } catch where Self.isRefusal(error) {
                        tally.refuse(line: line, error)
                    }
                case .failure(let error):
                    tally.refused += 1
                    InputLines.warn(error.description)
                }
            }
            try flush()
        } catch {
            Output.text(tally.summary)
            let first = batch.first?.line ?? current
            throw CLIError("stopped at line \(first): \(error); the lines before it are stored")
        }
        Output.text(tally.summary)
        if tally.refused > 0 { throw ExitCode(1) }
    }

    /// Whether `error` refuses one input (invalid, or not allowed in the thread's state) rather than being a
    /// storage fault that would refuse everything after it too.
    static func isRefusal(_ error: any Error) -> Bool {
        switch error {
        case is LifecycleError, is IngestError: true
        case StoreError.invalidInput: true
        default: false
        }
    }

    struct Tally {
        let verbose: Bool
        var stored = 0, handedOff = 0, reopened = 0, acknowledged = 0, csat = 0, suggestions = 0, refused = 0, shadowed = 0

        mutating func add(_ outcomes: [Dispatcher.Outcome]) {
            for outcome in outcomes {
                switch outcome {
                case .keptByAI, .appended: stored += 1
                case .handedOff(let thread):
                    stored += 1
                    handedOff += 1
                    if verbose {
                        Output.text("handoff \(thread.id) → \(thread.queue) [\(thread.priority.rawValue)] \(thread.trigger?.rawValue ?? "")")
                    }
                case .reopened: stored += 1; reopened += 1
                case .acknowledgedAfterHours: stored += 1; acknowledged += 1
                case .csatRecorded: csat += 1
                case .shadowed(let decision):
                    stored += 1
                    shadowed += 1
                    if verbose {
                        Output.text("shadow \(decision.conversationID) → \(decision.queue) [\(decision.priority.rawValue)] \(decision.trigger.rawValue) (not handed off)")
                    }
                case .suggestionStored: suggestions += 1
                }
            }
        }

        mutating func refuse(line: Int, _ error: any Error) {
            refused += 1
            InputLines.warn("line \(line): \(error)")
        }

        var summary: String {
            var parts = ["stored \(stored)", "handed off \(handedOff)"]
            if shadowed > 0 { parts.append("shadow decisions \(shadowed) (kept by the AI)") }
            if reopened > 0 { parts.append("reopened \(reopened)") }
            if acknowledged > 0 { parts.append("acknowledged after hours \(acknowledged)") }
            if csat > 0 { parts.append("csat \(csat)") }
            if suggestions > 0 { parts.append("suggestions \(suggestions)") }
            if refused > 0 { parts.append("refused \(refused) line\(refused == 1 ? "" : "s") (see above)") }
            return parts.joined(separator: ", ")
        }
    }
}
