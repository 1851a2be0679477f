/// One rule that fired, with enough detail to explain it to a human.
public struct FiredTrigger: Sendable, Equatable, Codable {
    public var kind: TriggerKind
    /// Index in `Conversation.messages` of the message that fired it.
    public var message: Int
    /// Human-readable explanation, e.g. "confidence 0.41 and 0.45 on two consecutive replies < 0.60".
    public var reason: String
    /// The rule that matched, e.g. "explicit_request/es" or "low_confidence/consecutive".
    public var rule: String
    /// For policy topics: the topic group, e.g. "refund"; for repeat contacts the repeated topic.
    public var topic: String?

    public init(kind: TriggerKind, message: Int, reason: String, rule: String, topic: String? = nil) {
        self.kind = kind
        self.message = message
        self.reason = reason
        self.rule = rule
        self.topic = topic
    }
}
