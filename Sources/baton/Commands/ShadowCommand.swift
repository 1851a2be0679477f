import ArgumentParser
import BatonCore
import Foundation

/// `baton shadow`: what Baton would have handed off in shadow mode, and what happened to those conversations.
struct ShadowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow",
        abstract: "Shadow mode's decisions: what Baton would have handed off, with totals by trigger.",
        discussion: """
            With [engine] mode = "shadow" Baton stores what it would have done with each conversation that would
            hand off (trigger, queue, priority, the message it would have sent) and leaves it with the AI. This
            lists those decisions and what became of each conversation since: kept by the AI, handed off later
            (taken over by an agent or handed off by the bot), or resolved by an agent.
            """)

    @Option(name: .long, help: ArgumentHelp("Period to cover, e.g. 7d or 30d.", valueName: "period"))
    var since = "30d"

    @Option(name: .long, help: ArgumentHelp("List at most this many decisions (totals count them all).", valueName: "n"))
    var limit = 50

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let seconds = DurationText.parse(since) else { throw ValidationError("--since takes \(DurationText.expected); got \(Sanitizer.line(since))") }
        guard limit >= 0 else { throw ValidationError("--limit must not be negative, got \(limit)") }
        let dispatcher = try store.openDispatcher(.read)
        let start = try StoreOptions.now().addingTimeInterval(-seconds)
        let (records, summary) = try dispatcher.shadowReport(since: start)
        let engine = dispatcher.config.engine
        if output.json {
            Output.json(ShadowJSON.report(records: Array(records.suffix(limit)), summary: summary, since: start, engine: engine))
            return
        }
        let mode = engine.mode == .shadow ? "shadow mode, pilot \(engine.pilotPercent)% live" : "live mode"
        Output.text("Shadow decisions since \(ISO8601.format(start)) (now \(mode)): \(Plural.count(summary.total.decisions, "decision"))")
        guard !records.isEmpty else { return }
        let listed = records.suffix(limit)
        if listed.count < records.count { Output.text("the latest \(listed.count) of \(records.count):") }
        Output.text(Formatting.table([["CONVERSATION", "DECIDED", "TRIGGER", "QUEUE", "PRIORITY", "AFTERWARDS", "WOULD HAVE SENT"]]
            + listed.map { record in
                let decision = record.decision
                return [decision.conversationID, ISO8601.format(decision.decidedAt), decision.trigger.rawValue,
                        decision.queue + (decision.afterHours ? " (closed)" : ""), decision.priority.rawValue,
                        Self.label(record.aftermath), Self.excerpt(decision.customerMessage)]
            }))
        Output.text("")
        Output.text("By trigger:")
        Output.text(Formatting.table([["TRIGGER", "DECISIONS", "AFTER HOURS", "KEPT BY AI", "HANDED OFF LATER", "RESOLVED BY AGENT"]]
            + (summary.rows + [summary.total]).enumerated().map { index, row in
                [index == summary.rows.count ? "total" : row.trigger.rawValue, "\(row.decisions)", "\(row.afterHours)",
                 "\(row.aftermath[.keptByAI] ?? 0)", "\(row.aftermath[.handedOffLater] ?? 0)",
                 "\(row.aftermath[.resolvedByAgent] ?? 0)"]
            }))
        Output.text("")
        Output.text("By queue: " + summary.byQueue.map { "\($0.queue) \($0.decisions)" }.joined(separator: ", "))
    }

    static func label(_ aftermath: ShadowAftermath) -> String {
        switch aftermath {
        case .keptByAI: "kept by AI"
        case .handedOffLater: "handed off later"
        case .resolvedByAgent: "resolved by agent"
        }
    }

    /// The start of a customer message, cut at a word.
    static func excerpt(_ text: String, width: Int = 48) -> String {
        let line = Sanitizer.line(text)
        guard line.count > width else { return line }
        let cut = line.prefix(width)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word + "…"
    }
}

/// The JSON of `baton shadow --json`.
enum ShadowJSON {
    static func report(records: [ShadowRecord], summary: ShadowSummary, since: Date, engine: EngineConfig) -> JSONValue {
        func row(_ row: ShadowSummary.Row) -> [(key: String, value: JSONValue)] {
            [("decisions", .from(row.decisions)), ("after_hours", .from(row.afterHours))]
                + ShadowAftermath.allCases.map { ($0.rawValue, .from(row.aftermath[$0] ?? 0)) }
        }
        return .object([
            ("since", .string(ISO8601.format(since))),
            ("mode", .string(engine.mode.rawValue)),
            ("pilot_percent", .from(engine.pilotPercent)),
            ("total", .object(row(summary.total))),
            ("by_trigger", .array(summary.rows.map { .object([("trigger", .string($0.trigger.rawValue))] + row($0)) })),
            ("by_queue", .array(summary.byQueue.map { .object([("queue", .string($0.queue)), ("decisions", .from($0.decisions))]) })),
            ("decisions", .array(records.map { record in
                let decision = record.decision
                return .object([
                    ("conversation_id", .string(decision.conversationID)),
                    ("decided_at", .string(ISO8601.format(decision.decidedAt))),
                    ("trigger", .string(decision.trigger.rawValue)),
                    ("rule", .string(decision.rule)),
                    ("reason", .string(decision.reason)),
                    ("message", .from(decision.message)),
                    ("queue", .string(decision.queue)),
                    ("priority", .string(decision.priority.rawValue)),
                    ("after_hours", .bool(decision.afterHours)),
                    ("customer_message", .string(decision.customerMessage)),
                    ("afterwards", .string(record.aftermath.rawValue)),
                    ("csat", .from(record.csat)),
                ])
            })),
        ])
    }
}
