import Testing
@testable import BatonCore

@Suite("Trigger engine")
struct TriggerEngineTests {
    let engine = TriggerEngine()
    typealias F = ConversationFixture

    @Test("fires at the first message where any rule fires")
    func firstFiringMessage() throws {
        let conversation = F.conversation([
            F.said("hi, where is my parcel?"), F.ai("It ships Monday.", confidence: 0.9), F.said("ok"),
            F.said("actually I want to talk to a person"), F.said("this is terrible"),
        ])
        let decision = engine.evaluate(conversation)
        #expect(decision.handoff)
        #expect(decision.at == 3)
        #expect(decision.primary?.kind == .explicitRequest)
        #expect(decision.triggers.allSatisfy { $0.message == 3 })
    }

    @Test("keeps every trigger fired at that message, primary by precedence")
    func precedence() throws {
        let conversation = F.customer(["I want a refund, get me a human NOW, this is a disgrace and unacceptable"],
                                      tags: ["vip"])
        let decision = engine.evaluate(conversation)
        let kinds = decision.triggers.map(\.kind)
        #expect(kinds == kinds.sorted())
        #expect(decision.primary?.kind == .explicitRequest)
        #expect(Set(kinds).isSuperset(of: [.explicitRequest, .sentiment, .policyTopic, .customerTag]))
        #expect(decision.primary == decision.triggers.first)
    }

    @Test("policy topics outrank low confidence on the same message")
    func policyAboveLowConfidence() {
        #expect(TriggerKind.policyTopic < TriggerKind.lowConfidence)
        let conversation = F.conversation([
            F.said("q"), F.ai("Maybe?", confidence: 0.2), F.said("ok"),
        ])
        #expect(engine.evaluate(conversation).primary?.kind == .lowConfidence)
    }

    @Test("an incident told calmly is a policy matter first; told in anger, sentiment comes first")
    func incidentsArePolicyFirst() {
        let calm = engine.evaluate(F.customer(["I was scammed by someone pretending to be from your bank"]))
        #expect(calm.primary?.kind == .policyTopic)
        #expect(calm.primary?.topic == "security")
        let angry = engine.evaluate(F.customer(["I was scammed and your bank did NOTHING, this is disgraceful"]))
        #expect(angry.primary?.kind == .sentiment)
        #expect(angry.triggers.contains { $0.kind == .policyTopic })
    }

    @Test("messages before `from` are context only")
    func startIndex() {
        let conversation = F.conversation([
            F.said("I want a human"), F.ai("Sure, one moment.", confidence: 0.9), F.said("thanks"),
            F.said("actually, this is terrible"),
        ])
        #expect(engine.evaluate(conversation).at == 0)
        let later = engine.evaluate(conversation, from: 1)
        #expect(later.at == 3)
        #expect(later.primary?.kind == .sentiment)
        #expect(engine.evaluate(conversation, from: 10).handoff == false)
    }

    @Test("context before `from` still counts for consecutive low confidence")
    func contextBeforeStart() {
        let conversation = F.conversation([
            F.said("q"), F.ai("a", confidence: 0.5), F.said("and?"), F.ai("b", confidence: 0.5),
        ])
        let decision = engine.evaluate(conversation, from: 2)
        #expect(decision.at == 3)
        #expect(decision.primary?.rule == "low_confidence/consecutive")
    }

    @Test("customer tags fire on the first customer message evaluated")
    func tagOnFirstEvaluated() {
        let conversation = F.conversation([F.said("hi"), F.ai("Hello!", confidence: 0.9), F.said("opening hours?")],
                                          tags: ["named_account"])
        #expect(engine.evaluate(conversation).at == 0)
        #expect(engine.evaluate(conversation, from: 1).at == 2)
    }

    @Test("sentiment covers every customer message of the conversation")
    func sentimentArray() {
        let conversation = F.conversation([
            F.said("I want a human"), F.ai("One moment.", confidence: 0.9), F.said("thanks, great"), F.said("awful"),
        ])
        let decision = engine.evaluate(conversation)
        #expect(decision.at == 0)
        #expect(decision.sentiment.count == 3)
        #expect(decision.sentiment[1] > 0)
        #expect(decision.sentiment[2] < 0)
    }

    @Test("nothing fires on a calm conversation: default queue, no primary")
    func noHandoff() {
        let conversation = F.conversation([
            F.said("what time do you close today?"), F.ai("We close at 8pm today.", confidence: 0.95), F.said("thanks!"),
        ])
        let decision = engine.evaluate(conversation)
        #expect(!decision.handoff)
        #expect(decision.at == nil)
        #expect(decision.primary == nil)
        #expect(decision.triggers.isEmpty)
        #expect(decision.queue == "general")
        #expect(decision.sentiment.count == 2)
    }

    @Test("routing: a policy topic's queue wins, then the primary kind's queue")
    func routing() {
        #expect(engine.evaluate(F.customer(["I want a refund"])).queue == "billing")
        #expect(engine.evaluate(F.customer(["get me a human, my card was stolen"])).queue == "security")
        #expect(engine.evaluate(F.customer(["we'd like a quote for 80 laptops"])).queue == "sales")
        #expect(engine.evaluate(F.customer(["hi"], tags: ["vip"])).queue == "vip")
        let failed = F.conversation([F.said("status?"), F.ai("Checking.", confidence: 0.8, tools: [ToolCall(name: "api", ok: false)])])
        #expect(engine.evaluate(failed).queue == "tech")
    }

    @Test("priority: high for VIPs, urgent topics and anger; low for calm sales and bot handoffs")
    func priority() {
        #expect(engine.evaluate(F.customer(["hi"], tags: ["vip"])).priority == .high)
        #expect(engine.evaluate(F.customer(["my son swallowed a battery"])).priority == .high)
        #expect(engine.evaluate(F.customer(["this is the worst service, absolutely terrible"])).priority == .high)
        #expect(engine.evaluate(F.customer(["we'd like a quote for 80 laptops"])).priority == .low)
        #expect(engine.evaluate(F.customer(["cancel my subscription"])).priority == .medium)
        #expect(engine.evaluate(F.customer(["I want to talk to a person"])).priority == .medium)
        let handoff = F.conversation([F.said("q"), F.ai("Transferring you.", confidence: 0.9, intent: "handoff")])
        #expect(engine.evaluate(handoff).priority == .low)
        let angryHandoff = F.conversation([F.said("this is useless and annoying"), F.ai("Transferring you.", intent: "handoff")])
        #expect(engine.evaluate(angryHandoff, from: 1).priority != .low)
    }

    @Test("queue and priority follow the config")
    func configDriven() {
        var config = EngineConfig()
        config.topics = [PolicyTopic(name: "refund", queue: "money", urgency: .high)]
        config.queueByKind[.explicitRequest] = "humans"
        let engine = TriggerEngine(config: config)
        let refund = engine.evaluate(F.customer(["I want a refund"]))
        #expect(refund.queue == "money")
        #expect(refund.priority == .high)
        #expect(engine.evaluate(F.customer(["agent please"])).queue == "humans")
        #expect(engine.evaluate(F.customer(["cancel my subscription"])).handoff == false)
    }
}
