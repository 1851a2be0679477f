import Foundation
import Testing
@testable import BatonCore

@Suite("Handoff stats")
struct MetricsTests {
    @Test("rates, medians and hour buckets")
    func compute() {
        let t0 = Date(timeIntervalSince1970: 1_795_168_800) // 10:00 UTC
        let input = MetricInput(conversations: [
            ConversationFacts(id: "a", startedAt: t0, handedOffAt: t0 + 30, firstClaimedAt: t0 + 90, resolvedAt: t0 + 630,
                              disposition: .solved, csat: 5, trigger: .explicitRequest),
            ConversationFacts(id: "b", startedAt: t0, handedOffAt: t0 + 60, firstClaimedAt: t0 + 460, resolvedAt: t0 + 1260,
                              disposition: .aiCouldHaveHandled, csat: 3, pickupBreaches: 1, repeatContact: true, trigger: .sentiment),
            ConversationFacts(id: "c", startedAt: t0),
            ConversationFacts(id: "d", startedAt: t0),
        ])
        let stats = HandoffStats.compute(input)
        #expect(stats.conversations == 4)
        #expect(stats.handoffs == 2)
        #expect(stats.handoffRate == 0.5)
        #expect(stats.timeToHandoff == 30)
        #expect(stats.timeToPickup == 60)
        #expect(stats.timeToPickupP90 == 400)
        #expect(stats.resolutionTime == 600)
        #expect(stats.csat == 4)
        #expect(stats.pickupWindowBreaches == 1)
        #expect(stats.repeatContactRate == 0.5)
        #expect(stats.falseEscalationRate == 0.5)
        #expect(stats.handoffsByHour[10] == 2)
        #expect(stats.handoffsByTrigger == ["explicit_request": 1, "sentiment": 1])
    }

    @Test("no data gives zeros and nils, not NaN")
    func empty() {
        let stats = HandoffStats.compute(MetricInput(conversations: []))
        #expect(stats.handoffRate == 0)
        #expect(stats.timeToPickup == nil)
        #expect(stats.csat == nil)
    }
}

@Suite("Evaluation report wording")
struct EvaluationWordingTests {
    @Test("a missed handoff labelled without kinds says a handoff was expected, not none")
    func missedWithoutKinds() {
        let conversation = Conversation(id: "m1", customer: Customer(id: "u"), messages: [Message(role: .customer, text: "hmm")],
                                        expect: Expectation(handoff: true, at: nil, triggers: []))
        let report = EvaluationReport([(conversation, HandoffDecision(conversationID: "m1", handoff: false, at: nil, primary: nil,
                                                                      triggers: [], queue: "general", priority: .low, sentiment: []))])
        #expect(report.description.contains("m1 missed: expected handoff, got nothing"))
        #expect(!report.description.contains("expected no handoff"))
    }
}
