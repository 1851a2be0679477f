import Foundation

/// Per-queue counts for the queue bar and the wait estimate.
public struct QueueCounts: Sendable, Equatable {
    public var queue: String
    public var waiting: Int
    public var claimed: Int
    public var oldestQueuedAt: Date?
    public var nearestDeadline: Date?
    /// Waiting threads past their pickup deadline.
    public var breached: Int
    /// Re-queues by the sweeper in the last 24 hours.
    public var escalations: Int
    /// Handle times (claim to resolve or release) of recently finished threads, newest first.
    public var recentHandleTimes: [TimeInterval]

    public init(queue: String, waiting: Int, claimed: Int, oldestQueuedAt: Date?, nearestDeadline: Date?, breached: Int,
                escalations: Int, recentHandleTimes: [TimeInterval]) {
        self.queue = queue
        self.waiting = waiting
        self.claimed = claimed
        self.oldestQueuedAt = oldestQueuedAt
        self.nearestDeadline = nearestDeadline
        self.breached = breached
        self.escalations = escalations
        self.recentHandleTimes = recentHandleTimes
    }
}
