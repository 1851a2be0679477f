/// One escalation rule. Each trigger kind has its own type conforming to this protocol.
///
/// The engine walks a conversation message by message and asks every rule whether it fires on
/// message `index`, given everything before it. A rule returns at most one trigger per message.
public protocol TriggerRule: Sendable {
    var kind: TriggerKind { get }
    func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger?
}

/// What a rule may look at: the conversation, per-message analysis done once, and the config.
public struct TriggerContext: Sendable {
    public let conversation: Conversation
    /// Sentiment score per message index (customer messages only; nil for AI messages).
    public let sentiment: [Double?]
    public let config: EngineConfig
    /// Every message normalised once, by index.
    public let texts: [NormalizedText]
    /// The text each message was normalised from: its whole text, or its head and tail when it is longer
    /// than the engine reads (`EngineText.evaluated`). Token positions in `texts` refer to these.
    public let sources: [String]
    /// The first message index the engine evaluates; earlier messages are context only.
    public let start: Int
    /// Index of the first customer message at or after `start`, if any (where customer tags and
    /// repeat contacts fire).
    public let firstEvaluatedCustomerMessage: Int?

    /// Builds a context, normalising every message itself.
    public init(conversation: Conversation, sentiment: [Double?], config: EngineConfig) {
        let sources = conversation.messages.map { EngineText.evaluated($0.text, config: config) }
        self.init(conversation: conversation, sources: sources, texts: sources.map(TextNormalizer.normalize),
                  sentiment: sentiment, config: config, start: 0)
    }

    /// Builds a context from texts already normalised (what the engine does).
    public init(conversation: Conversation, sources: [String], texts: [NormalizedText], sentiment: [Double?],
                config: EngineConfig, start: Int) {
        self.conversation = conversation
        self.sources = sources
        self.texts = texts
        self.sentiment = sentiment
        self.config = config
        self.start = start
        firstEvaluatedCustomerMessage = conversation.messages.indices.dropFirst(max(0, start)).first {
            conversation.messages[$0].role == .customer
        }
    }

    /// Excerpt of message `index`'s original text covering `tokens`, safe to show.
    public func excerpt(message index: Int, tokens: Range<Int>) -> String {
        TextNormalizer.excerpt(of: sources[index], tokens: tokens)
    }
}
