import GRDB

extension StoreSchema {
    /// What the AI suggests to the human holding a conversation (collaborative mode). Never in the outbox:
    /// nothing here reaches the customer.
    static func createSuggestions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE suggestions (
                id INTEGER PRIMARY KEY,
                thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,           -- reply, article, fact
                text TEXT NOT NULL,
                title TEXT,
                url TEXT,
                at REAL NOT NULL              -- when the bot sent it (else when it was stored)
            );
            CREATE INDEX suggestions_by_thread ON suggestions(thread_id, id);
            """)
    }
}
