import Foundation

/// What the store knows about one handoff (the thread's latest), from which its quality is scored and the
/// review is built. Read in one transaction; nothing here is computed by the store.
public struct HandoffFacts: Sendable, Equatable {
    public var threadID: String
    public var customerID: String
    public var queue: String
    public var trigger: TriggerKind?
    /// The primary trigger's reason, for the review's list of low scores.
    public var reason: String?
    public var handedOffAt: Date
    public var firstClaimedAt: Date?
    /// The first resolution after the handoff (kept through a reopen).
    public var resolvedAt: Date?
    public var disposition: Disposition?
    /// The packet the agent got; nil when the store has none.
    public var packet: ContextPacket?
    /// Transfers to another queue after the handoff.
    public var transfers: Int
    /// The customer's messages up to and including the one that fired the handoff.
    public var customerBefore: [String]
    /// The customer's messages sent after the first claim.
    public var customerAfterClaim: [String]
    /// The newest packet rating by the agent who resolved it.
    public var rating: Int?
    public var ratingNote: String?
    public var csat: Int?

    public init(threadID: String, customerID: String = "", queue: String, trigger: TriggerKind? = nil, reason: String? = nil,
                handedOffAt: Date, firstClaimedAt: Date? = nil, resolvedAt: Date? = nil, disposition: Disposition? = nil,
                packet: ContextPacket? = nil, transfers: Int = 0, customerBefore: [String] = [], customerAfterClaim: [String] = [],
                rating: Int? = nil, ratingNote: String? = nil, csat: Int? = nil) {
        self.threadID = threadID
        self.customerID = customerID
        self.queue = queue
        self.trigger = trigger
        self.reason = reason
        self.handedOffAt = handedOffAt
        self.firstClaimedAt = firstClaimedAt
        self.resolvedAt = resolvedAt
        self.disposition = disposition
        self.packet = packet
        self.transfers = transfers
        self.customerBefore = customerBefore
        self.customerAfterClaim = customerAfterClaim
        self.rating = rating
        self.ratingNote = ratingNote
        self.csat = csat
    }

    /// Seconds from handoff to its first resolution; nil while unresolved.
    public var resolutionSeconds: Double? {
        resolvedAt.map { max(0, $0.timeIntervalSince(handedOffAt)) }
    }

    /// Seconds from handoff to the first claim; nil while unclaimed.
    public var pickupSeconds: Double? {
        firstClaimedAt.map { max(0, $0.timeIntervalSince(handedOffAt)) }
    }
}
