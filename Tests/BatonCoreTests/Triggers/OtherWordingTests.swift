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
        ("falar com atendente", .explicitRequest),
        ("I'm extremely frustrated with this service", .sentiment), ("You people are incompetent", .sentiment),
        ("Worst bank ever", .sentiment), ("estoy muy molesto con el servicio", .sentiment),
        ("estoy harta de esperar", .sentiment), ("que serviço horrível", .sentiment), ("estou muito irritado", .sentiment),
        ("isso é uma vergonha", .sentiment),
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
        ("I want to file a complaint", .explicitRequest), ("I lost my phone", .policyTopic),
        ("quiero poner una queja", .explicitRequest), ("I entered my PIN wrong too many times", .policyTopic),
    ])
    func handsOff(_ text: String, _ kind: TriggerKind) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == kind,
                "\"\(text)\" → \(decision.primary?.rule ?? "nothing"): \(decision.primary?.reason ?? "")")
    }
}
