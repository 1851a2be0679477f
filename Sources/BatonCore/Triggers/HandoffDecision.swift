/// The escalation engine's verdict on a conversation.
public struct HandoffDecision: Sendable, Equatable, Codable {
    public var conversationID: String
    public var handoff: Bool
    /// Index of the message on which the handoff fires; nil when nothing fired.
    public var at: Int?
    /// The primary trigger, by `TriggerKind` precedence among those fired at `at`.
    public var primary: FiredTrigger?
    /// Every trigger that fired at `at`, primary first.
    public var triggers: [FiredTrigger]
    /// The queue the thread is routed to (also set when nothing fired: the default queue).
    public var queue: String
    public var priority: Priority
    /// Sentiment score in [-1, 1] for each customer message, in order, up to the end of the conversation.
    public var sentiment: [Double]

    public init(conversationID: String, handoff: Bool, at: Int?, primary: FiredTrigger?, triggers: [FiredTrigger],
                queue: String, priority: Priority, sentiment: [Double]) {
        self.conversationID = conversationID
        self.handoff = handoff
        self.at = at
        self.primary = primary
        self.triggers = triggers
        self.queue = queue
        self.priority = priority
        self.sentiment = sentiment
    }
}
