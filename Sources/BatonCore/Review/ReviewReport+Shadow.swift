import Foundation

extension ReviewReport {
    /// The review with its shadow-decisions section appended: what Baton would have handed off in the period
    /// (shadow mode, or the shadow share of a pilot), per reason, next to what became of those conversations.
    public func addingShadowDecisions(_ summary: ShadowSummary) -> ReviewReport {
        var report = self
        report.sections.append(Self.shadowDecisions(summary))
        return report
    }

    static func shadowDecisions(_ summary: ShadowSummary) -> ReviewSection {
        func row(_ label: String, _ counts: ShadowSummary.Row) -> [String] {
            [label, "\(counts.decisions)", "\(counts.afterHours)", "\(counts.aftermath[.keptByAI] ?? 0)",
             "\(counts.aftermath[.handedOffLater] ?? 0)", "\(counts.aftermath[.resolvedByAgent] ?? 0)"]
        }
        let rows = summary.rows.map { row($0.trigger.rawValue, $0) }
        return ReviewSection(
            id: "shadow_decisions", title: "Shadow decisions",
            columns: ["reason", "would have handed off", "after hours", "kept by AI", "handed off later", "resolved by agent"],
            rows: rows.isEmpty ? [] : rows + [row("all", summary.total)],
            charts: rows.isEmpty ? [] : [ReviewChart(title: "would have handed off, by reason", bars: summary.rows.map { counts in
                ReviewBar(label: counts.trigger.rawValue, value: Double(counts.decisions), display: "\(counts.decisions)")
            })],
            note: rows.isEmpty ? "No shadow decisions in this period."
                : "Kept by AI: no human stepped in afterwards; a high share there for a reason means it would have fired too often.")
    }
}
