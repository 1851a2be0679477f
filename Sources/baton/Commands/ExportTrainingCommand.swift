import ArgumentParser
import BatonCore
import Foundation

/// `baton export-training`: agents' verdicts on handoffs as training examples for tools/train/train.py.
struct ExportTrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-training",
        abstract: "Write resolved handoffs as labelled training examples (JSON lines) for tools/train/train.py --extra.",
        discussion: """
            A handoff resolved as ai_could_have_handled is a negative (no label); a solved one is a positive of its
            primary trigger (explicit_request, sentiment as frustration, a built-in policy group, buying_intent), on the
            customer message it fired on. Other dispositions and triggers the model does not learn are left out.
            Retrain with: tools/train/train.py --extra FILE
            """)

    @Option(name: .long, help: ArgumentHelp("Period to cover, e.g. 30d.", valueName: "period"))
    var since = "30d"

    @Option(name: .long, help: ArgumentHelp("Most threads to read.", valueName: "n"))
    var limit = 1_000_000

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let seconds = DurationText.parse(since) else { throw ValidationError("--since takes a period such as 30d or 12h; got \(since)") }
        let handoffs = try store.openStore().resolvedHandoffs(since: Date().addingTimeInterval(-seconds), limit: limit)
        var written = 0
        var output = ""
        for handoff in handoffs {
            guard let example = handoff.trainingExample else { continue }
            output += example.serialized
            output += "\n"
            written += 1
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        FileHandle.standardError.write(Data("\(written) examples from \(handoffs.count) resolved handoffs\n".utf8))
    }
}
