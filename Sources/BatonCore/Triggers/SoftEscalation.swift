/// Soft escalation: a policy topic configured with `urgency = "soft"` lets the AI try once more before a
/// human takes over.
///
/// When everything that fired on a customer message is a soft topic, the engine holds the handoff: the AI
/// answers, and the customer's next message decides. The handoff fires on that message (as the soft topic,
/// explained as such) unless it reads as resolved: thanks or an acknowledgement ("ok, got it", "gracias",
/// "valeu"), or clearly positive, with no question, no negative sentiment and no "still", "not", "no".
/// A customer who writes again before the AI answered is still waiting for the AI's try. A conversation that
/// ends after the AI's try stays with the AI. Anything else that fires (a request for a person, frustration,
/// a topic that is not soft) hands off at once, as always.
struct SoftEscalation {
    /// The soft topic's trigger whose handoff is held.
    private(set) var pending: FiredTrigger?
    /// Whether the AI answered after the held trigger.
    private(set) var aiAnswered = false

    /// Whether every trigger in `fired` is a policy topic configured as soft.
    static func isSoft(_ fired: [FiredTrigger], config: EngineConfig) -> Bool {
        !fired.isEmpty && fired.allSatisfy { trigger in
            trigger.kind == .policyTopic && (trigger.topic.flatMap { config.topic(named: $0) }?.soft ?? false)
        }
    }

    /// Holds `trigger`'s handoff until the customer answers the AI's next try.
    mutating func hold(_ trigger: FiredTrigger) {
        pending = trigger
        aiAnswered = false
    }

    /// Notes that message `index` was walked: an AI message after the held trigger is the AI's try.
    mutating func walked(_ role: Role) {
        if pending != nil && role == .ai { aiAnswered = true }
    }

    /// The customer's answer to the AI's try, at `index`: the held trigger moved to that message when the
    /// answer is not resolved, nil when it is (the AI handled it). Either way nothing is held any more.
    mutating func judge(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard let held = pending, aiAnswered, context.conversation.messages[index].role == .customer else { return nil }
        pending = nil
        aiAnswered = false
        let text = context.texts[index]
        let score = context.sentiment[index] ?? 0
        if Self.resolved(text, sentiment: score) { return nil }
        let excerpt = context.excerpt(message: index, tokens: 0..<min(text.count, 8))
        let why = SentimentBand(score: score) == .negative ? "negative" : "not resolved"
        return FiredTrigger(kind: .policyTopic, message: index,
                            reason: "\(held.reason); soft topic: the AI tried once (after message \(held.message + 1)) and the customer's answer is \(why): '\(excerpt)'",
                            rule: "policy_topic/\(held.topic ?? "topic")/soft", topic: held.topic)
    }

    /// Thanks or an acknowledgement, or clearly positive; never with a question, a negative score or a
    /// word that says the problem is still there.
    static func resolved(_ text: NormalizedText, sentiment: Double) -> Bool {
        if text.questionMarks > 0 || SentimentBand(score: sentiment) == .negative { return false }
        if text.words.contains(where: { stillOpenWords.contains($0) }) { return false }
        return sentiment >= 0.25 || text.words.contains { acknowledgementWords.contains($0) }
    }

    /// Words of an answer that closes the matter.
    static let acknowledgementWords: Set<String> = [
        "thanks", "thank", "thx", "ty", "ok", "okay", "great", "perfect", "understood", "cool", "solved", "sorted",
        "works", "worked", "helpful", "gracias", "vale", "perfecto", "listo", "entendido", "genial", "resuelto",
        "obrigado", "obrigada", "valeu", "perfeito", "beleza", "entendi", "otimo", "resolvido", "certo",
    ]
    /// Words that say the matter is still open, whatever else the answer says.
    static let stillOpenWords: Set<String> = [
        "still", "not", "no", "dont", "doesnt", "didnt", "isnt", "wasnt", "cant", "wont", "never", "yet",
        "todavia", "aun", "sigue", "sigo", "nada", "nunca", "ainda", "nao", "continua", "nem",
    ]
}
