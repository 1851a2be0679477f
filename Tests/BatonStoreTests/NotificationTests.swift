import Foundation
import Synchronization
import Testing
import BatonCore
import GRDB
@testable import BatonStore

/// Breach notifications are stored with the breach and announced at least once.
@Suite struct NotificationTests {
    let t0 = StoreFixtures.t0
    let billing = QueueConfig(name: "billing", pickupWindow: 300, expiry: 1800)

    /// A store with `count` threads queued at t0, all breached by a sweep at t0 + 301 s.
    func breachedStore(_ count: Int = 3) throws -> (SQLiteHandoffStore, Date) {
        let store = try SQLiteHandoffStore.inMemory()
        for index in 0..<count {
            _ = try store.record(StoreFixtures.conversation("c\(index)"), now: t0)
            try store.handoff(StoreFixtures.request("c\(index)"), now: t0)
        }
        let breach = t0.addingTimeInterval(301)
        #expect(try store.sweep(now: breach, queues: [billing]).escalated.count == count)
        return (store, breach)
    }

    @Test func aBreachIsStoredWithItsNotificationInTheSameTransaction() throws {
        let (store, breach) = try breachedStore()
        let due = try store.dueNotifications(now: breach, limit: 10)
        #expect(due.map(\.threadID) == ["c0", "c1", "c2"])
        #expect(due.allSatisfy { $0.queue == "billing" && $0.level == 1 && $0.at == breach && $0.attempts == 0 })
    }

    @Test func aNotifierKilledBeforeMarkingLeavesTheRestDueForTheNextSweep() throws {
        let (store, breach) = try breachedStore(5)
        // The first notifier announces two, then its process dies (nothing more recorded).
        let first = try store.dueNotifications(now: breach, limit: 2)
        for notification in first { try store.recordNotification(id: notification.id, result: .delivered, now: breach) }
        // The next sweep finds nothing new to escalate, but the three unannounced breaches are still due.
        #expect(try store.sweep(now: breach.addingTimeInterval(10), queues: [billing]).isEmpty)
        let announced = Mutex<[String]>([])
        let notifier = Notifier(store: store) { notification in
            announced.withLock { $0.append(notification.threadID) }
            return nil
        }
        let report = try notifier.run(now: { breach.addingTimeInterval(10) })
        #expect(report.delivered.map(\.threadID) == ["c2", "c3", "c4"])
        #expect(announced.withLock { $0 } == ["c2", "c3", "c4"])
        #expect(try store.dueNotifications(now: .distantFuture, limit: 10).isEmpty)
    }

    @Test func aFailingCommandIsRetriedWithBackoffThenKeptAsFailedAndCanBeRetried() throws {
        let (store, breach) = try breachedStore(1)
        let notifier = Notifier(store: store) { _ in "exited 1" }
        var now = breach
        var retries: [TimeInterval] = []
        for _ in 0..<NotificationRetry.maxAttempts {
            let attemptAt = now
            let report = try notifier.run(now: { attemptAt })
            if let retry = report.retrying.first {
                retries.append(try #require(retry.retryAt).timeIntervalSince(attemptAt))
                #expect(try store.dueNotifications(now: attemptAt, limit: 10).isEmpty, "not due again before its retry time")
                now = try #require(retry.retryAt)
            } else {
                #expect(report.gaveUp.count == 1)
            }
        }
        #expect(Array(retries.prefix(4)) == [10, 20, 40, 80])
        #expect(retries.last == NotificationRetry.maxDelay)
        #expect(retries.count == NotificationRetry.maxAttempts - 1)
        let failed = try store.failedNotifications(limit: 10)
        #expect(failed.map(\.threadID) == ["c0"])
        #expect(failed.first?.attempts == NotificationRetry.maxAttempts)
        #expect(failed.first?.lastError == "exited 1")
        #expect(try store.dueNotifications(now: .distantFuture, limit: 10).isEmpty)

        let end = now
        #expect(try store.retryFailedNotifications(now: end) == 1)
        #expect(try store.failedNotifications(limit: 10).isEmpty)
        let working = Notifier(store: store) { _ in nil }
        #expect(try working.run(now: { end }).delivered.map(\.threadID) == ["c0"])
    }

    @Test func withoutANotifyCommandBreachesAreMarkedHandledWithoutRunningAnything() throws {
        let (store, breach) = try breachedStore(2)
        let report = try Notifier(store: store, deliver: nil).run(now: { breach })
        #expect(report.isEmpty)
        #expect(try store.dueNotifications(now: .distantFuture, limit: 10).isEmpty)
    }

    @Test func breachesRecordedBeforeVersion3AreNotAnnouncedAgain() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let v2 = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(v2, upTo: "v2")
            try v2.write { db in
                try db.execute(sql: "INSERT INTO conversations (id, channel, customer_id, created_at) VALUES ('old', 'webchat', 'c1', 0)")
                try db.execute(sql: """
                    INSERT INTO threads (id, customer_name, channel, language, tier, last_activity_at)
                    VALUES ('old', 'Ana', 'webchat', 'en', 'standard', 0)
                    """)
                try db.execute(sql: "INSERT INTO escalations (thread_id, queue, level, at) VALUES ('old', 'general', 1, 5)")
            }
        }
        let store = try SQLiteHandoffStore(path: path)
        #expect(try store.dueNotifications(now: .distantFuture, limit: 10).isEmpty)
        #expect(try store.escalations(since: .distantPast).count == 1)
    }
}
