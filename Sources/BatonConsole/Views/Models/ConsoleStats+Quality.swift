import Foundation
import Synchronization
import BatonCore
import BatonStore

extension ConsoleStats {
    /// How long the week's quality score is reused before it is computed again: it reads and scores every
    /// handoff of two weeks (about a second for 5,000 in a debug build), while today's figures refresh every 15 s.
    public static let weekQualityInterval: TimeInterval = 300

    /// A provider for `ConsoleOptions.stats`: today's figures (as `today(from:)`) with the last seven days' mean
    /// handoff quality score and the seven days' before, recomputed at most every `weekQualityInterval`.
    public static func todayWithWeekQuality(from store: any HandoffStore) -> @Sendable (Date) throws -> ConsoleStats? {
        let today = today(from: store)
        let cache = WeekQualityCache()
        return { now in
            var stats = try today(now)
            let (current, previous) = try cache.value(at: now) {
                let week: TimeInterval = 7 * 86_400
                let facts = try store.reviewFacts(since: now.addingTimeInterval(-2 * week), contactsSince: now)
                return QualityScore.periodMeans(facts.handoffs, start: now.addingTimeInterval(-week), end: now)
            }
            stats?.weekQuality = current
            stats?.previousWeekQuality = previous
            return stats
        }
    }
}

/// The week's quality means and when they were computed (by the console's clock).
final class WeekQualityCache: Sendable {
    typealias Means = (current: Double?, previous: Double?)
    private let state = Mutex<(at: Date, means: Means)?>(nil)

    /// The cached means unless older than `ConsoleStats.weekQualityInterval` (or from the future), else `compute()`'s.
    func value(at now: Date, compute: () throws -> Means) throws -> Means {
        if let cached = state.withLock({ $0 }), now >= cached.at,
           now.timeIntervalSince(cached.at) < ConsoleStats.weekQualityInterval {
            return cached.means
        }
        let means = try compute()
        state.withLock { $0 = (now, means) }
        return means
    }
}
