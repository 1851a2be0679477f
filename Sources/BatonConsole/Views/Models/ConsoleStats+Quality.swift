import Foundation
import BatonCore
import BatonStore

extension ConsoleStats {
    /// A provider for `ConsoleOptions.stats`: today's figures (as `today(from:)`) with the week's mean handoff
    /// quality score and the week before's.
    public static func todayWithWeekQuality(from store: any HandoffStore) -> @Sendable (Date) throws -> ConsoleStats? {
        let today = today(from: store)
        return { now in
            var stats = try today(now)
            let week: TimeInterval = 7 * 86_400
            let facts = try store.reviewFacts(since: now.addingTimeInterval(-2 * week), contactsSince: now)
            let (current, previous) = QualityScore.periodMeans(facts.handoffs, start: now.addingTimeInterval(-week), end: now)
            stats?.weekQuality = current
            stats?.previousWeekQuality = previous
            return stats
        }
    }
}
