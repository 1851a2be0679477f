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

    public init(conversation: Conversation, sentiment: [Double?], config: EngineConfig) {
        self.conversation = conversation
        self.sentiment = sentiment
        self.config = config
    }
}
