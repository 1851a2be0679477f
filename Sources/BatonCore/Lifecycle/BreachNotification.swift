import Foundation

/// A pickup-window breach waiting to be announced by the notify command, recorded in the same transaction
/// as the breach so that it is announced at least once, whatever happens to the process.
public struct BreachNotification: Sendable, Equatable {
    public var id: Int64
    public var threadID: String
    public var queue: String
    /// The escalation level the breach raised the thread to.
    public var level: Int
    /// When the breach happened.
    public var at: Date
    /// Earlier failed attempts to run the notify command for it.
    public var attempts: Int
    /// The last attempt's error, if it failed.
    public var lastError: String?

    public init(id: Int64, threadID: String, queue: String, level: Int, at: Date, attempts: Int = 0, lastError: String? = nil) {
        self.id = id
        self.threadID = threadID
        self.queue = queue
        self.level = level
        self.at = at
        self.attempts = attempts
        self.lastError = lastError
    }
}

/// When a failed breach notification is tried again: exponential backoff from 10 seconds, capped at
/// 10 minutes, giving up after `maxAttempts` (about an hour and a half of trying).
public enum NotificationRetry {
    public static let maxAttempts = 15
    public static let firstDelay: TimeInterval = 10
    public static let maxDelay: TimeInterval = 600

    /// When to try again after `attempts` failed attempts (counting the one that just failed), or nil to give up.
    public static func nextAttempt(afterFailedAttempts attempts: Int, now: Date) -> Date? {
        guard attempts < maxAttempts else { return nil }
        let delay = min(maxDelay, firstDelay * pow(2, Double(max(0, attempts - 1))))
        return now.addingTimeInterval(delay)
    }
}

/// What running the notify command for one breach notification did.
public enum NotificationResult: Sendable, Equatable {
    /// The command succeeded.
    case delivered
    /// Nothing to run (no notify command is configured); the breach counts as handled.
    case skipped
    /// The command failed; tried again at `retryAt`, or given up on when it is nil.
    case failed(error: String, retryAt: Date?)
}
