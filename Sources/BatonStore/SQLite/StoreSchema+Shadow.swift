import GRDB

extension StoreSchema {
    /// Shadow mode's decisions: what Baton would have done with a conversation (`ShadowDecision`), at most one
    /// per conversation (the first; live, the thread would have been with humans from then on).
    static func createShadowDecisions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE shadow_decisions (
                id INTEGER PRIMARY KEY,
                conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id),
                decided_at REAL NOT NULL,
                trigger_kind TEXT NOT NULL,
                rule TEXT NOT NULL,
                reason TEXT NOT NULL,
                message_index INTEGER NOT NULL,
                queue TEXT NOT NULL,
                priority TEXT NOT NULL,
                after_hours INTEGER NOT NULL,
                customer_message TEXT NOT NULL
            );
            CREATE INDEX shadow_decisions_by_time ON shadow_decisions(decided_at);
            """)
    }
}
