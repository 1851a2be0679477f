import GRDB
import BatonCore

/// Threads inserted by one writer, per (queue, state), added to `thread_counts` one statement per pair.
///
/// Until schema 2 an AFTER INSERT trigger counted them. A trigger makes every thread INSERT keep a
/// statement journal (a copy of each page the INSERT touches, so it can be undone halfway), and ingest
/// inserts one thread per conversation; counted here, the INSERT keeps none and a batch writes each
/// count once. Changes of a thread's queue or state, and deletions, are still counted by triggers.
struct ThreadCountTally {
    private struct Run: Hashable {
        var queue: String
        var state: ThreadState
    }

    private var inserted: [Run: Int] = [:]

    mutating func add(queue: String, state: ThreadState) {
        inserted[Run(queue: queue, state: state), default: 0] += 1
    }

    /// Adds what was tallied to `thread_counts`, inside the transaction that inserted the threads, and
    /// starts over.
    mutating func write(in db: Database) throws {
        guard !inserted.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO thread_counts (queue, state, threads) VALUES (?, ?, ?)
            ON CONFLICT (queue, state) DO UPDATE SET threads = threads + excluded.threads
            """)
        for (run, count) in inserted {
            try statement.execute(arguments: [run.queue, run.state.rawValue, count])
        }
        inserted = [:]
    }
}
