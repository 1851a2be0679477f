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
            "Wants: order status · “my package never arrived at my house”",
            "AI tried: tool tracking failed (timeout), 1 answer (last 70 % confident), 1 KB article · Escalated at message 3 on sentiment: strongly negative (-0.80)",
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
        // Spanish customer, Spanish reply; the introduction has just named the agent, so the reply does not.
        #expect(packet.suggestedReply(agentName: "Bo") == "Hola Ana, siento mucho las molestias y las idas y vueltas. Ya leí todo y lo vamos a resolver juntos ahora.")
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
        #expect(request.customerMessage == "Lamento que esto haya sido frustrante, Ana. Una persona de nuestro equipo te atenderá con toda nuestra conversación a la vista, así que no tendrás que repetir nada. Espera estimada: unos 41 minutos.")
        #expect(request.introduction == "{agent}, de nuestro equipo, se ha unido a la conversación.")
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
        #expect(request.customerMessage.hasPrefix("Nuestro equipo no está disponible ahora. Registramos tu solicitud y te llamaremos al abrir (lun 09:00 "))
    }

    func policyDecision(_ topic: String) -> HandoffDecision {
        let primary = FiredTrigger(kind: .policyTopic, message: 0, reason: "\(topic): matched", rule: "policy_topic/\(topic)", topic: topic)
        return HandoffDecision(conversationID: "c1", handoff: true, at: 0, primary: primary, triggers: [primary],
                               queue: "safety", priority: .high, sentiment: [0])
    }

    func conversation(language: String?, name: String?) -> Conversation {
        var conversation = conversation()
        conversation.customer.language = language
        conversation.customer.name = name
        return conversation
    }

    @Test("policy replies name the topic in words a customer understands, in their language")
    func policyReply() throws {
        let english = try #require(PacketBuilder().build(conversation: conversation(language: "en", name: "Ana Ruiz"),
                                                         decision: policyDecision("refund"), now: now))
        #expect(english.suggestedReply(agentName: "Bo") == "Hi Ana, I've read your message about a refund and I'm handling it personally from here.")
        let spanish = try #require(PacketBuilder().build(conversation: conversation(), decision: policyDecision("refund"), now: now))
        #expect(spanish.suggestedReply(agentName: "Bo") == "Hola Ana, ya leí tu mensaje sobre un reembolso y me encargo personalmente a partir de aquí.")
        let japanese = try #require(PacketBuilder().build(conversation: conversation(language: "ja", name: "田中 宏"),
                                                          decision: policyDecision("refund"), now: now))
        #expect(japanese.suggestedReply(agentName: "Bo") == "返金についてのメッセージを確認しました。ここからは私が責任を持って対応いたします。")
    }

    @Test("a medical or safety handoff's suggested reply leads with the safety instruction, in every language",
          arguments: ["en", "es", "pt", "ja", "pt-BR"])
    func safetyFirst(_ language: String) throws {
        let packet = try #require(PacketBuilder().build(conversation: conversation(language: language, name: "Ana Ruiz"),
                                                        decision: policyDecision("medical"), now: now))
        #expect(packet.recommendedAction.hasPrefix("Safety first"))
        let first = packet.suggestedReply.split(whereSeparator: { ".。".contains($0) }).first.map(String.init) ?? ""
        let emergency = ["en": "emergency number", "es": "número de emergencias", "pt": "número de emergência", "ja": "緊急通報番号",
                         "pt-BR": "número de emergência"][language] ?? "?"
        #expect(first.contains(emergency), "\(packet.suggestedReply)")
        #expect(!packet.suggestedReply.contains("personally"))
    }

    @Test("no suggested reply introduces the agent again, in any language or for any trigger")
    func noSecondIntroduction() throws {
        let templates = Templates()
        for kind in TriggerKind.allCases {
            for language in ["en", "es", "pt", "ja"] {
                let reply = templates.suggestedReply(kind: kind, language: language)
                #expect(!reply.contains("{agent}"), "\(kind) \(language): \(reply)")
                for phrase in ["I'm {", "soy ", "sou ", "と申します"] { #expect(!reply.contains(phrase), "\(kind) \(language): \(reply)") }
            }
        }
    }

    @Test("a name that is only an emoji, empty or missing leaves no gap in the greeting", arguments: [
        ("👩", "Hi, thanks for waiting."), ("", "Hi, thanks for waiting."), (nil, "Hi, thanks for waiting."),
        ("👩 Ana", "Hi Ana, thanks for waiting."), ("Customer 1182", "Hi, thanks for waiting."),
        ("  Kevin O'Brien", "Hi Kevin, thanks for waiting."), ("O'Neil", "Hi O'Neil, thanks for waiting."),
        ("42", "Hi, thanks for waiting."), ("\"Rita\"", "Hi Rita, thanks for waiting."),
    ] as [(String?, String)])
    func greetingWithoutName(_ name: String?, _ expected: String) throws {
        let primary = FiredTrigger(kind: .explicitRequest, message: 0, reason: "asked", rule: "explicit_request/en")
        let decision = HandoffDecision(conversationID: "c1", handoff: true, at: 0, primary: primary, triggers: [primary],
                                       queue: "general", priority: .medium, sentiment: [0])
        let packet = try #require(PacketBuilder().build(conversation: conversation(language: "en", name: name), decision: decision, now: now))
        #expect(packet.suggestedReply.hasPrefix(expected), "\(packet.suggestedReply)")
    }

    @Test("wait texts, topics and weekdays follow the customer's language; English only when no template exists")
    func waitAndOpeningTexts() {
        let templates = Templates()
        #expect(templates.waitText(WaitEstimate(seconds: 60), language: "es") == "menos de 2 minutos")
        #expect(templates.waitText(WaitEstimate(seconds: 600), language: "pt-BR") == "cerca de 10 minutos")
        #expect(templates.waitText(WaitEstimate(seconds: 3_000), language: "ja") == "約50分")
        #expect(templates.waitText(WaitEstimate(seconds: 3_700), language: "es") == "alrededor de una hora")
        #expect(templates.waitText(WaitEstimate(seconds: 9_000), language: "en") == "about 3 hours")
        #expect(templates.waitText(WaitEstimate(seconds: nil), language: "es").hasPrefix("en cuanto"))
        #expect(templates.waitText(WaitEstimate(seconds: 600), language: "fr") == "about 10 minutes")
        #expect(WaitEstimate(seconds: 600).text == "about 10 minutes")
        #expect(templates.topicPhrase("warranty_claim", language: "en") == "warranty claim")
        #expect(templates.topicPhrase("warranty_claim", language: "es") == "esto")
        #expect(templates.topicPhrase(nil, language: "ja") == "お問い合わせ内容")
        #expect(templates.opening(weekday: 4, hour: 9, minute: 5, zone: "Europe/Lisbon", language: "pt") == "qua 09:05 Europe/Lisbon")
    }

    @Test("the introduction carries the customer's name when a configured one asks for it; the agent's comes at claim")
    func introductionWithName() throws {
        var config = BatonConfig()
        config.templates.agentIntroduction.set(.fallback, ["es": "Hola {name}, soy {agent}."])
        let request = try #require(HandoffPlanner(config: config).plan(conversation: conversation(), decision: decision(),
                                                                       situation: .init(counts: [], agents: []), now: now))
        #expect(request.introduction == "Hola Ana, soy {agent}.")
    }
}
