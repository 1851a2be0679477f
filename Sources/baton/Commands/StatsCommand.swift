import ArgumentParser
import BatonCore
import Foundation

/// `baton stats`: handoff health figures.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Handoff rate, pickup and resolution times, breaches, CSAT (post-handoff and AI-only), false escalations.")

    @Option(name: .long, help: ArgumentHelp("Period to cover, e.g. 24h or 7d.", valueName: "period"))
    var since = "24h"

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let seconds = DurationText.parse(since) else { throw ValidationError("--since takes \(DurationText.expected); got \(Sanitizer.line(since))") }
        let stats = try store.openDispatcher(.read).stats(since: StoreOptions.now().addingTimeInterval(-seconds))
        if output.json {
            Output.json(text: try JSONOutput.encode(stats))
            return
        }
        func time(_ value: Double?) -> String { value.map(Formatting.duration) ?? "-" }
        func csat(_ mean: Double?, _ responses: Int) -> String {
            mean.map { String(format: "%.2f / 5", $0) + " (" + Plural.count(responses, "response") + ")" } ?? "-"
        }
        Output.text(Formatting.table([
            ["conversations", "\(stats.conversations)"],
            ["handoffs", "\(stats.handoffs)"],
            ["handoff rate", Formatting.percent(stats.handoffRate)],
            ["time to handoff (median)", time(stats.timeToHandoff)],
            ["time to pickup (median / p90)", "\(time(stats.timeToPickup)) / \(time(stats.timeToPickupP90))"],
            ["pickup-window breaches", "\(stats.pickupWindowBreaches)"],
            ["post-handoff resolution (median)", time(stats.resolutionTime)],
            ["post-handoff CSAT", csat(stats.csat, stats.csatResponses)],
            ["AI-only CSAT (never handed off)", csat(stats.aiOnlyCSAT, stats.aiOnlyCSATResponses)],
            ["repeat-contact rate", Formatting.percent(stats.repeatContactRate)],
            ["false-escalation rate", Formatting.percent(stats.falseEscalationRate)],
        ]))
    }
}
