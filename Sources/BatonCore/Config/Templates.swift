/// Customer-facing texts, per language, with `{placeholders}` filled at handoff time.
///
/// Placeholders: `{name}` customer's first name, `{wait}` a wait estimate such as "about 4 minutes",
/// `{agent}` the agent's name, `{opens}` when the queue opens next, `{topic}` the policy topic.
public struct Templates: Sendable, Equatable {
    /// Handoff message per trigger kind, per language code; `default` is the fallback kind.
    public var handoff: [String: [String: String]]
    /// Agent introduction per language.
    public var agentIntroduction: [String: String]
    /// After-hours message per policy, per language.
    public var afterHours: [String: [String: String]]
    /// The agent's suggested first reply per trigger kind (English; agents translate as needed).
    public var suggestedReply: [String: String]

    public init(handoff: [String: [String: String]] = Templates.defaultHandoff,
                agentIntroduction: [String: String] = Templates.defaultIntroduction,
                afterHours: [String: [String: String]] = Templates.defaultAfterHours,
                suggestedReply: [String: String] = Templates.defaultSuggestedReply) {
        self.handoff = handoff
        self.agentIntroduction = agentIntroduction
        self.afterHours = afterHours
        self.suggestedReply = suggestedReply
    }

    /// The handoff message for `kind` in `language`, falling back to English and the default kind.
    public func handoffMessage(kind: TriggerKind, language: String) -> String {
        let table = handoff[kind.rawValue] ?? handoff["default"] ?? [:]
        return table[language] ?? table["en"] ?? handoff["default"]?["en"] ?? "Connecting you with our team ({wait})."
    }

    public func introduction(language: String) -> String {
        agentIntroduction[language] ?? agentIntroduction["en"] ?? "A member of our team, {agent}, has joined the conversation."
    }

    public func afterHoursMessage(policy: AfterHoursPolicy, language: String) -> String {
        let table = afterHours[policy.rawValue] ?? [:]
        return table[language] ?? table["en"] ?? "We're closed right now and will reply when we open ({opens})."
    }

    public func suggestedReply(kind: TriggerKind) -> String {
        suggestedReply[kind.rawValue] ?? suggestedReply["default"] ?? "Hi {name}, I'm {agent} and I'll take it from here."
    }

