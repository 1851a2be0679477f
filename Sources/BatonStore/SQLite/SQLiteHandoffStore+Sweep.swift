import Foundation
import GRDB
import BatonCore

/// The sweeper: pickup-window breaches, idle claims and opening hours, in one transaction.
extension SQLiteHandoffStore {
    /// At most this many escalations and openings per sweep: one sweep is one transaction, and other
    /// processes wait for its write lock. A backlog is worked off by the next sweeps.
    public static let sweepBatchLimit = 1_000

    public func sweep(now: Date, queues: [QueueConfig]) throws -> SweepReport {
        let configs = Dictionary(queues.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Queues nobody configured get the defaults, so no thread is stuck for lack of configuration.
        func config(_ name: String) -> QueueConfig { configs[name] ?? QueueConfig(name: name) }

        return try write { db in
            var report = SweepReport()
            let breached = try Self.breachedThreads(now: now, in: db)
            for row in breached {
                let id: String = row[0]
                let queue = config(row[1])
                var change = ThreadTransition(.escalate, actor: Self.sweeperActor,
                                              reason: "not picked up within \(Int(saturating: queue.pickupWindow))s")
                change.set("escalation_level", sql: "escalation_level + 1")
                change.set("pickup_deadline", now.addingTimeInterval(queue.pickupWindow).storeValue)
                let outcome = try change.run(threadID: id, now: now, in: db)
                try db.cachedStatement(sql: "INSERT INTO escalations (thread_id, queue, level, at) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [id, queue.name, outcome.summary.escalationLevel, now.storeValue])
                try Self.enqueue(db, threadID: id, kind: .pickupBreached,
                                 text: "not picked up within \(Int(queue.pickupWindow))s in \(queue.name); escalation level \(outcome.summary.escalationLevel)",
                                 actor: Self.sweeperActor, now: now)
                report.escalated.append(id)
            }

            // Unanswered transfer offers first: their threads go back to the queue rather than expire.
            report.offersExpired = try Self.expireOffers(now: now, config: config, in: db)

            let claimed = try Row.fetchAll(db, sql: """
                SELECT id, queue, COALESCE(agent_activity_at, claimed_at, last_activity_at) FROM threads
                WHERE owner IS NOT NULL AND state = 'claimed'
                """)
            for row in claimed {
                let id: String = row[0]
                let queue = config(row[1])
                let activity = Date(storeValue: row[2] as Double)
                guard now.timeIntervalSince(activity) >= queue.expiry else { continue }
                var change = ThreadTransition(.expire, actor: Self.sweeperActor,
                                              reason: "no agent activity for \(Int(saturating: queue.expiry))s (\(queue.expiryPolicy.rawValue))",
                                              afterHours: !queue.hours.isOpen(at: now), expiryPolicy: queue.expiryPolicy)
                switch change.target(from: .claimed) {
                case .ai: Self.assignReturnToAI(now: now, to: &change)
                case .resolved: Self.assignResolved(.expired, now: now, to: &change)
                case .queued, .afterHours, .claimed:
                    Self.assignWait(pickupDeadline: now.addingTimeInterval(queue.pickupWindow), now: now, keepingWait: true, to: &change)
                }
                let outcome = try change.run(threadID: id, now: now, in: db)
                try Self.recordHandleTime(outcome, now: now, in: db)
                switch outcome.summary.state {
                case .ai: try Self.enqueue(db, threadID: id, kind: .releasedToAI, text: nil, actor: Self.sweeperActor, now: now)
                case .resolved: try Self.enqueue(db, threadID: id, kind: .resolved, text: nil, actor: Self.sweeperActor, now: now)
                case .queued, .afterHours, .claimed: break
                }
                report.expired.append(id)
            }

            // Only the after-hours threads of queues open now are read, longest waiting first in each queue.
            let afterHours = try ThreadListing.runs(ThreadQuery(states: [.afterHours]), in: db)
            let opening = afterHours.map { config($0.queue) }.filter { $0.hours.isOpen(at: now) }
            let waitingForOpening = try opening.flatMap { queue in
                try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT id FROM threads INDEXED BY threads_oldest
                    WHERE \(StoreSchema.waitingStatesTerm) AND queue = ? AND state = 'after_hours' ORDER BY queued_at LIMIT ?
                    """), arguments: [queue.name, Self.sweepBatchLimit]).map { (id: $0[0] as String, queue: queue) }
            }
            for (id, queue) in waitingForOpening {
                guard report.opened.count < Self.sweepBatchLimit else { break }
                var change = ThreadTransition(.open, actor: Self.sweeperActor, reason: "queue \(queue.name) opened")
                change.set("pickup_deadline", now.addingTimeInterval(queue.pickupWindow).storeValue)
                try change.run(threadID: id, now: now, in: db)
                report.opened.append(id)
            }
            report.left = try Self.keepSilentCustomersForFollowUp(now: now, queues: queues, in: db)
            try Self.warnClosingWhatsAppWindows(now: now, in: db)
            return report
        }
    }

    /// WhatsApp lets a business write freely only within 24 hours of the customer's last message: a thread a
    /// human holds gets one `whatsapp_window_closing` event per customer message once less than two hours remain,
    /// so the bot platform can switch to a template message or ask the agent to hurry.
    private static func warnClosingWhatsAppWindows(now: Date, in db: Database) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.id, t.window_warned_for,
                   (SELECT MAX(m.at) FROM messages m WHERE m.conversation_id = t.id AND m.role = 'customer')
            FROM threads t WHERE t.state = 'claimed' AND t.channel = ?
            """), arguments: [Channel.whatsapp.rawValue])
        for row in rows {
            guard let last = row[2] as Double? else { continue }
            if let warned = row[1] as Double?, warned >= last { continue }
            let window = ReplyWindow.whatsapp(lastCustomerMessageAt: Date(storeValue: last))
            guard window.isClosing(at: now) else { continue }
            let id: String = row[0]
            try db.cachedStatement(sql: "UPDATE threads SET window_warned_for = ? WHERE id = ?").execute(arguments: [last, id])
            try enqueue(db, threadID: id, kind: .whatsappWindowClosing,
                        text: "WhatsApp reply window closes at \(ISO8601.format(window.closesAt))", actor: sweeperActor, now: now)
        }
    }

    /// Up to `sweepBatchLimit` queued threads whose pickup deadline has passed, earliest deadline first.
    /// Each queue's breaches are one range of `threads_deadline`; SQLite merges the ranges and stops at the limit.
    private static func breachedThreads(now: Date, in db: Database) throws -> [Row] {
        let queues = try ThreadListing.runs(ThreadQuery(states: [.queued]), in: db).map(\.queue)
        guard !queues.isEmpty else { return [] }
        let arm = """
            SELECT id, queue, pickup_deadline FROM threads INDEXED BY threads_deadline
            WHERE \(StoreSchema.waitingStatesTerm) AND queue = ? AND state = 'queued' AND pickup_deadline <= ?
            """
        // Beyond SQLite's compound-SELECT cap, one arm per chunk of queues; the batch stays a valid backlog slice.
        var rows: [Row] = []
        for start in stride(from: 0, to: queues.count, by: ThreadListing.mergeLimit) {
            let chunk = queues[start..<min(start + ThreadListing.mergeLimit, queues.count)]
            var arguments = StatementArguments()
            for queue in chunk { arguments += [queue, now.storeValue] }
            arguments += [sweepBatchLimit]
            rows += try Row.fetchAll(db.cachedStatement(sql: """
                \(Array(repeating: arm, count: chunk.count).joined(separator: " UNION ALL ")) ORDER BY 3 LIMIT ?
                """), arguments: arguments)
        }
        return Array(rows.sorted { ($0[2] as Double) < ($1[2] as Double) }.prefix(sweepBatchLimit))
    }
}
