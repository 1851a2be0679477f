import GRDB
import BatonCore

/// Pages and counts of threads for a `ThreadQuery`, read through the `threads_list` index and the
/// `thread_counts` table, so their cost does not grow with the number of threads.
///
/// `threads_list` keeps each (state, queue) run of threads in display order. A page reads only the runs
/// the query asks for (`thread_counts` says which are non-empty) and lets SQLite merge them: a compound
/// SELECT with ORDER BY is a merge of ordered inputs, so the scan stops after offset + limit index keys
/// whatever the mix of states and queues, and only the page's own rows are read from the table.
/// Owner queries go through `threads_by_owner`: one agent holds few threads.
enum ThreadListing {
    /// One non-empty (state, queue) run.
    struct Run {
        var state: String
        var queue: String
        var threads: Int
    }

    /// Above this many runs a page is one plain query instead of a merge (SQLite caps compound SELECTs at 500 terms).
    static let mergeLimit = 200

    /// The display order; `id` makes it total, so pages never overlap.
    static let order = "priority_rank, escalation_level DESC, queued_at, id"

    /// The non-empty runs a query covers, in (state, queue) order.
    static func runs(_ query: ThreadQuery, in db: Database) throws -> [Run] {
        let states = Set(query.states.map(\.rawValue))
        let queues = query.queues.map(Set.init)
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT state, queue, threads FROM thread_counts WHERE threads > 0 ORDER BY state, queue
            """)).compactMap { row in
            let run = Run(state: row[0], queue: row[1], threads: row[2])
            guard states.contains(run.state), queues?.contains(run.queue) ?? true else { return nil }
            return run
        }
    }

    /// How many threads match; exact, from the counters unless an owner is given.
    static func count(_ query: ThreadQuery, in db: Database) throws -> Int {
        guard !query.states.isEmpty, query.queues?.isEmpty != true else { return 0 }
        guard let owner = query.owner else {
            return try runs(query, in: db).reduce(0) { $0 + $1.threads }
        }
        let filter = ownerFilter(query, owner: owner)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM threads WHERE \(filter.sql)"),
                                arguments: filter.arguments) ?? 0
    }

    /// One page of matching threads, most urgent first.
    static func page(_ query: ThreadQuery, in db: Database) throws -> [ThreadSummary] {
        guard !query.states.isEmpty, query.queues?.isEmpty != true else { return [] }
        if let owner = query.owner {
            let filter = ownerFilter(query, owner: owner)
            let statement = try db.cachedStatement(sql: """
                SELECT \(ThreadRow.columns) FROM threads WHERE \(filter.sql) ORDER BY \(order) LIMIT ? OFFSET ?
                """)
            return try Row.fetchAll(statement, arguments: filter.arguments + [query.limit, query.offset]).map(ThreadRow.summary)
        }
        let runs = try runs(query, in: db)
        guard query.offset < runs.reduce(0, { $0 + $1.threads }) else { return [] }
        guard runs.count <= mergeLimit else { return try plainPage(query, runs: runs, in: db) }
        let arm = """
            SELECT rowid AS r, priority_rank, escalation_level, queued_at, id FROM threads INDEXED BY threads_list
            WHERE state = ? AND queue = ?
            """
        let statement = try db.cachedStatement(sql: """
            SELECT \(ThreadRow.columns) FROM threads WHERE rowid IN (
                SELECT r FROM (\(Array(repeating: arm, count: runs.count).joined(separator: " UNION ALL "))
                               ORDER BY 2, 3 DESC, 4, 5 LIMIT ? OFFSET ?))
            ORDER BY \(order)
            """)
        var arguments = StatementArguments()
        for run in runs { arguments += [run.state, run.queue] }
        arguments += [query.limit, query.offset]
        return try Row.fetchAll(statement, arguments: arguments).map(ThreadRow.summary)
    }

    /// A page for queries spanning very many queues: correct, but SQLite may sort the matching threads.
    private static func plainPage(_ query: ThreadQuery, runs: [Run], in db: Database) throws -> [ThreadSummary] {
        let states = Array(Set(runs.map(\.state))).sorted()
        let queues = Array(Set(runs.map(\.queue))).sorted()
        let statement = try db.cachedStatement(sql: """
            SELECT \(ThreadRow.columns) FROM threads WHERE state IN (\(placeholders(states.count)))
            AND queue IN (\(placeholders(queues.count))) ORDER BY \(order) LIMIT ? OFFSET ?
            """)
        let arguments = StatementArguments(states) + StatementArguments(queues) + [query.limit, query.offset]
        return try Row.fetchAll(statement, arguments: arguments).map(ThreadRow.summary)
    }

    /// The WHERE clause for an owner's threads.
    private static func ownerFilter(_ query: ThreadQuery, owner: String) -> (sql: String, arguments: StatementArguments) {
        let states = ThreadState.allCases.filter(query.states.contains).map(\.rawValue)
        var sql = "owner = ? AND state IN (\(placeholders(states.count)))"
        var arguments: StatementArguments = [owner]
        arguments += StatementArguments(states)
        if let queues = query.queues {
            sql += " AND queue IN (\(placeholders(queues.count)))"
            arguments += StatementArguments(queues)
        }
        return (sql, arguments)
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
