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
    /// 1, 2, 3… per conversation, in the order the events happened: a receiver can tell a gap or a repeat.
    public var sequence: Int
    /// Who held the conversation once the change that wrote this event was made.
    public var holder: Holder

    public init(id: Int64, threadID: String, kind: OutboxKind, text: String?, actor: String, createdAt: Date, deliveredAt: Date? = nil,
                sequence: Int = 0, holder: Holder = .ai) {
        self.id = id
        self.threadID = threadID
        self.kind = kind
        self.text = text
        self.actor = actor
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.sequence = sequence
        self.holder = holder
    }
}

public enum OutboxKind: String, Sendable, Codable, CaseIterable {
    /// Customer-facing: "Connecting you with a member of our team, about 4 minutes."
    case handoffMessage = "handoff_message"
    /// Customer-facing: "A member of our team has joined…"
    case agentIntroduction = "agent_introduction"
    case agentReply = "agent_reply"
    case afterHoursMessage = "after_hours_message"
    /// Customer-facing: the wait the customer was told has passed (or the thread was re-queued); a new estimate.
    case waitUpdate = "wait_update"
    /// Control events for the bot.
    case claimed
    case releasedToAI = "released_to_ai"
    case resolved
    /// A waiting thread was not picked up within its queue's pickup window and was escalated.
    case pickupBreached = "pickup_breached"
    /// The queue was closed: the thread waits for opening hours (the customer got the after-hours message).
    case afterHoursCaptured = "after_hours_captured"
    /// WhatsApp's 24-hour reply window is about to close on a thread a human holds.
    case whatsappWindowClosing = "whatsapp_window_closing"
    /// Customer-facing, but WhatsApp's 24-hour window has closed: free text would be refused, so the bot
    /// platform must send `text` as an approved template message (the agent's introduction, reply or opener).
    case templateRequired = "template_required"

    /// Whether the text goes to the customer (as opposed to a control event for the bot).
    public var isCustomerFacing: Bool {
        switch self {
        case .handoffMessage, .agentIntroduction, .agentReply, .afterHoursMessage, .waitUpdate, .templateRequired: true
        case .claimed, .releasedToAI, .resolved, .pickupBreached, .afterHoursCaptured, .whatsappWindowClosing: false
        }
    }
}
