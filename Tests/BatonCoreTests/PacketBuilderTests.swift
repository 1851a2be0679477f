import Foundation
import Testing
@testable import BatonCore

@Suite("Context packet and handoff plan")
struct PacketBuilderTests {
    let now = Date(timeIntervalSince1970: 1_795_168_800)

    func conversation() -> Conversation {
        Conversation(id: "c1", channel: .whatsapp,
                     customer: Customer(id: "u1", name: "Ana Ruiz", language: "es", tier: "gold", ltv: 900, tags: [],
                                        priorContacts: [PriorContact(topic: "delivery", daysAgo: 3)]),
                     messages: [
                        Message(role: .customer, text: "my package never arrived at my house", at: now - 600),
                        Message(role: .ai, text: "It shows delivered.", confidence: 0.7, intent: "order_status",
                                tools: [ToolCall(name: "tracking", ok: false, error: "timeout")], kb: ["kb/delivery"]),
                        Message(role: .customer, text: "this is ridiculous", at: now - 60),
                     ])
    }

    func decision() -> HandoffDecision {
        let primary = FiredTrigger(kind: .sentiment, message: 2, reason: "strongly negative (-0.80)", rule: "sentiment/strong")
        return HandoffDecision(conversationID: "c1", handoff: true, at: 2, primary: primary,
                               triggers: [primary, FiredTrigger(kind: .toolFailure, message: 2, reason: "x", rule: "tool_failure")],
                               queue: "general", priority: .medium, sentiment: [-0.1, -0.8])
    }

    @Test("packet carries summary, trigger, attempts, profile and window")
    func packet() throws {
        let packet = try #require(PacketBuilder().build(conversation: conversation(), decision: decision(), openHandoffs: 1, now: now))
        #expect(packet.summary == [
            "Wants: \"my package never arrived at my house\" · AI tried: 1 answer, 1 KB article, tool tracking failed",
            "Escalated on sentiment at message 3: strongly negative (-0.80)",
        ])
        #expect(packet.primary.kind == .sentiment)
        #expect(packet.otherTriggers.map(\.kind) == [.toolFailure])
        #expect(packet.sentiment.trajectory == [-0.1, -0.8])
        #expect(packet.sentiment.band == .negative)
        #expect(packet.sentiment.trend == .worsening)
        #expect(packet.aiTried.failedTools.map(\.name) == ["tracking"])
        #expect(packet.profile.openHandoffs == 1)
        #expect(packet.profile.name == "Ana Ruiz")
        #expect(packet.intent == "order_status")
        #expect(packet.suggestedReply(agentName: "Bo").hasPrefix("Hi Ana, I'm Bo. I'm sorry"))
        #expect(packet.recommendedAction.hasPrefix("Acknowledge the frustration"))
        let window = try #require(packet.whatsappWindow)
        #expect(window.closesAt == now - 60 + 86_400)
        #expect(window.isOpen(at: now))
        #expect(!window.isOpen(at: now + 86_400))
    }

    @Test("plan: open queue gets a wait estimate in the customer's language")
    func planOpen() throws {
        let planner = HandoffPlanner(config: BatonConfig())
        let agents = [Agent(id: "bo", name: "Bo", skills: ["general"], capacity: 2, load: 2)]
        let counts = [QueueCounts(queue: "general", waiting: 3, claimed: 2, oldestQueuedAt: nil, nearestDeadline: nil,
                                  breached: 0, escalations: 0, recentHandleTimes: [600])]
        let request = try #require(planner.plan(conversation: conversation(), decision: decision(),
                                                situation: .init(counts: counts, agents: agents), now: now))
        #expect(request.queue == "general")
        #expect(!request.afterHours)
        #expect(request.pickupDeadline == now + 300)
        #expect(request.customerMessage == "Lamento que esto haya sido frustrante. Una persona de nuestro equipo te atenderá. Espera estimada: about 41 minutes.")
        #expect(request.suggestedAgent == nil)
    }

    @Test("plan: closed queue sends the after-hours message and deadlines from opening")
    func planClosed() throws {
        var config = BatonConfig()
        let zone = TimeZone(identifier: "UTC")!
        config.queues = [QueueConfig(name: "general", hours: BusinessHours(weekly: [2: [DayInterval(start: 540, end: 1020)]], timeZone: zone),
                                     afterHours: .callback)]
        // 2026-11-20 is a Friday; next opening Monday 09:00 UTC.
        let request = try #require(HandoffPlanner(config: config).plan(conversation: conversation(), decision: decision(),
                                                                       situation: .init(counts: [], agents: []), now: now))
        let monday = try #require(ISO8601.parse("2026-11-23T09:00:00Z"))
        #expect(request.afterHours)
        #expect(request.callbackAt == monday)
        #expect(request.pickupDeadline == monday + 300)
        #expect(request.customerMessage.contains("(Mon 09:00 "))
    }

    @Test("policy replies name the topic in words a customer understands")
    func policyReply() throws {
        let primary = FiredTrigger(kind: .policyTopic, message: 0, reason: "medical: matched 'swallowed'", rule: "policy_topic/medical", topic: "medical")
        let decision = HandoffDecision(conversationID: "c1", handoff: true, at: 0, primary: primary, triggers: [primary],
                                       queue: "safety", priority: .high, sentiment: [0])
        let packet = try #require(PacketBuilder().build(conversation: conversation(), decision: decision, now: now))
        #expect(packet.suggestedReply(agentName: "Bo") == "Hi Ana, I'm Bo. I've read your message about a health or safety concern and I'm handling it personally from here.")
        #expect(packet.recommendedAction.hasPrefix("Safety first"))
    }
}
