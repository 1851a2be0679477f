import Foundation
import BatonCore

/// Announces pickup-window breaches through the notify command, at least once.
///
/// Every breach is recorded with its notification in the sweep's own transaction; the notifier works off
/// the due ones after the sweep, marking each once the command succeeded. A process killed in between
/// leaves them due, and the next sweep announces them. A failing command is retried with backoff
/// (`NotificationRetry`) and, after its last attempt, kept as failed: visible and retryable.
public struct Notifier: Sendable {
    public let store: any HandoffStore
    /// Runs the notify command for one breach: nil when it succeeded, else what went wrong. Nil when no
    /// command is configured: breaches are then marked handled without running anything.
    public let deliver: (@Sendable (BreachNotification) -> String?)?

    public init(store: any HandoffStore, deliver: (@Sendable (BreachNotification) -> String?)?) {
        self.store = store
        self.deliver = deliver
    }

    /// What one run did.
    public struct Report: Sendable, Equatable {
        public var delivered: [BreachNotification] = []
        /// Failed this time, tried again later: the notification, the error and when.
        public var retrying: [Retry] = []
        /// Failed for the last time.
        public var gaveUp: [Retry] = []

        public struct Retry: Sendable, Equatable {
            public var notification: BreachNotification
            public var error: String
            public var retryAt: Date?
        }

        public var isEmpty: Bool { delivered.isEmpty && retrying.isEmpty && gaveUp.isEmpty }
    }

    /// Runs every notification due at `now()`, oldest first, in pages of `pageSize`. A notification
    /// that fails is not retried within the same run.
    public func run(now: @Sendable () -> Date, pageSize: Int = 200) throws -> Report {
        var report = Report()
        var failedThisRun: Set<Int64> = []
        while true {
            let due = try store.dueNotifications(now: now(), limit: pageSize + failedThisRun.count)
                .filter { !failedThisRun.contains($0.id) }
            if due.isEmpty { return report }
            for notification in due {
                guard let deliver else {
                    try store.recordNotification(id: notification.id, result: .skipped, now: now())
                    continue
                }
                guard let error = deliver(notification) else {
                    try store.recordNotification(id: notification.id, result: .delivered, now: now())
                    report.delivered.append(notification)
                    continue
                }
                let finishedAt = now()
                let retryAt = NotificationRetry.nextAttempt(afterFailedAttempts: notification.attempts + 1, now: finishedAt)
                try store.recordNotification(id: notification.id, result: .failed(error: error, retryAt: retryAt), now: finishedAt)
                failedThisRun.insert(notification.id)
                let retry = Report.Retry(notification: notification, error: error, retryAt: retryAt)
                if retryAt == nil { report.gaveUp.append(retry) } else { report.retrying.append(retry) }
            }
        }
    }
}
