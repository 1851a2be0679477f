import Foundation
import BatonCore

extension Dispatcher {
    /// The review of `[since, now)` against the period of the same length before it (`baton review`).
    public func review(since: Date, now: Date) throws -> ReviewReport {
        let window = config.engine.repeatContactWindowDays
        let previousStart = since.addingTimeInterval(-now.timeIntervalSince(since))
        let facts = try store.reviewFacts(since: previousStart,
                                          contactsSince: previousStart.addingTimeInterval(-Double(window) * 86_400))
        let report = ReviewReport.build(facts, start: since, end: now, repeatWindowDays: window)
        // Shadow decisions of the period, when there are any (or the engine runs in shadow mode, to say there are none).
        let shadow = try shadowReport(since: since)
        guard config.engine.mode == .shadow || !shadow.records.isEmpty else { return report }
        return report.addingShadowDecisions(shadow.summary)
    }
}
