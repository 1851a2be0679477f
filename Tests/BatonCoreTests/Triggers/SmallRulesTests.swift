import Testing
@testable import BatonCore

@Suite("Customer tag rule")
struct CustomerTagRuleTests {
    let rule = CustomerTagRule()
    typealias F = ConversationFixture

    @Test("a VIP tag fires on the first customer message")
    func tag() throws {
        let fired = try #require(F.evaluate(rule, F.customer(["what time do you close?"], tags: ["VIP"])))
        #expect(fired.rule == "customer_tag/tag")
        #expect(fired.reason == "customer tagged 'vip'")
        #expect(F.evaluate(rule, F.customer(["hi", "what time do you close?"], tags: ["vip"])) == nil)
    }

    @Test("lifetime value above the limit fires; at or below does not")
    func ltv() throws {
        let fired = try #require(F.evaluate(rule, F.customer(["hi"], ltv: 120_000)))
        #expect(fired.reason == "lifetime value 120000 > 50000")
        #expect(F.evaluate(rule, F.customer(["hi"], ltv: 50_000)) == nil)
        #expect(F.evaluate(rule, F.customer(["hi"], tags: ["newsletter"])) == nil)
    }
}

@Suite("Tool failure rule")
struct ToolFailureRuleTests {
    let rule = ToolFailureRule()
    typealias F = ConversationFixture

    @Test("a failed tool call fires, naming the tool and the error")
    func failed() throws {
        let conversation = F.conversation([
            F.said("status?"), F.ai("Looking it up.", confidence: 0.8, tools: [
                ToolCall(name: "orders_api", ok: true), ToolCall(name: "repairs_api", ok: false, error: "timeout"),
            ]),
        ])
        let fired = try #require(F.evaluate(rule, conversation))
        #expect(fired.reason == "tool 'repairs_api' failed: timeout")
        #expect(fired.message == 1)
    }

    @Test("successful tool calls do not fire")
    func succeeded() {
        let conversation = F.conversation([F.said("one ticket"), F.ai("Booked.", tools: [ToolCall(name: "tickets_api", ok: true)])])
        #expect(F.evaluate(rule, conversation) == nil)
    }
}

@Suite("Buying intent rule")
struct BuyingIntentRuleTests {
    let rule = BuyingIntentRule()
    typealias F = ConversationFixture

    @Test("fires on purchases at scale", arguments: [
        "we'd like a quote for 80 laptops", "what's your pricing for a team of 500?", "interested in wholesale, we run 12 stores",
        "cotización para 1000 unidades por favor", "we need 25 seats",
        "enterprise pricing please", "quero um orçamento para 200 camisetas", "precios de mayoreo",
        "can I talk to sales?", "how much for 50 licenses?", "I'd like to buy this for my whole company, about 80 people",
        "we want to roll it out across the entire organization", "queremos contratar el servicio para toda la empresa",
        "do you have enterprise pricing for 300 seats?", "do you offer discounts for teams? we need a quote",
        "tienen descuentos para empresas? somos 40", "do you have volume pricing? can I talk to sales?",
    ])
    func fires(_ text: String) {
        #expect(F.evaluate(rule, customerSays: text)?.kind == .buyingIntent, "\"\(text)\" did not fire")
    }

    @Test("does not fire on ordinary orders", arguments: [
        "one ticket for saturday please", "order 5541 status?", "I ordered 2 units, one is missing",
        "what's the price of the blue one?", "what is the interest rate on savings accounts", "I have 3 devices",
        "table for 10 people please", "I want to buy a gift for my team leader", "can I order a pizza for a team lunch?",
        "qual a cotação do euro no app?", "cotización del dólar hoy",
        // Whether business prices exist, asked: the AI answers; a size or a quote asked for goes to sales.
        "do you offer discounts for teams?", "do you offer volume discounts?", "do you have enterprise pricing?", "is there a discount for companies?",
        "¿tienen descuentos para empresas?", "ustedes manejan precios por volumen?", "vocês têm preço pra empresa?",
    ])
    func doesNotFire(_ text: String) {
        let fired = F.evaluate(rule, customerSays: text)
        #expect(fired == nil, "\"\(text)\" fired \(fired?.reason ?? "")")
    }
}

