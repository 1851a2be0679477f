import Foundation
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

    /// How many threads match; exact, from the counters unless an owner or a search is given.
    static func count(_ query: ThreadQuery, in db: Database) throws -> Int {
        guard !query.states.isEmpty, query.queues?.isEmpty != true else { return 0 }
        guard query.owner != nil || query.search != nil else {
            return try runs(query, in: db).reduce(0) { $0 + $1.threads }
        }
        let filter = try plainFilter(query, in: db)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM threads WHERE \(filter.sql)"),
                                arguments: filter.arguments) ?? 0
    }

    /// The ORDER BY terms of each list order; each ends in `id`, so the order is total.
    static func orderTerms(_ order: ThreadOrder) -> String {
        switch order {
        case .priority: Self.order
        case .wait: "queued_at, id"
        case .sentiment: "sentiment, priority_rank, escalation_level DESC, queued_at, id"
        case .queue: "queue, " + Self.order
        case .newest: "last_activity_at DESC, id DESC"
        }
    }

    /// One page of matching threads in the query's order (most urgent first by default).
    static func page(_ query: ThreadQuery, in db: Database) throws -> [ThreadSummary] {
        guard !query.states.isEmpty, query.queues?.isEmpty != true else { return [] }
        let order = orderTerms(query.order)
        if query.owner != nil || query.search != nil {
            // One agent's threads are few; a search reads every thread of the scope anyway.
            let filter = try plainFilter(query, in: db)
            let statement = try db.cachedStatement(sql: """
                SELECT \(ThreadRow.columns) FROM threads WHERE \(filter.sql) ORDER BY \(order) LIMIT ? OFFSET ?
                """)
            return try Row.fetchAll(statement, arguments: filter.arguments + [query.limit, query.offset]).map(ThreadRow.summary)
        }
        let runs = try runs(query, in: db)
        guard query.offset < runs.reduce(0, { $0 + $1.threads }) else { return [] }
        // Within one (state, queue) run the index is in priority order, so the priority and queue orders merge
        // runs; the others sort what the scope holds.
        guard runs.count <= mergeLimit, query.order == .priority || query.order == .queue else {
            return try plainPage(query, runs: runs, in: db)
        }
        let arm = """
            SELECT rowid AS r, queue, priority_rank, escalation_level, queued_at, id FROM threads INDEXED BY threads_list
            WHERE state = ? AND queue = ?
            """
        let statement = try db.cachedStatement(sql: """
            SELECT \(ThreadRow.columns) FROM threads WHERE rowid IN (
                SELECT r FROM (\(Array(repeating: arm, count: runs.count).joined(separator: " UNION ALL "))
                               ORDER BY \(query.order == .queue ? "2, " : "")3, 4 DESC, 5, 6 LIMIT ? OFFSET ?))
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
            AND queue IN (\(placeholders(queues.count))) ORDER BY \(orderTerms(query.order)) LIMIT ? OFFSET ?
            """)
        let arguments = StatementArguments(states) + StatementArguments(queues) + [query.limit, query.offset]
        return try Row.fetchAll(statement, arguments: arguments).map(ThreadRow.summary)
    }

    /// The threads of `query`'s scope and order that match `text`, with their positions in that list.
    static func matches(_ query: ThreadQuery, text: String, limit: Int, in db: Database) throws -> [ThreadMatch] {
        guard !query.states.isEmpty, query.queues?.isEmpty != true else { return [] }
        var scope = query
        scope.search = nil
        let filter = try plainFilter(scope, in: db)
        let match = try searchTerm(text, in: db)
        let statement = try db.cachedStatement(sql: """
            SELECT id, position FROM (
                SELECT id, ROW_NUMBER() OVER (ORDER BY \(orderTerms(query.order))) - 1 AS position, \(match.sql) AS hit
                FROM threads WHERE \(filter.sql))
            WHERE hit ORDER BY position LIMIT ?
            """)
        return try Row.fetchAll(statement, arguments: match.arguments + filter.arguments + [limit]).map {
            ThreadMatch(id: $0[0], position: $0[1])
        }
    }

    /// Where thread `id` is in `query`'s list, or nil when the list does not hold it.
    static func position(_ query: ThreadQuery, id: String, in db: Database) throws -> Int? {
        guard !query.states.isEmpty, query.queues?.isEmpty != true else { return nil }
        let filter = try plainFilter(query, in: db)
        let statement = try db.cachedStatement(sql: """
            SELECT position FROM (
                SELECT id, ROW_NUMBER() OVER (ORDER BY \(orderTerms(query.order))) - 1 AS position FROM threads WHERE \(filter.sql))
            WHERE id = ?
            """)
        return try Int.fetchOne(statement, arguments: filter.arguments + [id])
    }

    /// The WHERE clause of a query read without the counters: states, queues, owner and search.
    private static func plainFilter(_ query: ThreadQuery, in db: Database) throws -> (sql: String, arguments: StatementArguments) {
        let states = ThreadState.allCases.filter(query.states.contains).map(\.rawValue)
        var sql = "state IN (\(placeholders(states.count)))"
        var arguments = StatementArguments(states)
        if let owner = query.owner {
            sql = "owner = ? AND " + sql
            arguments = [owner] + arguments
        }
        if let queues = query.queues {
            sql += " AND queue IN (\(placeholders(queues.count)))"
            arguments += StatementArguments(queues)
        }
        if let search = query.search {
            let match = try searchTerm(search, in: db)
            sql += " AND \(match.sql)"
            arguments += match.arguments
        }
        return (sql, arguments)
    }

    /// Whether a thread's customer name, id, trigger, queue or any message contains `text`, ignoring case and
    /// accents ("nunez" finds "Núñez"). Text that folds to nothing matches everything.
    private static func searchTerm(_ text: String, in db: Database) throws -> (sql: String, arguments: StatementArguments) {
        db.add(function: foldFunction)
        let needle = fold(text)
        let term = """
            (baton_contains(customer_name, ?1) OR baton_contains(id, ?1) OR baton_contains(COALESCE(trigger_kind, ''), ?1)
             OR baton_contains(queue, ?1)
             OR EXISTS (SELECT 1 FROM messages WHERE conversation_id = threads.id AND baton_contains(text, ?1)))
            """
        // Numbered parameters cannot mix with the positional ones around them, so the term is spelled out.
        let positional = term.replacingOccurrences(of: "?1", with: "?")
        return (positional, StatementArguments(Array(repeating: needle, count: 5)))
    }

    /// Lower case without accents, so searches ignore both.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// `baton_contains(haystack, folded needle)`: a substring test on folded text.
    private static let foldFunction = DatabaseFunction("baton_contains", argumentCount: 2, pure: true) { values in
        guard let needle = String.fromDatabaseValue(values[1]), !needle.isEmpty else { return true }
        guard let haystack = String.fromDatabaseValue(values[0]) else { return false }
        return fold(haystack).contains(needle)
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
