import Foundation

/// Today's figures for the supervisor view, computed by the caller (Core's metrics) and passed in.
public struct ConsoleStats: Sendable, Equatable {
    /// Share of conversations handed to humans, 0–1.
    public var handoffRate: Double?
    /// Median time from handoff to first claim.
    public var medianTimeToPickup: TimeInterval?
    /// Median time from handoff to resolution.
    public var medianResolutionTime: TimeInterval?
    /// Mean CSAT after a handoff, 1–5.
    public var csat: Double?
    /// Mean CSAT of conversations the AI handled alone, 1–5, for comparison.
    public var aiOnlyCSAT: Double?
    /// Share of resolved handoffs marked `ai_could_have_handled`, 0–1.
    public var falseEscalationRate: Double?
    /// Mean handoff quality score (0–100) of the last seven days, and of the seven before, for the trend.
    public var weekQuality: Double?
    public var previousWeekQuality: Double?
    /// Handoffs per hour of the day so far, oldest first (for a sparkline).
    public var handoffsPerHour: [Double]
    /// Median time to pickup per hour, seconds, oldest first (for a sparkline).
    public var pickupPerHour: [Double]

    public init(handoffRate: Double? = nil, medianTimeToPickup: TimeInterval? = nil, medianResolutionTime: TimeInterval? = nil,
                csat: Double? = nil, aiOnlyCSAT: Double? = nil, falseEscalationRate: Double? = nil, handoffsPerHour: [Double] = [], pickupPerHour: [Double] = [],
                weekQuality: Double? = nil, previousWeekQuality: Double? = nil) {
        self.weekQuality = weekQuality
        self.previousWeekQuality = previousWeekQuality
        self.handoffRate = handoffRate
        self.medianTimeToPickup = medianTimeToPickup
        self.medianResolutionTime = medianResolutionTime
        self.csat = csat
        self.aiOnlyCSAT = aiOnlyCSAT
        self.falseEscalationRate = falseEscalationRate
        self.handoffsPerHour = handoffsPerHour
        self.pickupPerHour = pickupPerHour
    }
}

import BatonCore
import BatonStore

extension ConsoleStats {
    /// The supervisor figures from Core's `HandoffStats`; hourly series run from midnight to `hour`.
    public init(_ stats: HandoffStats, throughHour hour: Int = 23) {
        let last = min(23, max(0, hour))
        self.init(handoffRate: stats.conversations == 0 ? nil : stats.handoffRate, medianTimeToPickup: stats.timeToPickup,
                  medianResolutionTime: stats.resolutionTime, csat: stats.csat, aiOnlyCSAT: stats.aiOnlyCSAT,
                  falseEscalationRate: stats.handoffs == 0 ? nil : stats.falseEscalationRate,
                  handoffsPerHour: stats.handoffsByHour.prefix(last + 1).map(Double.init),
                  pickupPerHour: Array(stats.pickupByHour.prefix(last + 1)))
    }

    /// A provider for `ConsoleOptions.stats`: today's figures (UTC day) from the store's metric facts.
    public static func today(from store: any HandoffStore) -> @Sendable (Date) throws -> ConsoleStats? {
        { now in
            let midnight = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
            let hour = Int(now.timeIntervalSince(midnight) / 3600)
            return ConsoleStats(HandoffStats.compute(try store.metricFacts(since: midnight)), throughHour: hour)
        }
    }
}
