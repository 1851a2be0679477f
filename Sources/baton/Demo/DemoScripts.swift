import BatonCore

/// Conversations for `baton demo`, written the way customers really write: typos, capitals,
/// three languages, several channels. Each script becomes one conversation.
enum DemoScripts {
    struct Script {
        var customer: String
        var language: String
        var channel: Channel
        var tier: String = "standard"
        var tags: [String] = []
        var ltv: Double? = nil
        var prior: [PriorContact] = []
        /// Customer lines are plain; AI lines start with "ai:" and may end with " @0.42" (confidence)
        /// or " !tool_name:error" (a failed tool call).
        var lines: [String]
    }

    static let scripts: [Script] = [
        Script(customer: "Ana Ruiz", language: "es", channel: .whatsapp, lines: [
            "hola, mi pedido 88412 dice entregado pero no me llegó nada",
            "ai: Según el rastreo se entregó ayer a las 14:10. ¿Revisaste con tus vecinos? @0.71",
            "ya revisé con todos, no está",
            "quiero hablar con una persona por favor"]),
        Script(customer: "Marcus Webb", language: "en", channel: .webchat, tier: "gold", lines: [
            "I was charged twice for my order this month",
            "ai: I can see one charge of $49.99 on your account. @0.52",
            "look at my bank statement, there are TWO"]),
        Script(customer: "Priya Nair", language: "en", channel: .whatsapp, lines: [
            "my account got locked after I reset my password",
            "ai: You can unlock it from the login page using 'Forgot password'. @0.8",
            "did that 3 times, it still says locked"]),
        Script(customer: "João Pereira", language: "pt", channel: .whatsapp, lines: [
            "oi, quero cancelar minha assinatura"]),
        Script(customer: "Emily Carter", language: "en", channel: .webchat, tags: ["vip"], ltv: 84_000, lines: [
            "Hi, can you confirm my standing order for Friday?"]),
        Script(customer: "Tom Becker", language: "en", channel: .webchat, lines: [
            "does the X200 router support WPA3 enterprise with radius?",
            "ai: I'm not sure about enterprise mode. @0.31"]),
        Script(customer: "Lucía Fernández", language: "es", channel: .whatsapp, lines: [
            "alguien usó mi tarjeta, hay compras que no hice"]),
        Script(customer: "Kevin O'Brien", language: "en", channel: .whatsapp, lines: [
            "where is my refund?? it's been 3 weeks",
            "ai: Refunds take 5-10 business days. @0.66",
            "THIS IS RIDICULOUS", "i want my money back NOW"]),
        Script(customer: "Sofia Rossi", language: "en", channel: .email, lines: [
            "We'd like a quote for 120 seats on the business plan, billed annually"]),
        Script(customer: "Hiroshi Tanaka", language: "en", channel: .webchat, lines: [
            "what's the status of repair ticket 5521?",
            "ai: Let me check that for you. @0.7 !repairs_api:timeout"]),
        Script(customer: "Fatima Zahra", language: "en", channel: .whatsapp, lines: [
            "please delete all the personal data you have about me, GDPR request"]),
        Script(customer: "Carlos Méndez", language: "es", channel: .whatsapp, lines: [
            "voy a poner una queja en Profeco, llevo un mes esperando mi reembolso"]),
        Script(customer: "Grace Liu", language: "en", channel: .webchat, lines: [
            "my daughter had an allergic reaction after using the face cream"]),
        Script(customer: "Daniel Kim", language: "en", channel: .whatsapp, lines: [
            "hi", "ai: Hi! How can I help today? @0.95", "??"]),
        Script(customer: "Beatriz Costa", language: "pt", channel: .whatsapp, lines: [
            "meu pedido chegou quebrado",
            "ai: Sinto muito! Pode enviar uma foto? @0.82",
            "já mandei ontem", "que absurdo, ninguém me responde"]),
        Script(customer: "Oliver Smith", language: "en", channel: .webchat, prior: [
            PriorContact(topic: "wifi", daysAgo: 2), PriorContact(topic: "wifi", daysAgo: 9)], lines: [
            "wifi keeps dropping again, third time this month"]),
        Script(customer: "Amara Okafor", language: "en", channel: .whatsapp, lines: [
            "I got an email asking me to confirm my card details, is that you? looks like phishing"]),
        Script(customer: "Liam Murphy", language: "en", channel: .webchat, lines: [
            "can i get a human please"]),
        Script(customer: "Chloé Martin", language: "en", channel: .webchat, tags: ["named_account"], ltv: 150_000, lines: [
            "We need to add 15 users to our workspace today"]),
        Script(customer: "Mateo Silva", language: "es", channel: .whatsapp, lines: [
            "cotización para 500 unidades del modelo K3, somos distribuidores"]),
        Script(customer: "Isabella García", language: "es", channel: .whatsapp, lines: [
            "no puedo entrar a mi cuenta, dice que está bloqueada"]),
        Script(customer: "Noah Wilson", language: "en", channel: .webchat, lines: [
            "does the warranty cover a cracked screen from a drop?",
            "ai: It may be covered depending on the plan. @0.55",
            "which plan do I need?",
            "ai: Possibly the premium plan, but I'm not certain. @0.48"]),
        Script(customer: "Aisha Khan", language: "en", channel: .whatsapp, lines: [
            "my order arrived but the box was empty",
            "ai: I'm sorry! Could you share your order number? @0.84",
            "4471902", "ai: Thanks, I've opened a claim. You'll hear from us in 48h. @0.79",
            "48 hours?? this is a joke"]),
        Script(customer: "Lucas Almeida", language: "pt", channel: .whatsapp, lines: [
            "posso falar com um atendente?"]),
        Script(customer: "Hannah Schmidt", language: "en", channel: .email, lines: [
            "I'll be contacting my lawyer about the damage your technician caused"]),
        Script(customer: "Ethan Brown", language: "en", channel: .webchat, lines: [
            "what time does the downtown store open on sundays?",
            "ai: The downtown store opens at 10am on Sundays. @0.94", "great thanks!"]),
        Script(customer: "Mia Johnson", language: "en", channel: .whatsapp, lines: [
            "how do I change my delivery address?",
            "ai: Go to Orders > Edit delivery before the order ships. @0.9", "done, thank you"]),
        Script(customer: "Valentina López", language: "es", channel: .whatsapp, lines: [
            "¿tienen envío a Monterrey?", "ai: Sí, enviamos a todo México en 2-4 días. @0.93", "perfecto, gracias"]),
        Script(customer: "Rafael Souza", language: "pt", channel: .whatsapp, lines: [
            "vocês abrem no domingo?", "ai: Sim, das 10h às 16h. @0.92", "valeu!"]),
        Script(customer: "Jack Taylor", language: "en", channel: .webchat, lines: [
            "there's a charge from you on my card I don't recognise, $212"]),
        Script(customer: "Zoe Anderson", language: "en", channel: .webchat, lines: [
            "app crashes every time I open the camera",
            "ai: Please update to the latest version. @0.74", "already on the latest",
            "ai: Please update to the latest version. @0.6", "you keep saying the same thing"]),
        Script(customer: "Samuel Adeyemi", language: "en", channel: .whatsapp, lines: [
            "Looking for wholesale pricing, we run 8 pharmacies"]),
        Script(customer: "Elena Petrova", language: "en", channel: .webchat, lines: [
            "can I pay my invoice in two parts?",
            "ai: I don't have information about split payments. @0.28"]),
        Script(customer: "Diego Torres", language: "es", channel: .whatsapp, lines: [
            "pésimo servicio, tres días sin internet y nadie hace nada"]),
        Script(customer: "Olivia Martins", language: "pt", channel: .whatsapp, tier: "gold", lines: [
            "fui cobrada duas vezes no cartão"]),
        Script(customer: "William Clark", language: "en", channel: .webchat, lines: [
            "Hello, I'd like to close my account and cancel all my plans"]),
        Script(customer: "Yuki Sato", language: "en", channel: .whatsapp, lines: [
            "booking for 4 people tonight at 8?",
            "ai: Let me check availability. @0.8 !booking_api:HTTP 503"]),
        Script(customer: "Nora Jensen", language: "en", channel: .webchat, lines: [
            "this bot is useless, get me someone real"]),
        Script(customer: "Pedro Gómez", language: "es", channel: .whatsapp, prior: [
            PriorContact(topic: "factura", daysAgo: 4), PriorContact(topic: "factura", daysAgo: 15)], lines: [
            "otra vez la factura viene mal, es la tercera vez"]),
        Script(customer: "Ava Thompson", language: "en", channel: .webchat, lines: [
            "my phone was stolen and my account is logged in on it"]),
        Script(customer: "Benjamin Moore", language: "en", channel: .whatsapp, lines: [
            "is the blue jacket back in stock in size M?",
            "ai: Yes, the blue jacket is back in size M. @0.91", "awesome 👍"]),
        Script(customer: "Camila Rodríguez", language: "es", channel: .whatsapp, tags: ["vip"], ltv: 62_000, lines: [
            "hola, ¿me confirman la entrega de mañana?"]),
        Script(customer: "Henry Walker", language: "en", channel: .webchat, lines: [
            "my son swallowed one of the magnets from the toy set, what should I do"]),
        Script(customer: "Julia Nowak", language: "en", channel: .webchat, lines: [
            "I need help finding the size chart for kids shoes",
            "ai: Here it is: /help/size-chart-kids @0.9", "found it thanks"]),
        Script(customer: "Gabriel Ferreira", language: "pt", channel: .whatsapp, lines: [
            "quero o reembolso da minha compra, o produto veio com defeito"]),
        Script(customer: "Harper Lewis", language: "en", channel: .whatsapp, lines: [
            "I've been on hold for an hour and nobody answers, this is unacceptable"]),
    ]
}
