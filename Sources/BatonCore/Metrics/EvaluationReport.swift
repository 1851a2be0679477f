/// How well the escalation engine matches labelled conversations (`Conversation.expect`).
///
/// Figures, each a fraction in [0, 1]:
/// - recall: expected handoffs that fired / expected handoffs;
/// - precision: expected handoffs that fired / all handoffs fired on labelled conversations;
/// - false-escalation rate: handoffs fired where none was expected / conversations expecting none;
/// - primary accuracy: fired expected handoffs whose primary kind is in the expected list / fired expected handoffs;
/// - timing accuracy: fired expected handoffs that fired at the expected message / fired expected handoffs.
/// The same figures are kept per expected kind (the preferred kind, first in the label). A ratio
/// with nothing to count is 1 (0 for the false-escalation rate), so an empty set reads as clean.
/// Conversations without a label are skipped. Rendering is the CLI's job; `description` is a plain table.
public struct EvaluationReport: Sendable, Equatable, Codable, CustomStringConvertible {
    public var conversations: Int
    public var expectedHandoffs: Int
    public var expectedNoHandoff: Int
    /// Expected handoffs that fired.
    public var truePositives: Int
    /// Handoffs that fired where none was expected.
    public var falsePositives: Int
    /// Fired expected handoffs with an acceptable primary kind.
    public var primaryCorrect: Int
    /// Fired expected handoffs at the expected message.
    public var timingCorrect: Int
    public var recall: Double
    public var precision: Double
    public var falseEscalationRate: Double
    public var primaryAccuracy: Double
    public var timingAccuracy: Double
    /// Figures per expected (preferred) trigger kind, in precedence order.
    public var byKind: [KindFigures]
    /// Every conversation the engine got wrong, and how.
    public var mistakes: [Mistake]

    /// Figures for the conversations whose preferred expected kind is `kind`.
    public struct KindFigures: Sendable, Equatable, Codable {
        public var kind: TriggerKind
        public var expected: Int
        public var fired: Int
        public var primaryCorrect: Int
        public var timingCorrect: Int
        public var recall: Double
        public var primaryAccuracy: Double
        public var timingAccuracy: Double
    }

    /// One conversation the engine got wrong.
    public struct Mistake: Sendable, Equatable, Codable {
        public enum Problem: String, Sendable, Codable {
            case missed, falseEscalation = "false_escalation", wrongPrimary = "wrong_primary", wrongMessage = "wrong_message"
        }
        public var conversationID: String
        public var problem: Problem
        public var expectedAt: Int?
        public var expectedKinds: [TriggerKind]
        public var firedAt: Int?
        public var firedKind: TriggerKind?
        /// The primary trigger's rule and reason, when something fired.
        public var detail: String?
    }

    /// Scores `results` against each conversation's `expect` label.
    public init(_ results: [(Conversation, HandoffDecision)]) {
        var conversations = 0, expectedHandoffs = 0, expectedNoHandoff = 0
        var truePositives = 0, falsePositives = 0, primaryCorrect = 0, timingCorrect = 0
        var perKind: [TriggerKind: (expected: Int, fired: Int, primary: Int, timing: Int)] = [:]
        var mistakes: [Mistake] = []
        for (conversation, decision) in results {
            guard let expect = conversation.expect else { continue }
            conversations += 1
            let detail = decision.primary.map { "\($0.rule): \($0.reason)" }
            func mistake(_ problem: Mistake.Problem) {
                mistakes.append(Mistake(conversationID: conversation.id, problem: problem, expectedAt: expect.at,
                                        expectedKinds: expect.triggers, firedAt: decision.at,
                                        firedKind: decision.primary?.kind, detail: detail))
            }
            guard expect.handoff else {
                expectedNoHandoff += 1
                if decision.handoff {
                    falsePositives += 1
                    mistake(.falseEscalation)
                }
                continue
            }
            expectedHandoffs += 1
            let kind = expect.triggers.first
            if let kind { perKind[kind, default: (0, 0, 0, 0)].expected += 1 }
            guard decision.handoff else {
                mistake(.missed)
                continue
            }
            truePositives += 1
            if let kind { perKind[kind, default: (0, 0, 0, 0)].fired += 1 }
            let primaryOK = decision.primary.map { expect.triggers.contains($0.kind) } ?? false
            let timingOK = expect.at == nil || decision.at == expect.at
            if primaryOK {
                primaryCorrect += 1
                if let kind { perKind[kind, default: (0, 0, 0, 0)].primary += 1 }
            } else {
                mistake(.wrongPrimary)
            }
            if timingOK {
                timingCorrect += 1
                if let kind { perKind[kind, default: (0, 0, 0, 0)].timing += 1 }
            } else {
                mistake(.wrongMessage)
            }
        }
        self.conversations = conversations
        self.expectedHandoffs = expectedHandoffs
        self.expectedNoHandoff = expectedNoHandoff
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.primaryCorrect = primaryCorrect
        self.timingCorrect = timingCorrect
        recall = Self.ratio(truePositives, expectedHandoffs)
        precision = Self.ratio(truePositives, truePositives + falsePositives)
        falseEscalationRate = expectedNoHandoff == 0 ? 0 : Double(falsePositives) / Double(expectedNoHandoff)
        primaryAccuracy = Self.ratio(primaryCorrect, truePositives)
        timingAccuracy = Self.ratio(timingCorrect, truePositives)
        byKind = TriggerKind.allCases.compactMap { kind in
            guard let counts = perKind[kind] else { return nil }
            return KindFigures(kind: kind, expected: counts.expected, fired: counts.fired,
                               primaryCorrect: counts.primary, timingCorrect: counts.timing,
                               recall: Self.ratio(counts.fired, counts.expected),
                               primaryAccuracy: Self.ratio(counts.primary, counts.fired),
                               timingAccuracy: Self.ratio(counts.timing, counts.fired))
        }
        self.mistakes = mistakes
    }

