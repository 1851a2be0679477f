import Foundation
import Testing
@testable import BatonCore

/// Each component of the handoff quality score on a crafted thread, and how missing components are treated.
@Suite("Handoff quality score")
struct QualityScoreTests {
    let t0 = Date(timeIntervalSince1970: 1_795_168_800)

    func packet(intent: String? = "refund", suggestedReply: String = "Hi, I can help.", tried: AIAttempts = AIAttempts(answers: ["try this"])) -> ContextPacket {
        ContextPacket(
            conversationID: "c", builtAt: t0, summary: ["wants a refund for order 4411", "asked for a human"],
            primary: FiredTrigger(kind: .explicitRequest, message: 0, reason: "customer asked for a person", rule: "explicit_request/en"),
            otherTriggers: [], intent: intent, confidence: 0.5, sentiment: SentimentReading(current: -0.4, trajectory: [-0.1, -0.4]),
            aiTried: tried,
            profile: CustomerProfile(id: "u", name: "Ana", channel: .webchat, language: "en", tier: "gold", ltv: nil, tags: [],
                                     priorContacts: [], openHandoffs: 0),
            recommendedAction: "refund", suggestedReply: suggestedReply,
            transcript: [Message(role: .customer, text: "I want a refund for order 4411")], whatsappWindow: nil, queue: "billing",
            priority: .medium)
    }

    /// A handoff claimed after 60 s and resolved after `resolved` seconds, with a full packet.
    func facts(_ id: String = "c", resolved: Double? = 600, packet: ContextPacket? = nil, transfers: Int = 0,
               before: [String] = ["I want a refund for order 4411, it arrived broken"], after: [String] = [],
               rating: Int? = nil, note: String? = nil, claimed: Bool = true) -> HandoffFacts {
        HandoffFacts(threadID: id, queue: "billing", trigger: .explicitRequest, handedOffAt: t0,
                     firstClaimedAt: claimed ? t0 + 60 : nil, resolvedAt: resolved.map { t0 + $0 },
                     disposition: resolved == nil ? nil : .solved, packet: packet ?? self.packet(), transfers: transfers,
                     customerBefore: before, customerAfterClaim: after, rating: rating, ratingNote: note)
    }

    @Test("a smooth handoff with a full packet, resolved at the median and rated 5 scores 100")
    func perfect() {
        let score = QualityScore.score(facts(rating: 5), queueMedian: 600)
        #expect(score == QualityScore(context: 1, routing: 1, transition: 1, efficiency: 1, rating: 1))
        #expect(score.score == 100)
        #expect(score.reasons.isEmpty)
    }

    @Test("context completeness is the share of packet fields present, naming the missing ones")
    func context() {
        let score = QualityScore.score(facts(packet: packet(intent: nil, suggestedReply: "", tried: AIAttempts())), queueMedian: 600)
        #expect(abs(score.context - 6.0 / 9.0) < 1e-9)
        #expect(score.reasons == ["packet missing: intent, what the AI tried, suggested reply"])
        // Weighted mean of context 2/3 (0.25), routing, transition and efficiency 1; rating missing: (0.25·2/3 + 0.55) / 0.8.
        #expect(score.score == 90)
        var none = facts()
        none.packet = nil
        #expect(QualityScore.score(none, queueMedian: 600).context == 0)
        #expect(QualityScore.score(none, queueMedian: 600).reasons == ["no packet stored"])
    }

    @Test("routing accuracy is 0 when the thread was transferred to another queue afterwards")
    func routing() {
        let score = QualityScore.score(facts(transfers: 1), queueMedian: 600)
        #expect(score.routing == 0)
        #expect(score.reasons == ["transferred to another queue"])
        #expect(score.score == 75) // (0.25 + 0.20 + 0.15) / 0.80
    }

    @Test("transition smoothness is 0 when the customer asks again after the claim what they asked before")
    func transition() {
        let repeated = QualityScore.score(facts(after: ["Hello? I already said: refund for order 4411, it arrived broken!"]), queueMedian: 600)
        #expect(repeated.transition == 0)
        #expect(repeated.reasons.first?.hasPrefix("customer repeated themselves: \"Hello? I already said") == true)
        let moved = QualityScore.score(facts(after: ["thanks, that works", "can I also change my delivery address?"]), queueMedian: 600)
        #expect(moved.transition == 1)
        // Spanish, accents folded: "reembolso del pedido 4411" asked twice.
        #expect(RepeatAfterClaim.repeats("Quiero el reembolso del pedido 4411, llegó roto", "quiero reembolso pedido 4411 llego roto"))
        #expect(!RepeatAfterClaim.repeats("ok", "ok"))
        // Nobody claimed it: smoothness is not known, and is left out rather than counted as 0 or 1.
        #expect(QualityScore.score(facts(claimed: false), queueMedian: 600).transition == nil)
    }

    @Test("resolution efficiency is the queue's median over this resolution time, capped at 1; missing while unresolved")
    func efficiency() {
        let slow = QualityScore.score(facts(resolved: 2400), queueMedian: 600)
        #expect(slow.efficiency == 0.25)
        #expect(slow.reasons == ["resolution 4.0× the queue's median"])
        #expect(QualityScore.score(facts(resolved: 300), queueMedian: 600).efficiency == 1)
        let open = QualityScore.score(facts(resolved: nil), queueMedian: 600)
        #expect(open.efficiency == nil)
        #expect(open.score == 100) // context, routing, transition all 1; efficiency and rating left out
        // Medians per queue from the handoffs given.
        let scores = QualityScore.scores([facts("a", resolved: 100), facts("b", resolved: 200), facts("c", resolved: 800)])
        #expect(scores["c"]?.efficiency == 0.25)
        #expect(scores["a"]?.efficiency == 1)
    }

    @Test("the agent's rating maps 1–5 to 0–1 and quotes the note")
    func rating() {
        let score = QualityScore.score(facts(rating: 2, note: "no order number"), queueMedian: 600)
        #expect(score.rating == 0.25)
        #expect(score.reasons == ["rated 2/5: no order number"])
        #expect(score.score == 85) // (0.80 + 0.20·0.25) / 1.00
    }

    @Test("the weights sum to 1")
    func weights() {
        let w = QualityScore.weights
        #expect(abs(w.context + w.routing + w.transition + w.efficiency + w.rating - 1) < 1e-12)
    }
}
