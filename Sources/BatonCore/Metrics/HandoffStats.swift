import Foundation

/// The figures supervisors watch, computed from `MetricInput`.
public struct HandoffStats: Sendable, Equatable, Codable {
    public var conversations: Int
    public var handoffs: Int
    /// Handoffs per conversation, 0 to 1.
    public var handoffRate: Double
    /// Median seconds from the conversation's first message to the handoff.
    public var timeToHandoff: Double?
    /// Median and 90th percentile seconds from handoff to first claim.
    public var timeToPickup: Double?
    public var timeToPickupP90: Double?
    public var pickupWindowBreaches: Int
    /// Median seconds from handoff to resolution.
    public var resolutionTime: Double?
    /// Mean post-handoff CSAT (1–5) and how many scores it rests on.
    public var csat: Double?
    public var csatResponses: Int
    /// Mean CSAT of conversations the AI handled alone (never handed off), for comparison, and its count.
    public var aiOnlyCSAT: Double?
    public var aiOnlyCSATResponses: Int
    public var repeatContactRate: Double
    /// Resolved handoffs marked "the AI could have handled this", over resolved handoffs.
    public var falseEscalationRate: Double
    /// Handoffs per hour of day (UTC), 24 buckets.
    public var handoffsByHour: [Int]
    /// Median pickup seconds per hour of day of the handoff (0 where none).
    public var pickupByHour: [Double]
    public var handoffsByTrigger: [String: Int]

    /// Computes every figure from the per-conversation facts.
    public static func compute(_ input: MetricInput) -> HandoffStats {
        let all = input.conversations
        let handed = all.filter { $0.handedOffAt != nil }
        let pickups = handed.compactMap { fact -> Double? in
            guard let handed = fact.handedOffAt, let claimed = fact.firstClaimedAt, claimed >= handed else { return nil }
            return claimed.timeIntervalSince(handed)
        }
        let resolutions = handed.compactMap { fact -> Double? in
            guard let handed = fact.handedOffAt, let resolved = fact.resolvedAt, resolved >= handed else { return nil }
            return resolved.timeIntervalSince(handed)
        }
        let toHandoff = handed.compactMap { fact in
            (fact.firedAt ?? fact.handedOffAt).map { max(0, $0.timeIntervalSince(fact.startedAt)) }
        }
        let scores = handed.compactMap(\.csat)
        let aiOnlyScores = all.filter { $0.handedOffAt == nil }.compactMap(\.csat)
        let resolved = handed.filter { $0.disposition != nil }
        var byHour = [Int](repeating: 0, count: 24)
        var pickupSamples = [[Double]](repeating: [], count: 24)
        var byTrigger: [String: Int] = [:]
        for fact in handed {
            guard let at = fact.handedOffAt else { continue }
            let hour = Int(at.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) / 3600 + 24) % 24
            byHour[hour] += 1
            if let claimed = fact.firstClaimedAt { pickupSamples[hour].append(max(0, claimed.timeIntervalSince(at))) }
            if let trigger = fact.trigger { byTrigger[trigger.rawValue, default: 0] += 1 }
        }
        return HandoffStats(
            conversations: all.count,
            handoffs: handed.count,
            handoffRate: all.isEmpty ? 0 : Double(handed.count) / Double(all.count),
            timeToHandoff: percentile(toHandoff, 0.5),
            timeToPickup: percentile(pickups, 0.5),
            timeToPickupP90: percentile(pickups, 0.9),
            pickupWindowBreaches: handed.reduce(0) { $0 + $1.pickupBreaches },
            resolutionTime: percentile(resolutions, 0.5),
            csat: mean(scores),
            csatResponses: scores.count,
            aiOnlyCSAT: mean(aiOnlyScores),
            aiOnlyCSATResponses: aiOnlyScores.count,
            repeatContactRate: handed.isEmpty ? 0 : Double(handed.filter(\.repeatContact).count) / Double(handed.count),
            falseEscalationRate: resolved.isEmpty ? 0
                : Double(resolved.filter { $0.disposition?.isFalseEscalation == true }.count) / Double(resolved.count),
            handoffsByHour: byHour,
            pickupByHour: pickupSamples.map { percentile($0, 0.5) ?? 0 },
            handoffsByTrigger: byTrigger)
    }

    /// The mean of CSAT scores; nil for none.
    public static func mean(_ scores: [Int]) -> Double? {
        scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
    }

    /// Nearest-rank percentile; nil for no samples.
    public static func percentile(_ values: [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
