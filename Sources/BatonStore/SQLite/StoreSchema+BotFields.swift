import GRDB

extension StoreSchema {
    /// Fields of the bot's input Baton does not know, kept with their conversation (last value per path) and shown
    /// to agents under "from the bot".
    static func createBotFields(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE conversation_fields (
                conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                value TEXT NOT NULL,
                seq INTEGER NOT NULL,
                PRIMARY KEY (conversation_id, path)
            ) WITHOUT ROWID;
            """)
    }
}
