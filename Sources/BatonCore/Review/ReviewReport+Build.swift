import Foundation

extension ReviewReport {
    /// How many of the lowest-scoring handoffs the review lists.
    public static let lowestCount = 20

    /// The review of `[start, end]` (end included: what happened at the moment the review runs counts) against
    /// the period of the same length before it, `[previousStart, start)`.
    public static func build(_ facts: ReviewFacts, start: Date, end reviewEnd: Date, repeatWindowDays: Int) -> ReviewReport {
        let previousStart = start.addingTimeInterval(-reviewEnd.timeIntervalSince(start))
        let end = Date(timeIntervalSinceReferenceDate: reviewEnd.timeIntervalSinceReferenceDate.nextUp)
        let current = facts.handoffs.filter { $0.handedOffAt >= start && $0.handedOffAt < end }
        let previous = facts.handoffs.filter { $0.handedOffAt >= previousStart && $0.handedOffAt < start }
        // Each period's scores measure efficiency against that period's queue medians.
        let scores = QualityScore.scores(current)
        let previousScores = QualityScore.scores(previous)
        return ReviewReport(start: start, end: reviewEnd, previousStart: previousStart, sections: [
            overview(current, previous, scores: scores, previousScores: previousScores, facts: facts, start: start, end: end,
                     previousStart: previousStart),
            reasons(current, previous),
            falseEscalations(current),
            lowestScores(current, scores: scores),
            repeatContacts(facts.contacts, start: start, end: end, previousStart: previousStart, windowDays: repeatWindowDays),
            csat(facts.conversations, start: start, end: end, previousStart: previousStart),
            queues(current),
        ])
    }

    static func overview(_ current: [HandoffFacts], _ previous: [HandoffFacts], scores: [String: QualityScore],
                         previousScores: [String: QualityScore], facts: ReviewFacts, start: Date, end: Date,
                         previousStart: Date) -> ReviewSection {
        func conversations(_ from: Date, _ to: Date) -> Int {
            facts.conversations.filter { fact in
                let at = fact.handedOffAt ?? fact.startedAt
                return at >= from && at < to
            }.count
        }
        let mean = QualityScore.mean(Array(scores.values))
        let previousMean = QualityScore.mean(Array(previousScores.values))
        let rated = current.filter { $0.rating != nil }.count
        return ReviewSection(
            id: "overview", title: "Overview",
            columns: ["figure", "this period", "previous", "trend"],
            rows: [
                ["handoffs", "\(current.count)", "\(previous.count)", ReviewText.trend(Double(current.count), Double(previous.count))],
                ["conversations", "\(conversations(start, end))", "\(conversations(previousStart, start))",
                 ReviewText.trend(Double(conversations(start, end)), Double(conversations(previousStart, start)))],
                ["mean quality score", mean.map(ReviewText.score) ?? "-", previousMean.map(ReviewText.score) ?? "-",
                 ReviewText.trend(mean, previousMean, unit: "")],
                ["packets rated by agents", "\(rated) of \(current.count)", "\(previous.filter { $0.rating != nil }.count) of \(previous.count)", ""],
            ],
            charts: [ReviewChart(title: "mean quality score (0–100)", bars: [
                ReviewBar(label: "this period", value: mean ?? 0, display: mean.map(ReviewText.score) ?? "-"),
                ReviewBar(label: "previous", value: previousMean ?? 0, display: previousMean.map(ReviewText.score) ?? "-"),
            ])])
    }

