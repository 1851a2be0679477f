import ArgumentParser
import BatonCore
import Foundation

/// `baton review`: the monthly review of handoffs, against the period before.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The handoff review: reasons and trends, false escalations, lowest quality scores, repeat contacts, CSAT, queues.")

    @Option(name: .long, help: ArgumentHelp("Period to review, compared with the one before it, e.g. 30d or 7d.", valueName: "period"))
    var since = "30d"
    @Flag(name: .long, help: "Print the report as JSON.") var json = false
    @Flag(name: .long, help: "Print the report as Markdown.") var markdown = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if json && markdown { throw ValidationError("choose one of --json and --markdown") }
    }

    func run() throws {
        guard let seconds = DurationText.parse(since), seconds > 0 else {
            throw ValidationError("--since takes \(DurationText.expected); got \(Sanitizer.line(since))")
        }
        let now = try StoreOptions.now()
        let report = try store.openDispatcher(.read).review(since: now.addingTimeInterval(-seconds), now: now)
        if json {
            Output.json(text: try report.json())
        } else {
            Output.text(markdown ? report.markdown() : report.text())
        }
    }
}
