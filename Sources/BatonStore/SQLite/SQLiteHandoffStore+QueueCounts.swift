import Foundation
import GRDB
import BatonCore

/// The queue bar's figures, read in time that does not grow with the length of the queues.
extension SQLiteHandoffStore {
    public func queueCounts(now: Date) throws -> [QueueCounts] {
        try read { db in try Self.queueCounts(now: now, in: db) }
    }

    /// `queueCounts(now:)` inside an open transaction.
    static func queueCounts(now: Date, in db: Database) throws -> [QueueCounts] {
        var counts: [String: QueueCounts] = [:]
        func entry(_ queue: String) -> QueueCounts {
            counts[queue] ?? QueueCounts(queue: queue, waiting: 0, claimed: 0, oldestQueuedAt: nil, nearestDeadline: nil,
                                         breached: 0, escalations: 0, recentHandleTimes: [])
        }
        // Waiting and claimed come from the trigger-kept counters; the rest are index seeks per waiting run.
        for run in try ThreadListing.runs(ThreadQuery(), in: db) {
            var value = entry(run.queue)
            if run.state == ThreadState.claimed.rawValue {
                value.claimed += run.threads
            } else {
                value.waiting += run.threads
                let bounds = try Self.waitBounds(queue: run.queue, state: run.state, in: db)
                value.oldestQueuedAt = [value.oldestQueuedAt, bounds.oldestQueuedAt].compactMap { $0 }.min()
                value.nearestDeadline = [value.nearestDeadline, bounds.nearestDeadline].compactMap { $0 }.min()
                if run.state == ThreadState.queued.rawValue {
                    value.breached += try Self.breachedCount(queue: run.queue, threads: run.threads, bounds: bounds,
                                                             now: now, in: db)
                }
            }
            counts[run.queue] = value
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT queue, COUNT(*) FROM escalations INDEXED BY escalations_by_time WHERE at >= ? GROUP BY queue
            """), arguments: [now.addingTimeInterval(-86_400).storeValue]) {
            var value = entry(row[0])
            value.escalations = row[1]
            counts[value.queue] = value
        }
        // The last 20 handle times of each listed queue, newest first, straight from the (queue, id) index.
        let handleTimes = try db.cachedStatement(sql: "SELECT seconds FROM handle_times WHERE queue = ? ORDER BY id DESC LIMIT 20")
        for queue in counts.keys {
            counts[queue]?.recentHandleTimes = try Double.fetchAll(handleTimes, arguments: [queue])
        }
        return counts.values.sorted { $0.queue < $1.queue }
    }

    /// The extremes of one waiting (queue, state) run, each one seek in a partial index.
    struct WaitBounds {
        var oldestQueuedAt: Date?
        var nearestDeadline: Date?
        var latestDeadline: Date?
        /// Threads of the run without a pickup deadline (none are written today; counted so breaches stay exact).
        var withoutDeadline: Int
    }

    static func waitBounds(queue: String, state: String, in db: Database) throws -> WaitBounds {
        // Separate subqueries: SQLite answers a lone MIN() or MAX() with one index seek, but not several in one SELECT.
        let run = "WHERE \(StoreSchema.waitingStatesTerm) AND queue = ?1 AND state = ?2"
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT MIN(queued_at) FROM threads INDEXED BY threads_oldest \(run)),
                   (SELECT MIN(pickup_deadline) FROM threads INDEXED BY threads_deadline \(run)),
                   (SELECT MAX(pickup_deadline) FROM threads INDEXED BY threads_deadline \(run)),
                   (SELECT COUNT(*) FROM threads INDEXED BY threads_deadline \(run) AND pickup_deadline IS NULL)
            """), arguments: [queue, state])
        return WaitBounds(oldestQueuedAt: Date(storeValue: row?[0] as Double?), nearestDeadline: Date(storeValue: row?[1] as Double?),
                          latestDeadline: Date(storeValue: row?[2] as Double?), withoutDeadline: row?[3] ?? 0)
    }

    /// Queued threads of `queue` whose pickup deadline is before `now`.
    ///
    /// A range count reads one index entry per thread counted, so it counts whichever side of `now` looks
    /// smaller (deadlines assumed spread evenly between the bounds) and derives the other: when nothing or
    /// everything has breached, no entries are read at all.
    static func breachedCount(queue: String, threads: Int, bounds: WaitBounds, now: Date, in db: Database) throws -> Int {
        guard let nearest = bounds.nearestDeadline, let latest = bounds.latestDeadline, now > nearest else { return 0 }
        let withDeadline = threads - bounds.withoutDeadline
        guard now <= latest else { return withDeadline }
        let run = "WHERE \(StoreSchema.waitingStatesTerm) AND queue = ? AND state = 'queued'"
        let span = latest.timeIntervalSince(nearest)
        if span <= 0 || now.timeIntervalSince(nearest) / span <= 0.5 {
            return try Int.fetchOne(db.cachedStatement(sql: """
                SELECT COUNT(*) FROM threads INDEXED BY threads_deadline \(run) AND pickup_deadline < ?
                """), arguments: [queue, now.storeValue]) ?? 0
        }
        let onTime = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM threads INDEXED BY threads_deadline \(run) AND pickup_deadline >= ?
            """), arguments: [queue, now.storeValue]) ?? 0
        return withDeadline - onTime
    }
}
