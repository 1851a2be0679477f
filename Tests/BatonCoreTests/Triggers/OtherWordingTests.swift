import Testing
@testable import BatonCore

/// Whole-engine checks on wording that is not in the dev set: banking and general support
/// questions in English, Spanish and Portuguese, the kind the engine meets in production.
@Suite("Other wording, whole engine")
struct OtherWordingTests {
    let engine = TriggerEngine()

    @Test("everyday questions and closings keep the AI", arguments: [
        "What is the interest rate on savings accounts?", "How do I activate my new card?",
        "Where can I find my account number?", "What are the fees for international transfers?",
        "How long does a transfer take to arrive?", "Can I change my PIN at an ATM?", "Is there a limit on cash withdrawals?",
        "How do I order a physical card?", "What documents do I need to verify my identity?",
        "Why is my transfer still pending?", "Can I get a virtual card?", "How do I change my address?",
        "Can I open a joint account with my partner?", "how much does shipping cost to Canada?",
        "do you have this in size 10?", "Could you explain the difference between the two plans?",
        "I want to upgrade my plan", "thanks so much, you've been really helpful!", "perfect, that solved it",
        "I'll wait for the delivery then", "I need help finding the size chart", "thanks, that's all", "no worries, thanks!",
        "¿Cuál es el horario de atención?", "¿Cómo activo mi tarjeta nueva?", "¿Cuánto tarda una transferencia?",
        "¿Tienen envío gratis a Monterrey?", "Qual é a taxa de juros da poupança?", "Como faço para mudar minha senha?",
        "Vocês entregam no sábado?", "Obrigado, era só isso!", "muchas gracias, muy amable",
        "Can I add my daughter as an authorised user?", "how do I update my billing address?",
        "what's your refund policy for sale items?", "I love the new app design", "my package says delivered, where is it left usually?",
        "Will I be charged for a transfer?", "What is the fee for ATM withdrawals?", "Is there an extra charge for express delivery?",
        "I forgot my password", "how do I cancel my order?", "can I pay in person at the branch?",
        "My card hasn't arrived yet, how long does it take?", "I made a transfer but the recipient hasn't got it yet",
        "My card was declined at the shop", "Why was I charged for topping up?", "Can I cancel a transfer I just made?",
        "The app isn't letting me verify my identity", "What happens at the end of my contract?", "What is the cancellation fee?",
        "I have a question about my bill", "¿Cómo cambio mi dirección de envío?", "Posso pagar com Pix?", "gracias por la ayuda",
    ])
    func keepsTheAI(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("hands off with the right primary trigger", arguments: [
        ("Can I please speak with an actual human being?", TriggerKind.explicitRequest),
        ("I'd prefer to talk to a representative", .explicitRequest), ("transfer me to a live agent", .explicitRequest),
        ("let me talk to customer service", .explicitRequest), ("connect me to your support staff", .explicitRequest),
        ("quiero hablar con una persona real", .explicitRequest), ("¿me comunicas con un agente?", .explicitRequest),
        ("necesito hablar con alguien de soporte", .explicitRequest), ("quero falar com um humano", .explicitRequest),
        ("falar com atendente", .explicitRequest), ("are there any humans here?", .explicitRequest),
        ("¿me comunican con un asesor?", .explicitRequest), ("tem alguém aí?", .explicitRequest),
        ("¿hay alguien ahí?", .explicitRequest), ("me passa para um atendente", .explicitRequest),
        ("I'm extremely frustrated with this service", .sentiment), ("You people are incompetent", .sentiment),
        ("Worst bank ever", .sentiment), ("estoy muy molesto con el servicio", .sentiment),
        ("estoy harta de esperar", .sentiment), ("que serviço horrível", .sentiment), ("estou muito irritado", .sentiment),
        ("isso é uma vergonha", .sentiment), ("you people are hopeless", .sentiment),
        ("I see a payment on my account that I didn't make", .policyTopic),
        ("There's a transaction I don't recognize", .policyTopic), ("my card has been stolen", .policyTopic),
        ("I lost my wallet with my card in it", .policyTopic), ("my account has been frozen", .policyTopic),
        ("I was charged the fee twice", .policyTopic), ("I want to close my account", .policyTopic),
        ("Please cancel my membership", .policyTopic), ("I need to dispute a transaction", .policyTopic),
        ("I would like a refund for my order", .policyTopic), ("I'm getting phishing texts pretending to be you", .policyTopic),
        ("Hay un cargo que no reconozco", .policyTopic), ("Perdí mi tarjeta", .policyTopic),
        ("Quiero cancelar mi cuenta", .policyTopic), ("Meu cartão foi clonado", .policyTopic),
        ("Não reconheço essa compra", .policyTopic), ("Quero meu dinheiro de volta", .policyTopic),
        ("we're looking to purchase 300 units for our stores", .buyingIntent), ("Can we get a bulk discount?", .buyingIntent),
        ("pricing for 50 users?", .buyingIntent),
        ("The ATM swallowed my card", .policyTopic), ("my PIN is blocked", .policyTopic),
        ("There's an extra charge on my statement", .policyTopic), ("How do I delete my account?", .policyTopic),
        ("I want to file a complaint", .sentiment), ("I lost my phone", .policyTopic),
        ("quiero poner una queja", .sentiment), ("I entered my PIN wrong too many times", .policyTopic),
        ("There is a direct debit I didn't set up", .policyTopic),
        ("Someone took money out of my account without my permission", .policyTopic),
        ("I think my card details were stolen", .policyTopic), ("Fui estafado, alguien usó mi tarjeta", .policyTopic),
        ("Quero cancelar o meu plano", .policyTopic), ("The cash machine kept my card", .policyTopic),
        ("I got a suspicious text asking for my PIN", .policyTopic), ("I'd like to make a complaint", .sentiment),
        ("how do I reach a live person?", .explicitRequest), ("stop wasting my time", .sentiment),
        ("get me someone who can actually help", .explicitRequest), ("can I get a call back?", .explicitRequest),
        ("qué mal servicio, de verdad", .sentiment), ("me cobraron de más", .policyTopic), ("chama um atendente", .explicitRequest),
        ("es el peor servicio", .sentiment), ("péssimo atendimento", .sentiment), ("I'll take legal action", .policyTopic),
        ("necesito una cotización", .buyingIntent), ("preciso de um orçamento para 500 peças", .buyingIntent),
    ])
    func handsOff(_ text: String, _ kind: TriggerKind) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == kind,
                "\"\(text)\" → \(decision.primary?.rule ?? "nothing"): \(decision.primary?.reason ?? "")")
    }
}

