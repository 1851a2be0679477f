import Foundation

/// Raw facts the store hands to `Metrics`: one row per conversation with activity in the period.
public struct MetricInput: Sendable, Equatable {
    public var conversations: [ConversationFacts]

    public init(conversations: [ConversationFacts]) { self.conversations = conversations }
}

/// The timestamps and outcomes of one conversation that the metrics need.
public struct ConversationFacts: Sendable, Equatable {
    public var id: String
    public var startedAt: Date
    /// The latest handoff; nil if the AI kept it.
    public var handedOffAt: Date?
    /// When the message that fired the latest handoff was sent (nil when unknown): time to handoff runs
    /// from `startedAt` to here, not to `handedOffAt`, which is when Baton ingested it.
    public var firedAt: Date?
    public var firstClaimedAt: Date?
    /// The first resolution after the latest handoff; a reopened thread keeps it.
    public var resolvedAt: Date?
    public var releasedAt: Date?
    public var disposition: Disposition?
    public var csat: Int?
    public var pickupBreaches: Int
    /// The handoff was a repeat contact.
    public var repeatContact: Bool
    public var queue: String?
    public var trigger: TriggerKind?

    public init(id: String, startedAt: Date, handedOffAt: Date? = nil, firstClaimedAt: Date? = nil, resolvedAt: Date? = nil,
                releasedAt: Date? = nil, disposition: Disposition? = nil, csat: Int? = nil, pickupBreaches: Int = 0,
                repeatContact: Bool = false, queue: String? = nil, trigger: TriggerKind? = nil, firedAt: Date? = nil) {
        self.id = id
        self.firedAt = firedAt
        self.startedAt = startedAt
        self.handedOffAt = handedOffAt
        self.firstClaimedAt = firstClaimedAt
        self.resolvedAt = resolvedAt
        self.releasedAt = releasedAt
        self.disposition = disposition
        self.csat = csat
        self.pickupBreaches = pickupBreaches
        self.repeatContact = repeatContact
        self.queue = queue
        self.trigger = trigger
    }
}
