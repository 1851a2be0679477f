import Foundation
import GRDB
import BatonCore

/// Collaborative mode: the AI's suggestions for the human who has the conversation. Stored beside the thread,
/// never in the outbox and never among the messages, so none of them reaches the customer.
extension SQLiteHandoffStore {
    public func addSuggestion(_ suggestion: Suggestion, threadID: String, now: Date) throws {
        if let problem = suggestion.problem { throw StoreError.invalidInput("suggestion \(problem.field): \(problem.message)") }
        for (field, text) in [("text", suggestion.text), ("title", suggestion.title ?? ""), ("url", suggestion.url ?? "")]
        where text.utf8.contains(0) {
            throw StoreError.invalidInput("suggestion \(field) on thread \(threadID) contains a NUL character (U+0000)")
        }
        try write { db in
            // The thread's state is checked in the same transaction as the insert: a release that lands first wins.
            guard let stateText = try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM threads WHERE id = ?"),
                                                     arguments: [threadID]) else {
                throw IngestError.unknownConversation(threadID)
            }
            let state = try ThreadRow.decode(ThreadState.self, stateText, "state", threadID)
            guard Self.suggestionStates.contains(state) else {
                throw IngestError.suggestionRefused(conversationID: threadID, reason: .notWithHumans(state))
            }
            try db.cachedStatement(sql: """
                INSERT INTO suggestions (thread_id, kind, text, title, url, at) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [threadID, suggestion.kind.rawValue, suggestion.text, suggestion.title, suggestion.url,
                                         (suggestion.at ?? now).storeValue])
        }
    }

    public func suggestions(threadID: String, limit: Int) throws -> [Suggestion] {
        try read { db in try Self.suggestions(threadID: threadID, limit: limit, in: db) }
    }

    /// The newest `limit` suggestions of a thread, oldest first.
    static func suggestions(threadID: String, limit: Int, in db: Database) throws -> [Suggestion] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, text, title, url, at FROM suggestions WHERE thread_id = ? ORDER BY id DESC LIMIT ?
            """), arguments: [threadID, max(0, limit)]).compactMap { row in
            // A kind this binary does not know (written by a newer one) is skipped.
            guard let kind = Suggestion.Kind(rawValue: row[0]) else { return nil }
            return Suggestion(kind: kind, text: row[1], title: row[2], url: row[3], at: Date(storeValue: row[4] as Double))
        }.reversed()
    }

    /// Suggestions a thread's detail carries: the newest few.
    static let suggestionsShown = 5

    /// Where a suggestion is useful: a human has the thread or is about to.
    static let suggestionStates: Set<ThreadState> = [.queued, .claimed, .afterHours]
}