@Suite("Repeat contact rule")
struct RepeatContactRuleTests {
    let rule = RepeatContactRule()
    typealias F = ConversationFixture
    static let heater = [PriorContact(topic: "heater", daysAgo: 1), PriorContact(topic: "heater", daysAgo: 6)]

    @Test("fires when the message is about the same topic as recent contacts")
    func sameTopic() throws {
        let fired = try #require(F.evaluate(rule, F.customer(["the heater broke again"], prior: Self.heater)))
        #expect(fired.rule == "repeat_contact/topic")
        #expect(fired.topic == "heater")
        let billing = [PriorContact(topic: "billing", daysAgo: 3), PriorContact(topic: "billing", daysAgo: 10)]
        #expect(F.evaluate(rule, F.customer(["my bill is wrong"], prior: billing))?.topic == "billing")
        let delivery = [PriorContact(topic: "delivery", daysAgo: 3), PriorContact(topic: "delivery", daysAgo: 9)]
        #expect(F.evaluate(rule, F.customer(["where is my package?"], prior: delivery))?.topic == "delivery")
    }

    @Test("'again' alone is enough with enough contacts on one topic")
    func again() throws {
        let fired = try #require(F.evaluate(rule, F.customer(["it happened again"], prior: Self.heater)))
        #expect(fired.rule == "repeat_contact/again")
        #expect(F.evaluate(rule, F.customer(["de novo isso"], prior: Self.heater))?.kind == .repeatContact)
    }

    @Test("does not fire for other topics, too few contacts or old contacts")
    func doesNotFire() {
        #expect(F.evaluate(rule, F.customer(["what time do you open?"], prior: Self.heater)) == nil)
        #expect(F.evaluate(rule, F.customer(["is the sale still on?"], prior: Self.heater)) == nil)
        #expect(F.evaluate(rule, F.customer(["the heater broke again"], prior: [PriorContact(topic: "heater", daysAgo: 1)])) == nil)
        let old = [PriorContact(topic: "heater", daysAgo: 40), PriorContact(topic: "heater", daysAgo: 60)]
        #expect(F.evaluate(rule, F.customer(["the heater broke again"], prior: old)) == nil)
    }

    @Test("only the first customer message is considered")
    func firstMessageOnly() {
        #expect(F.evaluate(rule, F.customer(["hi", "the heater broke again"], prior: Self.heater)) == nil)
    }
}

@Suite("Bot request rule")
struct BotRequestRuleTests {
    let rule = BotRequestRule()
    typealias F = ConversationFixture

    @Test("a handoff intent fires", arguments: ["handoff", "escalate", "human_handoff", "transfer_to_agent", "agent_request", "HANDOFF"])
    func intent(_ intent: String) {
        let conversation = F.conversation([F.said("q"), F.ai("One moment.", confidence: 0.9, intent: intent)])
        #expect(F.evaluate(rule, conversation)?.rule == "bot_request/intent")
    }

    @Test("text saying it transfers to a human fires", arguments: [
        "I'm transferring you to a specialist now.", "Let me connect you with our billing team.",
        "Te transfiero con un asesor.", "Vou te transferir para um atendente.", "An agent will be with you shortly.",
    ])
    func text(_ text: String) {
        let conversation = F.conversation([F.said("q"), F.ai(text, confidence: 0.9)])
        #expect(F.evaluate(rule, conversation)?.rule == "bot_request/text", "\"\(text)\" did not fire")
    }

    @Test("offers, refusals and customer messages do not fire", arguments: [
        "Would you like me to connect you with an agent?", "I can't transfer you right now.", "Our team is happy to help!",
        "Your order ships Monday.",
    ])
    func doesNotFire(_ text: String) {
        #expect(F.evaluate(rule, F.conversation([F.said("q"), F.ai(text, confidence: 0.9)])) == nil, "\"\(text)\" fired")
        #expect(F.evaluate(rule, F.customer(["I'm transferring you to a specialist"])) == nil)
    }
}
