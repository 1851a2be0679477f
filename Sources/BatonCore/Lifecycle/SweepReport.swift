/// What one sweep did.
public struct SweepReport: Sendable, Equatable {
    /// Threads re-queued with a raised escalation level after a pickup-window breach.
    public var escalated: [String] = []
    /// Claims that expired, with where they went.
    public var expired: [String] = []
    /// After-hours threads that joined their queue at opening.
    public var opened: [String] = []
    /// Waiting customers who got an update with a new estimate (their promised wait had passed, or their
    /// thread was re-queued).
    public var waitUpdates: [String] = []
    /// Waiting customers who wrote nothing for the queue's `leave_after`: kept as follow-ups.
    public var left: [String] = []
    /// Agent-to-agent transfer offers nobody answered within the queue's `offer_timeout`: back in the queue.
    public var offersExpired: [String] = []

    public init(escalated: [String] = [], expired: [String] = [], opened: [String] = [], waitUpdates: [String] = []) {
        self.escalated = escalated
        self.expired = expired
        self.opened = opened
        self.waitUpdates = waitUpdates
    }

    public var isEmpty: Bool { escalated.isEmpty && expired.isEmpty && opened.isEmpty && waitUpdates.isEmpty && left.isEmpty && offersExpired.isEmpty }
}
