import Foundation

/// How well one handoff went, 0–100, from five components each scored 0–1 (see the README, "Handoff quality
/// score"). A component that cannot be known yet is missing, not zero: the score is the weighted mean of the
/// components present, so an unresolved or unrated handoff is scored on what is known.
public struct QualityScore: Sendable, Equatable, Codable {
    /// Share of the packet's fields that were filled in (`contextFields`).
    public var context: Double
    /// 1 unless the thread was transferred to another queue after the handoff.
    public var routing: Double
    /// 1 unless the customer repeated, after the claim, something they had said before the handoff; missing
    /// while nobody claimed it.
    public var transition: Double?
    /// The queue's median resolution time over this one's, capped at 1; missing while unresolved.
    public var efficiency: Double?
    /// The resolving agent's packet rating, 1–5 mapped to 0–1; missing while unrated.
    public var rating: Double?
    /// The weighted mean of the components present, 0–100.
    public var score: Int
    /// What cost points, in words, weakest first: "customer repeated themselves", "packet missing: intent".
    public var reasons: [String]

    /// The weights of context, routing, transition, efficiency and rating; they sum to 1.
    public static let weights = (context: 0.25, routing: 0.20, transition: 0.20, efficiency: 0.15, rating: 0.20)

    public init(context: Double, routing: Double, transition: Double?, efficiency: Double?, rating: Double?, reasons: [String] = []) {
        self.context = context
        self.routing = routing
        self.transition = transition
        self.efficiency = efficiency
        self.rating = rating
        self.reasons = reasons
        let weights = Self.weights
        let parts: [(Double?, Double)] = [(context, weights.context), (routing, weights.routing), (transition, weights.transition),
                                          (efficiency, weights.efficiency), (rating, weights.rating)]
        let present = parts.compactMap { value, weight in value.map { ($0, weight) } }
        let total = present.reduce(0) { $0 + $1.1 }
        let mean = present.reduce(0) { $0 + $1.0 * $1.1 } / total
        score = Int((mean * 100).rounded())
    }

    /// The packet fields context completeness counts, by name, and whether `packet` has each.
    public static func contextFields(_ packet: ContextPacket) -> [(name: String, present: Bool)] {
        let tried = packet.aiTried
        return [
            ("summary", packet.summary.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
            ("trigger reason", !packet.primary.reason.isEmpty),
            ("intent", !(packet.intent ?? "").isEmpty),
            ("sentiment trajectory", !packet.sentiment.trajectory.isEmpty),
            ("what the AI tried", !(tried.answers.isEmpty && tried.links.isEmpty && tried.kb.isEmpty && tried.toolCalls.isEmpty)),
            ("customer name", !packet.profile.name.isEmpty),
            ("recommended action", !packet.recommendedAction.isEmpty),
            ("suggested reply", !packet.suggestedReply.isEmpty),
            ("transcript", !packet.transcript.isEmpty),
        ]
    }

    /// Scores one handoff; `queueMedian` is the median resolution seconds of its queue (nil when unknown).
    public static func score(_ facts: HandoffFacts, queueMedian: Double?) -> QualityScore {
        var reasons: [(String, Double)] = []
        let context: Double
        if let packet = facts.packet {
            let fields = contextFields(packet)
            context = Double(fields.filter(\.present).count) / Double(fields.count)
            let missing = fields.filter { !$0.present }.map(\.name)
            if !missing.isEmpty { reasons.append(("packet missing: " + missing.joined(separator: ", "), context)) }
        } else {
            context = 0
            reasons.append(("no packet stored", 0))
        }
        let routing: Double = facts.transfers == 0 ? 1 : 0
        if facts.transfers > 0 { reasons.append(("transferred to another queue" + (facts.transfers > 1 ? " \(facts.transfers) times" : ""), 0)) }
        var transition: Double?
        if facts.firstClaimedAt != nil {
            let repeated = RepeatAfterClaim.first(after: facts.customerAfterClaim, before: facts.customerBefore)
            transition = repeated == nil ? 1 : 0
            if let repeated { reasons.append(("customer repeated themselves: \"\(excerpt(repeated.later))\"", 0)) }
        }
        var efficiency: Double?
        if let seconds = facts.resolutionSeconds {
            let median = queueMedian ?? seconds
            efficiency = seconds <= 0 || median >= seconds ? 1 : median / seconds
            if let value = efficiency, value < 1 {
                reasons.append((String(format: "resolution %.1f× the queue's median", seconds / max(median, 1)), value))
            }
        }
        var rating: Double?
        if let given = facts.rating {
            rating = Double(min(5, max(1, given)) - 1) / 4
            if given < 4 {
                reasons.append(("rated \(given)/5" + (facts.ratingNote.map { ": \(excerpt($0))" } ?? ""), rating ?? 0))
            }
        }
        let ordered = reasons.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
        return QualityScore(context: context, routing: routing, transition: transition, efficiency: efficiency, rating: rating,
                            reasons: ordered)
    }

    /// Scores every handoff, each against the median resolution time of its queue among `handoffs`.
    public static func scores(_ handoffs: [HandoffFacts]) -> [String: QualityScore] {
        let medians = queueMedians(handoffs)
        var result: [String: QualityScore] = [:]
        for facts in handoffs { result[facts.threadID] = score(facts, queueMedian: medians[facts.queue]) }
        return result
    }

    /// Median resolution seconds per queue, over the resolved handoffs given.
    public static func queueMedians(_ handoffs: [HandoffFacts]) -> [String: Double] {
        var samples: [String: [Double]] = [:]
        for facts in handoffs { if let seconds = facts.resolutionSeconds { samples[facts.queue, default: []].append(seconds) } }
        return samples.compactMapValues { HandoffStats.percentile($0, 0.5) }
    }

    /// The mean score of `scores`, nil for none.
    public static func mean(_ scores: [QualityScore]) -> Double? {
        scores.isEmpty ? nil : Double(scores.reduce(0) { $0 + $1.score }) / Double(scores.count)
    }

    private static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= 60 ? line : String(line.prefix(59)) + "…"
    }
}

extension QualityScore {
    /// The mean score of the handoffs in `[start, end]` and of those in the period of the same length before it,
    /// each period scored against its own queue medians.
    public static func periodMeans(_ handoffs: [HandoffFacts], start: Date, end: Date) -> (current: Double?, previous: Double?) {
        let previousStart = start.addingTimeInterval(-end.timeIntervalSince(start))
        let current = handoffs.filter { $0.handedOffAt >= start && $0.handedOffAt <= end }
        let previous = handoffs.filter { $0.handedOffAt >= previousStart && $0.handedOffAt < start }
        return (mean(Array(scores(current).values)), mean(Array(scores(previous).values)))
    }
}
