import Foundation

/// A promised callback: a waiting thread whose customer is to be called at `dueAt`.
public struct CallbackTask: Sendable, Equatable {
    public var thread: ThreadSummary
    public var dueAt: Date

    public init(thread: ThreadSummary, dueAt: Date) {
        self.thread = thread
        self.dueAt = dueAt
    }

    /// Seconds until the call is due; negative once overdue.
    public func remaining(at now: Date) -> TimeInterval { dueAt.timeIntervalSince(now) }

    public func isOverdue(at now: Date) -> Bool { dueAt < now }
}
