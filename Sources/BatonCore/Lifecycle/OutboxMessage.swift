import Foundation

/// A message for the bot platform: text to send to the customer, or a control event for the bot.
public struct OutboxMessage: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64
    public var threadID: String
    public var kind: OutboxKind
    /// Customer-facing text, or the note that goes back to the bot on release.
    public var text: String?
    /// Who caused it: an agent id, `system` or `sweeper`.
    public var actor: String
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(id: Int64, threadID: String, kind: OutboxKind, text: String?, actor: String, createdAt: Date, deliveredAt: Date? = nil) {
        self.id = id
        self.threadID = threadID
        self.kind = kind
        self.text = text
        self.actor = actor
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}

public enum OutboxKind: String, Sendable, Codable, CaseIterable {
    /// Customer-facing: "Connecting you with a member of our team, about 4 minutes."
    case handoffMessage = "handoff_message"
    /// Customer-facing: "A member of our team has joined…"
    case agentIntroduction = "agent_introduction"
    case agentReply = "agent_reply"
    case afterHoursMessage = "after_hours_message"
    /// Control events for the bot.
    case claimed
    case releasedToAI = "released_to_ai"
    case resolved

    /// Whether the text goes to the customer (as opposed to a control event for the bot).
    public var isCustomerFacing: Bool {
        switch self {
        case .handoffMessage, .agentIntroduction, .agentReply, .afterHoursMessage: true
        case .claimed, .releasedToAI, .resolved: false
        }
    }
}
