import Foundation
import Testing
@testable import BatonCore

@Suite("Evaluation report")
struct EvaluationReportTests {
    static func labelled(_ id: String, _ expect: BatonCore.Expectation) -> Conversation {
        Conversation(id: id, customer: Customer(id: "c"), messages: [Message(role: .customer, text: "x")], expect: expect)
    }

    static func decision(_ id: String, at: Int?, _ kind: TriggerKind?) -> HandoffDecision {
        let primary = kind.map { FiredTrigger(kind: $0, message: at ?? 0, reason: "r", rule: "\($0.rawValue)/test") }
        return HandoffDecision(conversationID: id, handoff: at != nil, at: at, primary: primary,
                               triggers: primary.map { [$0] } ?? [], queue: "general", priority: .medium, sentiment: [])
    }

    /// Five expected handoffs (one missed, one late, one with the wrong primary), three expected none (one fired).
    static let results: [(Conversation, HandoffDecision)] = [
        (labelled("a", BatonCore.Expectation(handoff: true, at: 0, triggers: [.explicitRequest])), decision("a", at: 0, .explicitRequest)),
        (labelled("b", BatonCore.Expectation(handoff: true, at: 2, triggers: [.sentiment, .policyTopic])), decision("b", at: 2, .policyTopic)),
        (labelled("c", BatonCore.Expectation(handoff: true, at: 1, triggers: [.sentiment])), decision("c", at: 3, .sentiment)),
        (labelled("d", BatonCore.Expectation(handoff: true, at: 0, triggers: [.policyTopic])), decision("d", at: 0, .buyingIntent)),
        (labelled("e", BatonCore.Expectation(handoff: true, at: 0, triggers: [.explicitRequest])), decision("e", at: nil, nil)),
        (labelled("f", BatonCore.Expectation(handoff: false)), decision("f", at: nil, nil)),
        (labelled("g", BatonCore.Expectation(handoff: false)), decision("g", at: 1, .lowConfidence)),
        (labelled("h", BatonCore.Expectation(handoff: false)), decision("h", at: nil, nil)),
    ]

    @Test("computes the four quality figures and precision")
    func figures() {
        let report = EvaluationReport(Self.results)
        #expect(report.conversations == 8)
        #expect(report.expectedHandoffs == 5)
        #expect(report.expectedNoHandoff == 3)
        #expect(report.recall == 4.0 / 5.0)
        #expect(report.precision == 4.0 / 5.0)
        #expect(report.falseEscalationRate == 1.0 / 3.0)
        #expect(report.primaryAccuracy == 3.0 / 4.0)
        #expect(report.timingAccuracy == 3.0 / 4.0)
    }

    @Test("keeps figures per preferred expected kind")
    func perKind() throws {
        let report = EvaluationReport(Self.results)
        let explicit = try #require(report.byKind.first { $0.kind == .explicitRequest })
        #expect(explicit.expected == 2)
        #expect(explicit.fired == 1)
        #expect(explicit.recall == 0.5)
        let sentiment = try #require(report.byKind.first { $0.kind == .sentiment })
        #expect(sentiment.expected == 2)
        #expect(sentiment.primaryAccuracy == 1)
        #expect(sentiment.timingAccuracy == 0.5)
        #expect(report.byKind.map(\.kind) == report.byKind.map(\.kind).sorted())
    }

    @Test("lists every mistake with what was expected and what fired")
    func mistakes() {
        let report = EvaluationReport(Self.results)
        let problems = Dictionary(grouping: report.mistakes, by: \.conversationID).mapValues { $0.map(\.problem) }
        #expect(problems["c"] == [.wrongMessage])
        #expect(problems["d"] == [.wrongPrimary])
        #expect(problems["e"] == [.missed])
        #expect(problems["g"] == [.falseEscalation])
        #expect(problems["a"] == nil && problems["b"] == nil)
        #expect(report.description.contains("recall                  80.0%   4/5"))
        #expect(report.description.contains("g false_escalation: expected no handoff, got low_confidence@1"))
    }

    @Test("empty input reads as clean, unlabelled conversations are skipped, and it round-trips as JSON")
    func emptyAndCodable() throws {
        let unlabelled = Conversation(id: "u", customer: Customer(id: "c"), messages: [])
        let report = EvaluationReport([(unlabelled, Self.decision("u", at: 0, .sentiment))])
        #expect(report.conversations == 0)
        #expect(report.recall == 1 && report.falseEscalationRate == 0)
        let full = EvaluationReport(Self.results)
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: JSONEncoder().encode(full))
        #expect(decoded == full)
    }
}
