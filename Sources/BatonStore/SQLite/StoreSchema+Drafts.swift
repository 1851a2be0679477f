import GRDB

extension StoreSchema {
    /// Unsent replies and notes, one per thread, agent and kind, so a crash or a closed terminal loses nothing.
    /// Rows are replaced as the agent types and removed when the text is sent (in the same transaction).
    static func createDrafts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE drafts (
                thread_id TEXT NOT NULL,
                agent TEXT NOT NULL,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                updated_at REAL NOT NULL,
                PRIMARY KEY (thread_id, agent, kind)
            ) WITHOUT ROWID;
            CREATE INDEX drafts_by_agent ON drafts(agent, updated_at);
            """)
    }
}
