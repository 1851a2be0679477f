import Foundation
import BatonCore

/// One queue in the queue bar: what waits, for how long, and how close the nearest breach is.
public struct QueueTile: Sendable, Equatable {
    /// The queue name as shown (sanitized).
    public var name: String
    /// The queue name as stored, to address the store; never drawn.
    public var rawName: String
    public var waiting: Int
    public var claimed: Int
    public var oldestQueuedAt: Date?
    public var nearestDeadline: Date?
    public var breached: Int
    /// Re-queues by the sweeper in the last 24 hours.
    public var requeues: Int
    /// Whether the agent of this console works this queue.
    public var isMine: Bool

    public init(_ counts: QueueCounts, isMine: Bool) {
        name = Sanitizer.line(counts.queue)
        rawName = counts.queue
        waiting = counts.waiting
        claimed = counts.claimed
        oldestQueuedAt = counts.oldestQueuedAt
        nearestDeadline = counts.nearestDeadline
        breached = counts.breached
        requeues = counts.escalations
        self.isMine = isMine
    }

    /// An empty tile for a configured queue the store has no counts for yet.
    public init(emptyQueue name: String, isMine: Bool) {
        self.init(QueueCounts(queue: name, waiting: 0, claimed: 0, oldestQueuedAt: nil, nearestDeadline: nil, breached: 0,
                              escalations: 0, recentHandleTimes: []), isMine: isMine)
    }
}
