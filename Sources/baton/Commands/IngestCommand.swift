import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton ingest FILE|-`: store conversations or message events and hand off those that need it.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store conversations or single message events; hand off those the engine escalates.",
        discussion: "Bad lines are reported on stderr with their line number and skipped; valid lines are still stored.")

    @Argument(help: "JSON-lines file, or - for standard input.")
    var file: String

    @Flag(name: .long, help: "Process each line as it arrives on standard input instead of in batches.")
    var follow = false

    @Flag(name: .shortAndLong, help: "Print one line per handoff.")
    var verbose = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let dispatcher = try store.openDispatcher()
        var tally = Tally()
        var batch: [Conversation] = []
        let batchSize = follow ? 1 : Dispatcher.batchSize

        func flush() throws {
            guard !batch.isEmpty else { return }
            tally.add(try dispatcher.ingest(batch: batch), verbose: verbose)
            batch.removeAll(keepingCapacity: true)
        }

        try InputLines.forEach(file) { result in
            switch result {
            case .success(.conversation(let conversation)):
                batch.append(conversation)
                if batch.count >= batchSize { try flush() }
            case .success(let event):
                try flush()
                do {
                    tally.add([try dispatcher.ingest(event)], verbose: verbose)
                } catch let error as IngestError {
                    tally.refused += 1
                    InputLines.warn(error.description)
                }
            case .failure(let error):
                tally.refused += 1
                InputLines.warn(error.description)
            }
        }
        try flush()
        print(tally.summary)
        if tally.refused > 0 { throw ExitCode(1) }
    }

    struct Tally {
        var stored = 0, handedOff = 0, reopened = 0, acknowledged = 0, csat = 0, refused = 0

        mutating func add(_ outcomes: [Dispatcher.Outcome], verbose: Bool) {
            for outcome in outcomes {
                switch outcome {
                case .keptByAI, .appended: stored += 1
                case .handedOff(let thread):
                    stored += 1
                    handedOff += 1
                    if verbose { print("handoff \(thread.id) → \(thread.queue) [\(thread.priority.rawValue)] \(thread.trigger?.rawValue ?? "")") }
                case .reopened: stored += 1; reopened += 1
                case .acknowledgedAfterHours: stored += 1; acknowledged += 1
                case .csatRecorded: csat += 1
                }
            }
        }

        var summary: String {
            var parts = ["stored \(stored)", "handed off \(handedOff)"]
            if reopened > 0 { parts.append("reopened \(reopened)") }
            if acknowledged > 0 { parts.append("acknowledged after hours \(acknowledged)") }
            if csat > 0 { parts.append("csat \(csat)") }
            if refused > 0 { parts.append("refused \(refused) line\(refused == 1 ? "" : "s") (see above)") }
            return parts.joined(separator: ", ")
        }
    }
}
