import GRDB

extension StoreSchema {
    /// Which agents have introduced themselves on which threads: the customer hears each agent's
    /// introduction once per thread, however often that agent claims it again.
    static func createIntroductions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE introductions (
                thread_id TEXT NOT NULL,
                agent TEXT NOT NULL,
                PRIMARY KEY (thread_id, agent)
            ) WITHOUT ROWID;
            INSERT OR IGNORE INTO introductions (thread_id, agent)
                SELECT thread_id, actor FROM outbox WHERE kind = 'agent_introduction';
            """)
    }
}
