import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `EarlyVerdicts`: what the helper thread and the caller evaluate together is what the engine and the
/// planner give one conversation at a time.
@Suite struct EarlyVerdictsTests {
    let now = StoreFixtures.t0

    @Test func everyVerdictAndPacketIsTheOneBuiltAlone() {
        let texts = ["where is my parcel", "I want a refund NOW", "can I talk to a person", "thanks, all good",
                     "someone used my card", "quiero hablar con un agente", "this is useless!!", "what are your hours"]
        let conversations = (0..<300).map { index in
            Conversation(id: "c\(index)", customer: Customer(id: "cust-\(index % 40)", name: "Ana Souza"),
                         messages: [Message(role: .customer, text: texts[index % texts.count], at: now)])
        }
        let config = BatonConfig()
        let engine = TriggerEngine(config: config.engine)
        let planner = HandoffPlanner(config: config)
        let early = EarlyVerdicts(conversations, engine: engine, planner: planner, now: now)
        let verdicts = early.all()
        #expect(verdicts.count == conversations.count)
        for (conversation, verdict) in zip(conversations, verdicts) {
            let alone = engine.evaluate(conversation, from: 0)
            #expect(verdict.decision == alone, "\(conversation.id)")
            #expect(verdict.packet == planner.packet(conversation: conversation, decision: alone, now: now), "\(conversation.id)")
        }
        #expect(verdicts.contains { $0.packet != nil } && verdicts.contains { $0.packet == nil })
        // Asking again (a store may retry its plan) gives the same verdicts, without waiting.
        #expect(early.all().map(\.decision) == verdicts.map(\.decision))
    }
}
