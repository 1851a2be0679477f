/// Decides whether and where a conversation leaves the AI.
///
/// Placeholder until the rule set lands: evaluates nothing.
public struct TriggerEngine: Sendable {
    public let config: EngineConfig

    public init(config: EngineConfig = EngineConfig()) { self.config = config }

    /// Evaluates messages from index `start` on (earlier messages are context only).
    public func evaluate(_ conversation: Conversation, from start: Int = 0) -> HandoffDecision {
        HandoffDecision(conversationID: conversation.id, handoff: false, at: nil, primary: nil, triggers: [],
                        queue: config.defaultQueue, priority: .low, sentiment: [])
    }
}
