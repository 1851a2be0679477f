import Foundation
import GRDB
import BatonCore

/// Unsent replies and notes, kept per thread, agent and kind.
extension SQLiteHandoffStore {
    public func saveDraft(_ draft: Draft) throws {
        guard !draft.text.isEmpty else {
            return try deleteDraft(threadID: draft.threadID, agent: draft.agent, kind: draft.kind)
        }
        try Validate.text(draft.text, "draft on thread \(draft.threadID)")
        try write { db in
            try db.cachedStatement(sql: """
                INSERT INTO drafts (thread_id, agent, kind, text, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (thread_id, agent, kind) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
                """).execute(arguments: [draft.threadID, draft.agent, draft.kind.rawValue, draft.text, draft.updatedAt.storeValue])
        }
    }

    public func draft(threadID: String, agent: String, kind: Draft.Kind) throws -> Draft? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT thread_id, agent, kind, text, updated_at FROM drafts WHERE thread_id = ? AND agent = ? AND kind = ?
                """), arguments: [threadID, agent, kind.rawValue]).flatMap(Self.draft)
        }
    }

    public func drafts(agent: String) throws -> [Draft] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT thread_id, agent, kind, text, updated_at FROM drafts WHERE agent = ? ORDER BY updated_at DESC
                """), arguments: [agent]).compactMap(Self.draft)
        }
    }

    public func deleteDraft(threadID: String, agent: String, kind: Draft.Kind) throws {
        try write { db in try Self.deleteDraft(threadID: threadID, agent: agent, kind: kind, in: db) }
    }

    static func deleteDraft(threadID: String, agent: String, kind: Draft.Kind, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM drafts WHERE thread_id = ? AND agent = ? AND kind = ?")
            .execute(arguments: [threadID, agent, kind.rawValue])
    }

    /// A stored draft; a kind this binary does not know (written by a newer one) is skipped.
    private static func draft(_ row: Row) -> Draft? {
        guard let kind = Draft.Kind(rawValue: row[2]) else { return nil }
        return Draft(threadID: row[0], agent: row[1], kind: kind, text: row[3], updatedAt: Date(storeValue: row[4] as Double))
    }
}