    static func reasons(_ current: [HandoffFacts], _ previous: [HandoffFacts]) -> ReviewSection {
        let now = countByReason(current)
        let before = countByReason(previous)
        let names = Set(now.keys).union(before.keys).sorted { (now[$0] ?? 0, before[$0] ?? 0, $1) > (now[$1] ?? 0, before[$1] ?? 0, $0) }
        return ReviewSection(
            id: "reasons", title: "Handoffs by reason",
            columns: ["reason", "this period", "previous", "trend"],
            rows: names.map { ["\($0)", "\(now[$0] ?? 0)", "\(before[$0] ?? 0)", ReviewText.trend(Double(now[$0] ?? 0), Double(before[$0] ?? 0))] },
            charts: [ReviewChart(title: "handoffs this period", bars: names.map {
                ReviewBar(label: $0, value: Double(now[$0] ?? 0), display: "\(now[$0] ?? 0)")
            })],
            note: names.isEmpty ? "no handoffs in either period" : nil)
    }

    static func falseEscalations(_ current: [HandoffFacts]) -> ReviewSection {
        var resolved: [String: Int] = [:]
        var falseCount: [String: Int] = [:]
        for facts in current where facts.disposition != nil {
            let reason = reasonName(facts)
            resolved[reason, default: 0] += 1
            if facts.disposition?.isFalseEscalation == true { falseCount[reason, default: 0] += 1 }
        }
        let names = resolved.keys.sorted { (falseCount[$0] ?? 0, $1) > (falseCount[$1] ?? 0, $0) }
        func share(_ name: String) -> Double { Double(falseCount[name] ?? 0) / Double(max(1, resolved[name] ?? 0)) }
        return ReviewSection(
            id: "false_escalations", title: "False escalations by reason (resolved as ai_could_have_handled)",
            columns: ["reason", "false escalations", "resolved", "share"],
            rows: names.map { ["\($0)", "\(falseCount[$0] ?? 0)", "\(resolved[$0] ?? 0)", ReviewText.percent(share($0))] },
            charts: [ReviewChart(title: "share of resolved handoffs the AI could have handled", bars: names.map {
                ReviewBar(label: $0, value: share($0), display: ReviewText.percent(share($0)))
            })],
            note: names.isEmpty ? "no resolved handoffs this period" : nil)
    }

    static func lowestScores(_ current: [HandoffFacts], scores: [String: QualityScore]) -> ReviewSection {
        let lowest = current.compactMap { facts in scores[facts.threadID].map { (facts, $0) } }
            .sorted { ($0.1.score, $0.0.handedOffAt, $0.0.threadID) < ($1.1.score, $1.0.handedOffAt, $1.0.threadID) }
            .prefix(lowestCount)
        return ReviewSection(
            id: "lowest_scores", title: "Lowest quality scores (\(lowestCount) at most)",
            columns: ["thread", "queue", "reason", "score", "context", "routing", "transition", "efficiency", "rating", "what cost points"],
            rows: lowest.map { facts, score in
                [facts.threadID, facts.queue, reasonName(facts), "\(score.score)", ReviewText.component(score.context),
                 ReviewText.component(score.routing), ReviewText.component(score.transition), ReviewText.component(score.efficiency),
                 ReviewText.component(score.rating), score.reasons.isEmpty ? "-" : score.reasons.joined(separator: "; ")]
            },
            charts: [ReviewChart(title: "score (0–100)", bars: lowest.map { facts, score in
                ReviewBar(label: facts.threadID, value: Double(score.score), display: "\(score.score)")
            })],
            note: lowest.isEmpty ? "no handoffs this period" : "components 0–1; - is not known yet (unclaimed, unresolved or unrated)")
    }

