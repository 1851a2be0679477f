import Foundation
import GRDB
import BatonCore

/// One lifecycle action turned into a compare-and-set `UPDATE` plus its audit row.
///
/// The allowed source states, the owner check and the target state all come from `Lifecycle`; this
/// type only translates them into SQL. When the update matches no row, the current row is read and
/// `Lifecycle.apply` explains the refusal (`.heldBy`, `.notOwner`, `.notAllowed`, ...).
struct ThreadTransition {
    var action: LifecycleAction
    var actor: String
    var afterHours = false
    var expiryPolicy: ExpiryPolicy = .returnToAI
    /// Extra `column = expression` assignments; `?` placeholders take `arguments` in order.
    var assignments: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []
    /// Goes to the audit trail.
    var reason: String?
    /// Extra compare-and-set terms for the `WHERE` (say, the owner an offer was made by); `?` placeholders
    /// take `conditionArguments`, after the id and the owner.
    var conditions: [String] = []
    var conditionArguments: [(any DatabaseValueConvertible)?] = []

    init(_ action: LifecycleAction, actor: String, reason: String? = nil, afterHours: Bool = false,
         expiryPolicy: ExpiryPolicy = .returnToAI) {
        self.action = action
        self.actor = actor
        self.reason = reason
        self.afterHours = afterHours
        self.expiryPolicy = expiryPolicy
    }

    /// Adds `column = ?` with `value`.
    mutating func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
        assignments.append("\(column) = ?")
        arguments.append(value)
    }

    /// Adds `column = expression` (an SQL expression over the row, without placeholders).
    mutating func set(_ column: String, sql expression: String) {
        assignments.append("\(column) = \(expression)")
    }

    /// The state this action leads to from `state`, per `Lifecycle`.
    func target(from state: ThreadState) -> ThreadState {
        Lifecycle.target(of: action, from: state, afterHours: afterHours, expiryPolicy: expiryPolicy)
    }

    /// What the update changed.
    struct Outcome {
        var summary: ThreadSummary
        var from: ThreadState
        /// `claimed_at` before the change.
        var claimedAt: Date?
    }

    /// The compare-and-set `UPDATE … RETURNING`. Its placeholders take `arguments` in order, then the thread
    /// id, then (for actions only the owner may take) the actor.
    var sql: String {
        let sources = ThreadState.allCases.filter(Lifecycle.sources(of: action).contains)
        let cases = sources.map { "WHEN '\($0.rawValue)' THEN '\(target(from: $0).rawValue)'" }.joined(separator: " ")
        var sql = """
            UPDATE threads SET previous_state = state, previous_claimed_at = claimed_at, state = CASE state \(cases) END,
                version = version + 1
            """
        for assignment in assignments { sql += ", \(assignment)" }
        sql += " WHERE id = ? AND state IN (\(sources.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
        if Lifecycle.requiresOwner(action) {
            sql += " AND (state <> 'claimed' OR owner IS NULL OR owner = ?)"
        }
        for condition in conditions { sql += " AND (\(condition))" }
        return sql + " RETURNING \(ThreadRow.columns), previous_state, previous_claimed_at"
    }

    /// Runs the compare-and-set and appends the audit row. Must run inside a write transaction.
    @discardableResult
    func run(threadID: String, now: Date, in db: Database) throws -> Outcome {
        var values = arguments
        values.append(threadID)
        if Lifecycle.requiresOwner(action) { values.append(actor) }
        values += conditionArguments
        let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(values))
        return try finish(row, threadID: threadID, now: now, in: db)
    }

    /// Completes a compare-and-set whose `UPDATE` already ran: `row` is what it returned (nil when it matched
    /// nothing, which is explained as a refusal). Appends the audit row.
    func finish(_ row: Row?, threadID: String, now: Date, in db: Database) throws -> Outcome {
        guard let row else { throw try refusal(threadID: threadID, in: db) }
        let summary = try ThreadRow.summary(row)
        let from = try ThreadRow.decode(ThreadState.self, row[17], "previous_state", threadID)
        try appendAudit(threadID: threadID, from: from, to: summary.state, now: now, in: db)
        return Outcome(summary: summary, from: from, claimedAt: Date(storeValue: row[18] as Double?))
    }

    /// Appends this action's audit row for a change already written.
    func appendAudit(threadID: String, from: ThreadState, to: ThreadState, now: Date, in db: Database) throws {
        var audit = DirectBinding(try db.cachedStatement(sql: """
            INSERT INTO audit (thread_id, action, actor, reason, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """))
        for value in [threadID, action.rawValue, actor, reason, from.rawValue, to.rawValue] { audit.bind(value) }
        audit.bind(now.storeValue)
        try audit.execute()
    }

    /// Why the compare-and-set matched nothing, in `Lifecycle`'s words.
    private func refusal(threadID: String, in db: Database) throws -> any Error {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT state, owner FROM threads WHERE id = ?"),
                                         arguments: [threadID]) else {
            return LifecycleError.noSuchThread(threadID)
        }
        let state = try ThreadRow.decode(ThreadState.self, row[0], "state", threadID)
        do {
            _ = try Lifecycle.apply(action, to: state, owner: row[1], actor: actor, afterHours: afterHours,
                                    expiryPolicy: expiryPolicy)
        } catch {
            return error
        }
        // Lifecycle allows it but the update matched nothing: the row and the rules disagree.
        return StoreError.corrupt("thread \(threadID) refused \(action.rawValue) from \(state.rawValue) for no known reason")
    }
}
