import Foundation

/// One row of a queue listing: enough to sort, colour and count down without loading the packet.
public struct ThreadSummary: Sendable, Equatable, Codable, Identifiable {
    /// The thread id, which is the conversation id.
    public var id: String
    public var customerName: String
    public var channel: Channel
    public var language: String
    public var tier: String
    public var queue: String
    public var state: ThreadState
    public var owner: String?
    public var priority: Priority
    public var trigger: TriggerKind?
    /// Latest customer sentiment in [-1, 1].
    public var sentiment: Double
    /// Raised each time the pickup window is breached.
    public var escalationLevel: Int
    /// When the thread last entered the queue.
    public var queuedAt: Date?
    /// When the pickup window of the current wait runs out.
    public var pickupDeadline: Date?
    public var claimedAt: Date?
    public var lastActivityAt: Date
    /// The agent routing suggests, if any.
    public var suggestedAgent: String?

    public init(id: String, customerName: String, channel: Channel, language: String, tier: String, queue: String,
                state: ThreadState, owner: String?, priority: Priority, trigger: TriggerKind?, sentiment: Double,
                escalationLevel: Int, queuedAt: Date?, pickupDeadline: Date?, claimedAt: Date?, lastActivityAt: Date,
                suggestedAgent: String? = nil) {
        self.id = id
        self.customerName = customerName
        self.channel = channel
        self.language = language
        self.tier = tier
        self.queue = queue
        self.state = state
        self.owner = owner
        self.priority = priority
        self.trigger = trigger
        self.sentiment = sentiment
        self.escalationLevel = escalationLevel
        self.queuedAt = queuedAt
        self.pickupDeadline = pickupDeadline
        self.claimedAt = claimedAt
        self.lastActivityAt = lastActivityAt
        self.suggestedAgent = suggestedAgent
    }

    /// Seconds left in the pickup window (negative once breached); nil when not waiting.
    public func pickupRemaining(at now: Date) -> TimeInterval? {
        guard state.isWaiting, let pickupDeadline else { return nil }
        return pickupDeadline.timeIntervalSince(now)
    }

    /// How long the customer has waited for a human so far.
    public func waited(at now: Date) -> TimeInterval? {
        guard let queuedAt else { return nil }
        return max(0, now.timeIntervalSince(queuedAt))
    }
}