    static func repeatContacts(_ contacts: [CustomerContact], start: Date, end: Date, previousStart: Date, windowDays: Int) -> ReviewSection {
        let now = ContactHistory.repeatsByTopic(contacts, from: start, to: end, windowDays: windowDays)
        let before = ContactHistory.repeatsByTopic(contacts, from: previousStart, to: start, windowDays: windowDays)
        let topics = Set(now.keys).union(before.keys).sorted { (now[$0] ?? 0, before[$0] ?? 0, $1) > (now[$1] ?? 0, before[$1] ?? 0, $0) }
        return ReviewSection(
            id: "repeat_contacts", title: "Repeat contacts by topic (within \(windowDays) days of an earlier one)",
            columns: ["topic", "this period", "previous", "trend"],
            rows: topics.map { ["\($0)", "\(now[$0] ?? 0)", "\(before[$0] ?? 0)", ReviewText.trend(Double(now[$0] ?? 0), Double(before[$0] ?? 0))] },
            charts: [ReviewChart(title: "repeat contacts this period", bars: topics.map {
                ReviewBar(label: $0, value: Double(now[$0] ?? 0), display: "\(now[$0] ?? 0)")
            })],
            note: topics.isEmpty ? "no repeat contacts in either period" : nil)
    }

    static func csat(_ conversations: [ConversationFacts], start: Date, end: Date, previousStart: Date) -> ReviewSection {
        func scores(handed: Bool, _ from: Date, _ to: Date) -> [Int] {
            conversations.filter { fact in
                let at = fact.handedOffAt ?? fact.startedAt
                return (fact.handedOffAt != nil) == handed && at >= from && at < to
            }.compactMap(\.csat)
        }
        let groups = [("after handoff", true), ("AI alone", false)]
        let rows = groups.map { name, handed -> [String] in
            let now = scores(handed: handed, start, end)
            let before = scores(handed: handed, previousStart, start)
            let mean = HandoffStats.mean(now)
            let previousMean = HandoffStats.mean(before)
            return [name, mean.map(ReviewText.csat) ?? "-", "\(now.count)", previousMean.map(ReviewText.csat) ?? "-",
                    ReviewText.trend(mean, previousMean, unit: "")]
        }
        return ReviewSection(
            id: "csat", title: "CSAT after handoff next to conversations the AI handled alone",
            columns: ["conversations", "CSAT", "responses", "previous", "trend"],
            rows: rows,
            charts: [ReviewChart(title: "mean CSAT (1–5) this period", bars: groups.map { name, handed in
                let mean = HandoffStats.mean(scores(handed: handed, start, end))
                return ReviewBar(label: name, value: mean ?? 0, display: mean.map(ReviewText.csat) ?? "-")
            })])
    }

    static func queues(_ current: [HandoffFacts]) -> ReviewSection {
        let byQueue = Dictionary(grouping: current, by: \.queue)
        let names = byQueue.keys.sorted()
        func median(_ name: String, _ value: (HandoffFacts) -> Double?) -> Double? {
            HandoffStats.percentile((byQueue[name] ?? []).compactMap(value), 0.5)
        }
        return ReviewSection(
            id: "queues", title: "Time to pickup and resolution per queue (medians)",
            columns: ["queue", "handoffs", "pickup", "resolution"],
            rows: names.map { name in
                [name, "\(byQueue[name]?.count ?? 0)", median(name, \.pickupSeconds).map(ReviewText.duration) ?? "-",
                 median(name, \.resolutionSeconds).map(ReviewText.duration) ?? "-"]
            },
            charts: [
                ReviewChart(title: "median time to pickup", bars: names.map { name in
                    let value = median(name, \.pickupSeconds)
                    return ReviewBar(label: name, value: value ?? 0, display: value.map(ReviewText.duration) ?? "-")
                }),
                ReviewChart(title: "median time to resolution", bars: names.map { name in
                    let value = median(name, \.resolutionSeconds)
                    return ReviewBar(label: name, value: value ?? 0, display: value.map(ReviewText.duration) ?? "-")
                }),
            ],
            note: names.isEmpty ? "no handoffs this period" : nil)
    }

    static func countByReason(_ handoffs: [HandoffFacts]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for facts in handoffs { counts[reasonName(facts), default: 0] += 1 }
        return counts
    }

    /// The handoff's reason as the review groups it: the primary trigger kind.
    static func reasonName(_ facts: HandoffFacts) -> String {
        facts.trigger?.rawValue ?? "unknown"
    }
}
