import BatonCore
import Foundation

/// Deterministic synthetic conversations for benchmarks: mixed languages, lengths and outcomes,
/// so the trigger engine and the store see realistic text rather than one repeated line.
struct SyntheticCorpus {
    private var state: UInt64

    init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) { state = seed }

    private mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let opening = [
        "hi, where is my order 88123?", "what time do you close today", "my package still hasn't arrived",
        "can I change the delivery address for order 4410", "do you ship to Canada?", "how do I reset my password",
        "the app keeps crashing when I open settings", "is the blue jacket available in size M", "hola, ¿dónde está mi pedido?",
        "¿tienen envío gratis a Guadalajara?", "no me llega el código de verificación", "oi, meu pedido ainda não chegou",
        "vocês abrem no feriado?", "quero trocar o tamanho do tênis", "what's the interest rate on the savings account",
        "how do I activate my new debit card", "my bill looks higher than usual this month", "can I pay in installments?",
        "is there a student discount", "where can I find the user manual for the X200",
    ]
    static let followUps = [
        "ok thanks", "that didn't work", "still nothing", "great, thank you!", "I already tried that", "??",
        "can I talk to a person", "this is useless", "I want a refund", "gracias!", "no funcionó", "valeu",
        "someone used my card without permission", "I'M SO ANGRY RIGHT NOW", "we need a quote for 200 seats",
        "ok", "perfect 👍", "it says my account is locked", "you keep saying the same thing", "cancel my subscription",
    ]
    static let answers = [
        "Your order is on its way and should arrive tomorrow.", "We close at 8pm today.", "You can change it under Orders > Edit.",
        "Yes, we ship to Canada in 5-7 days.", "Tap 'Forgot password' on the login screen.", "Please update the app to the latest version.",
        "Tu pedido llega mañana.", "Sim, abrimos das 10h às 16h.", "I'm not sure about that.", "Let me check that for you.",
    ]

    /// One conversation of 1 to 6 messages.
    mutating func conversation(id: String) -> Conversation {
        var messages = [Message(role: .customer, text: pick(Self.opening))]
        let turns = Int(next() % 3)
        for _ in 0..<turns {
            let failed = next() % 20 == 0
            messages.append(Message(role: .ai, text: pick(Self.answers), confidence: Double(40 + next() % 60) / 100,
                                    intent: "general", tools: failed ? [ToolCall(name: "orders_api", ok: false, error: "timeout")] : []))
            messages.append(Message(role: .customer, text: pick(Self.followUps)))
        }
        let tags = next() % 50 == 0 ? ["vip"] : []
        return Conversation(id: id, channel: next() % 2 == 0 ? .whatsapp : .webchat,
                            customer: Customer(id: "cust-\(next() % 200_000)", name: "Customer \(id)", language: "en",
                                               tier: "standard", tags: tags),
                            messages: messages)
    }

    /// Conversations whose messages add up to at least `messages`.
    mutating func conversations(messages target: Int, prefix: String) -> [Conversation] {
        var result: [Conversation] = []
        var total = 0
        while total < target {
            let conversation = conversation(id: "\(prefix)-\(result.count)")
            total += conversation.messages.count
            result.append(conversation)
        }
        return result
    }
}
