import Testing
@testable import BatonCore

/// A policy topic configured `urgency = "soft"` lets the AI try once; the customer's next message decides.
@Suite("Soft escalation")
struct SoftEscalationTests {
    typealias F = ConversationFixture

    /// The default topics with refunds made soft.
    static let engine: TriggerEngine = {
        var config = EngineConfig()
        config.topics = config.topics.map { topic in
            var topic = topic
            if topic.name == "refund" { topic.soft = true }
            return topic
        }
        return TriggerEngine(config: config)
    }()

    @Test("a soft topic waits for the AI's try; an unresolved answer hands off on that answer, explained")
    func unresolvedAnswerHandsOff() throws {
        let conversation = F.conversation([
            F.said("I want a refund for order 8812"),
            F.ai("I can start that for you: refunds take 5 days once approved.", confidence: 0.9),
            F.said("I sent the parcel back two weeks ago"),
        ])
        let decision = Self.engine.evaluate(conversation)
        #expect(decision.handoff)
        #expect(decision.at == 2)
        let primary = try #require(decision.primary)
        #expect(primary.kind == .policyTopic)
        #expect(primary.topic == "refund")
        #expect(primary.rule == "policy_topic/refund/soft")
        #expect(primary.reason.contains("the AI tried once (after message 1)"))
        #expect(decision.queue == "billing")
        // Without soft, the same conversation hands off on the first message.
        #expect(TriggerEngine().evaluate(conversation).at == 0)
    }

    @Test("a resolved answer keeps the conversation with the AI, in three languages")
    func resolvedAnswerStaysWithAI() {
        for (ask, thanks) in [("I want a refund for order 8812", "ok great, thanks!"),
                              ("quiero un reembolso de mi pedido", "perfecto, gracias"),
                              ("quero um reembolso do meu pedido", "valeu, entendi")] {
            let conversation = F.conversation([F.said(ask), F.ai("Done: the refund is on its way, 5 days.", confidence: 0.9),
                                               F.said(thanks)])
            #expect(!Self.engine.evaluate(conversation).handoff, "\(thanks)")
        }
    }

    @Test("negative or still-open answers hand off; a conversation that ends after the AI's try does not")
    func negativeAnswers() {
        for answer in ["thanks but I still don't have it", "ok?", "this is useless", "no"] {
            let conversation = F.conversation([F.said("I want a refund"), F.ai("It's on its way.", confidence: 0.9), F.said(answer)])
            #expect(Self.engine.evaluate(conversation).at == 2, "\(answer)")
        }
        let ended = F.conversation([F.said("I want a refund"), F.ai("It's on its way.", confidence: 0.9)])
        #expect(!Self.engine.evaluate(ended).handoff)
        // Two customer messages before the AI answers: the AI has not tried yet.
        let early = F.conversation([F.said("I want a refund"), F.said("it was the blue jacket"), F.ai("On its way.", confidence: 0.9),
                                    F.said("thank you")])
        #expect(!Self.engine.evaluate(early).handoff)
    }

    @Test("anything besides the soft topic hands off at once")
    func otherTriggersAreNotHeld() {
        let decision = Self.engine.evaluate(F.customer(["I want a refund, get me a human now"]))
        #expect(decision.at == 0)
        #expect(decision.primary?.kind == .explicitRequest)
        #expect(Self.engine.evaluate(F.customer(["my card was stolen, I want a refund"])).at == 0)
    }

    @Test("evaluated one message at a time, the held topic is found again")
    func incremental() throws {
        let messages = [F.said("I want a refund for order 8812"), F.ai("Refunds take 5 days.", confidence: 0.9),
                        F.said("I sent the parcel back two weeks ago")]
        for count in 1...2 {
            let partial = F.conversation(Array(messages.prefix(count)))
            #expect(!Self.engine.evaluate(partial, from: count - 1).handoff)
        }
        let decision = Self.engine.evaluate(F.conversation(messages), from: 2)
        #expect(decision.at == 2)
        #expect(decision.primary?.rule == "policy_topic/refund/soft")
    }

    @Test("urgency = \"soft\" in the config; an unknown urgency names the valid ones")
    func config() throws {
        let config = try ConfigLoader.load(toml: """
            [[topics]]
            name = "refund"
            urgency = "soft"
            [[topics]]
            name = "security"
            """, source: "baton.toml")
        #expect(config.engine.topic(named: "refund")?.soft == true)
        #expect(config.engine.topic(named: "refund")?.urgency == .medium)
        #expect(config.engine.topic(named: "security")?.soft == false)
        #expect(config.engine.topic(named: "security")?.urgency == .high)
        #expect {
            try ConfigLoader.load(toml: "[[topics]]\nname = \"refund\"\nurgency = \"later\"", source: "baton.toml")
        } throws: { error in
            "\(error)".contains("topics") && "\(error)".contains("urgency") && "\(error)".contains("high, medium, low, soft")
        }
    }
}