    /// Runs `engine` over `conversations` (from their first message) and scores the result.
    public static func evaluate(_ conversations: [Conversation], with engine: TriggerEngine) -> EvaluationReport {
        EvaluationReport(conversations.map { ($0, engine.evaluate($0)) })
    }

    /// `part / whole`, or 1 when there is nothing to count.
    static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }

    /// A plain-text table: overall figures, then one row per expected kind, then the mistakes.
    public var description: String {
        var lines: [String] = []
        lines.append("conversations \(conversations): \(expectedHandoffs) expect a handoff, \(expectedNoHandoff) expect none")
        lines.append(Self.row(["figure", "value", "count"], widths: [24, 8, 10]))
        lines.append(Self.row(["recall", Self.percent(recall), "\(truePositives)/\(expectedHandoffs)"], widths: [24, 8, 10]))
        lines.append(Self.row(["precision", Self.percent(precision), "\(truePositives)/\(truePositives + falsePositives)"],
                              widths: [24, 8, 10]))
        lines.append(Self.row(["false escalation rate", Self.percent(falseEscalationRate), "\(falsePositives)/\(expectedNoHandoff)"],
                              widths: [24, 8, 10]))
        lines.append(Self.row(["primary trigger right", Self.percent(primaryAccuracy), "\(primaryCorrect)/\(truePositives)"],
                              widths: [24, 8, 10]))
        lines.append(Self.row(["right message", Self.percent(timingAccuracy), "\(timingCorrect)/\(truePositives)"],
                              widths: [24, 8, 10]))
        lines.append("")
        let widths = [18, 9, 8, 8, 9, 8]
        lines.append(Self.row(["expected kind", "expected", "recall", "primary", "message", "fired"], widths: widths))
        for figures in byKind {
            lines.append(Self.row([figures.kind.rawValue, "\(figures.expected)", Self.percent(figures.recall),
                                   Self.percent(figures.primaryAccuracy), Self.percent(figures.timingAccuracy),
                                   "\(figures.fired)"], widths: widths))
        }
        if !mistakes.isEmpty {
            lines.append("")
            lines.append("mistakes:")
            for mistake in mistakes {
                let expected = mistake.expectedKinds.map(\.rawValue).joined(separator: "|")
                let got = mistake.firedKind.map { "\($0.rawValue)@\(mistake.firedAt ?? -1)" } ?? "nothing"
                let want = mistake.problem == .falseEscalation
                    ? "no handoff"
                    : "handoff" + (expected.isEmpty ? "" : " " + expected) + (mistake.expectedAt.map { "@\($0)" } ?? "")
                lines.append("  \(mistake.conversationID) \(mistake.problem.rawValue): expected \(want), got \(got)"
                             + (mistake.detail.map { " (\($0))" } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func row(_ cells: [String], widths: [Int]) -> String {
        var line = ""
        for (cell, width) in zip(cells, widths) {
            line += cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