    /// Fills `{key}` placeholders; unknown placeholders are left as written.
    ///
    /// One pass over the template: filled-in values are never scanned again, so a customer name that
    /// contains "{wait}" stays as written. (It runs once or twice per handoff; Foundation's
    /// `replacingOccurrences` per key was a sizeable share of ingest time.)
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        // Braces are ASCII, so searching the UTF-8 view finds the same places as searching characters, and
        // its indexes fall on character boundaries; this runs for every handoff message and reply.
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            result += rest[..<open]
            let afterOpen = rest.utf8.index(after: open)
            guard let close = rest.utf8[afterOpen...].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") }),
                  rest.utf8[close] == UInt8(ascii: "}"),
                  let value = values[String(rest[afterOpen..<close])] else {
                result.append("{")
                rest = rest[afterOpen...]
                continue
            }
            result += value
            rest = rest[rest.utf8.index(after: close)...]
        }
        result += rest
        return result
    }

    public static let defaultHandoff: [String: [String: String]] = [
        "default": [
            "en": "I'm connecting you with a member of our team. Expected wait: {wait}.",
            "es": "Te estoy comunicando con una persona de nuestro equipo. Espera estimada: {wait}.",
            "pt": "Estou transferindo você para uma pessoa da nossa equipe. Espera estimada: {wait}.",
        ],
        "explicit_request": [
            "en": "Of course, I'm getting a person from our team for you. Expected wait: {wait}.",
            "es": "Claro, te comunico con una persona de nuestro equipo. Espera estimada: {wait}.",
            "pt": "Claro, vou chamar uma pessoa da nossa equipe. Espera estimada: {wait}.",
        ],
        "sentiment": [
            "en": "I'm sorry this has been frustrating. A member of our team will take over. Expected wait: {wait}.",
            "es": "Lamento que esto haya sido frustrante. Una persona de nuestro equipo te atenderá. Espera estimada: {wait}.",
            "pt": "Sinto muito pela frustração. Uma pessoa da nossa equipe vai assumir. Espera estimada: {wait}.",
        ],
        "low_confidence": [
            "en": "I want to get this right, so I'm passing you to a specialist. Expected wait: {wait}.",
            "es": "Quiero darte la respuesta correcta, así que te paso con un especialista. Espera estimada: {wait}.",
            "pt": "Quero acertar, então vou passar você para um especialista. Espera estimada: {wait}.",
        ],
        "tool_failure": [
            "en": "I couldn't look that up just now, so a member of our team will check it for you. Expected wait: {wait}.",
            "es": "No pude consultarlo en este momento; una persona de nuestro equipo lo revisará. Espera estimada: {wait}.",
            "pt": "Não consegui consultar agora; uma pessoa da nossa equipe vai verificar. Espera estimada: {wait}.",
        ],
        "buying_intent": [
            "en": "Great, I'm connecting you with our sales team. Expected wait: {wait}.",
            "es": "¡Excelente! Te comunico con nuestro equipo de ventas. Espera estimada: {wait}.",
            "pt": "Ótimo! Vou conectar você com nossa equipe de vendas. Espera estimada: {wait}.",
        ],
    ]

    public static let defaultIntroduction: [String: String] = [
        "en": "A member of our team, {agent}, has joined the conversation.",
        "es": "{agent}, de nuestro equipo, se ha unido a la conversación.",
        "pt": "{agent}, da nossa equipe, entrou na conversa.",
    ]

    public static let defaultAfterHours: [String: [String: String]] = [
        "callback": [
            "en": "Our team is offline right now. We've noted your request and will call you back when we open ({opens}).",
            "es": "Nuestro equipo no está disponible ahora. Registramos tu solicitud y te llamaremos al abrir ({opens}).",
            "pt": "Nossa equipe está offline agora. Registramos seu pedido e ligaremos quando abrirmos ({opens}).",
        ],
        "queue_with_eta": [
            "en": "Our team is offline right now. You're in the queue and someone will reply when we open ({opens}).",
            "es": "Nuestro equipo no está disponible ahora. Estás en la fila y te responderemos al abrir ({opens}).",
            "pt": "Nossa equipe está offline agora. Você está na fila e responderemos quando abrirmos ({opens}).",
        ],
        "acknowledge_close": [
            "en": "Our team is offline right now. Please write to us again after we open ({opens}).",
            "es": "Nuestro equipo no está disponible ahora. Escríbenos de nuevo cuando abramos ({opens}).",
            "pt": "Nossa equipe está offline agora. Escreva de novo quando abrirmos ({opens}).",
        ],
    ]

    public static let defaultSuggestedReply: [String: String] = [
        "default": "Hi {name}, I'm {agent} from the team. I've read your conversation and I'll take it from here.",
        "explicit_request": "Hi {name}, I'm {agent}, a person on our team. I've read what you've shared so far, so no need to repeat it. How can I help?",
        "sentiment": "Hi {name}, I'm {agent}. I'm sorry about the trouble and the back-and-forth. I've read everything so far and I'll sort this out with you now.",
        "policy_topic": "Hi {name}, I'm {agent}. I've read your message about {topic} and I'm handling it personally from here.",
        "customer_tag": "Hi {name}, I'm {agent} from your account team. I've got your message and I'm on it.",
        "tool_failure": "Hi {name}, I'm {agent}. Our system couldn't fetch that for you, so I'm checking it by hand right now.",
        "low_confidence": "Hi {name}, I'm {agent}. Your question needs a specialist's answer, and I'm looking into it now.",
        "buying_intent": "Hi {name}, I'm {agent} from sales. Thanks for your interest! Could you tell me a bit more about what you need so I can prepare a quote?",
        "repeat_contact": "Hi {name}, I'm {agent}. I can see you've contacted us about this before, and I'm sorry it's still not fixed. I'll own it until it is.",
        "bot_request": "Hi {name}, I'm {agent} from the team. I've read the conversation and I'll take it from here.",
    ]
}
