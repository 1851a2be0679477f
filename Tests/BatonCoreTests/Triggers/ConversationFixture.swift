@testable import BatonCore

/// Small conversations for rule and engine tests.
enum ConversationFixture {
    /// A conversation of customer messages only.
    static func customer(_ texts: [String], language: String = "en", tags: [String] = [], ltv: Double? = nil,
                         prior: [PriorContact] = []) -> Conversation {
        Conversation(id: "t", channel: .webchat,
                     customer: Customer(id: "c", language: language, ltv: ltv, tags: tags, priorContacts: prior),
                     messages: texts.map { Message(role: .customer, text: $0) })
    }

    /// A conversation from messages as given.
    static func conversation(_ messages: [Message], language: String = "en", tags: [String] = [],
                             prior: [PriorContact] = []) -> Conversation {
        Conversation(id: "t", customer: Customer(id: "c", language: language, tags: tags, priorContacts: prior),
                     messages: messages)
    }

    static func ai(_ text: String, confidence: Double? = nil, intent: String? = nil, tools: [ToolCall] = []) -> Message {
        Message(role: .ai, text: text, confidence: confidence, intent: intent, tools: tools)
    }

    static func said(_ text: String) -> Message { Message(role: .customer, text: text) }

    /// What `rule` says about the last message of `conversation`, the whole conversation as context.
    static func evaluate(_ rule: some TriggerRule, _ conversation: Conversation,
                         config: EngineConfig = EngineConfig()) -> FiredTrigger? {
        let scorer = SentimentScorer()
        let sources = conversation.messages.map { EngineText.evaluated($0.text, config: config) }
        let texts = sources.map(TextNormalizer.normalize)
        let sentiment: [Double?] = zip(conversation.messages, texts).map { $0.role == .customer ? scorer.score($1) : nil }
        let context = TriggerContext(conversation: conversation, sources: sources, texts: texts, sentiment: sentiment,
                                     config: config, start: 0)
        return rule.evaluate(context, at: conversation.messages.count - 1)
    }

    /// What `rule` says about a single customer message.
    static func evaluate(_ rule: some TriggerRule, customerSays text: String, language: String = "en") -> FiredTrigger? {
        evaluate(rule, customer([text], language: language))
    }
}