/// Multi-turn conversations in other words: the handoff must fire on the right message.
@Suite("Other wording, timing")
struct OtherWordingTimingTests {
    let engine = TriggerEngine()
    typealias F = ConversationFixture

    func expectFires(_ conversation: Conversation, at index: Int, _ kind: TriggerKind,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let decision = engine.evaluate(conversation)
        #expect(decision.at == index, "fired at \(decision.at.map(String.init) ?? "nothing") by \(decision.primary?.rule ?? "-"): \(decision.primary?.reason ?? "")",
                sourceLocation: sourceLocation)
        #expect(decision.primary?.kind == kind, sourceLocation: sourceLocation)
    }

    @Test("frustration building over short replies fires on the second negative one")
    func frustrationBuilds() {
        expectFires(F.conversation([
            F.said("my headphones stopped charging"), F.ai("Try another cable.", confidence: 0.8), F.said("did that, still broken"),
            F.ai("Try resetting them.", confidence: 0.8), F.said("nope. not happy at all"),
        ]), at: 4, .sentiment)
    }

    @Test("Spanish customer asks for a person after two answers")
    func spanishRequest() {
        expectFires(F.conversation([
            F.said("¿dónde está mi pedido?"), F.ai("Tu pedido llega el lunes.", confidence: 0.9), F.said("ok pero ya pasó el lunes"),
            F.ai("Lo siento, déjame revisar.", confidence: 0.8), F.said("prefiero hablar con un asesor, por favor"),
        ], language: "es"), at: 4, .explicitRequest)
    }

    @Test("Portuguese customer reports a card used by someone else")
    func portugueseFraud() {
        expectFires(F.conversation([
            F.said("oi"), F.ai("Olá! Como posso ajudar?", confidence: 0.95), F.said("tem uma compra no meu cartão que eu não fiz"),
        ], language: "pt"), at: 2, .policyTopic)
    }

    @Test("hedging answers without confidence fire on the second")
    func hedging() {
        expectFires(F.conversation([
            F.said("is the charger compatible with the older model?"), F.ai("I think it might be."), F.said("are you sure?"),
            F.ai("Possibly, it depends on the revision."),
        ]), at: 3, .lowConfidence)
    }

    @Test("a lookup that fails later in the conversation fires on that reply")
    func laterToolFailure() {
        expectFires(F.conversation([
            F.said("hi"), F.ai("Hello!", confidence: 0.95), F.said("what's my balance?"),
            F.ai("One moment.", confidence: 0.9, tools: [ToolCall(name: "accounts_api", ok: false, error: "503")]),
        ]), at: 3, .toolFailure)
    }

    @Test("the bot handing over fires on its message")
    func botHandsOver() {
        expectFires(F.conversation([
            F.said("I need to change the name on my policy"), F.ai("I'll pass you to a colleague who can do that.", confidence: 0.9),
        ]), at: 1, .botRequest)
    }

    @Test("coming back about the same thing in other words")
    func repeatContact() {
        let prior = [PriorContact(topic: "internet", daysAgo: 2), PriorContact(topic: "internet", daysAgo: 12)]
        expectFires(F.conversation([F.said("my wifi keeps dropping")], prior: prior), at: 0, .repeatContact)
    }

    @Test("the same question again, in Spanish, fires on the repeat")
    func spanishRepeat() {
        expectFires(F.conversation([
            F.said("¿cuándo llega mi pedido?"), F.ai("Llega mañana.", confidence: 0.9),
            F.said("¿cuándo llega mi pedido?? ya pasaron dos semanas"),
        ], language: "es"), at: 2, .sentiment)
    }

    @Test("a child swallowing something dangerous is a medical matter")
    func ingestion() {
        expectFires(F.conversation([F.said("my kid ate one of the batteries, is it dangerous?")]), at: 0, .policyTopic)
        expectFires(F.conversation([F.said("mi hijo se tragó un imán")], language: "es"), at: 0, .policyTopic)
    }

    @Test("a calm multi-turn conversation does not fire")
    func calm() {
        let conversation = F.conversation([
            F.said("hey, do you have the trail shoes in a 42?"), F.ai("Yes, in blue and black.", confidence: 0.9),
            F.said("cool, and can I return them if they don't fit?"), F.ai("Yes, within 30 days.", confidence: 0.92),
            F.said("awesome, ordering now 👍"),
        ])
        #expect(!engine.evaluate(conversation).handoff)
    }
}
