import GRDB

extension StoreSchema {
    /// Honest waits: the wait each waiting customer was last told runs out at `wait_promised_until`, and
    /// `wait_update_at` is when they last got an update from the sweeper, so updates are rate-limited.
    static func addWaitPromises(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE threads ADD COLUMN wait_promised_until REAL;
            ALTER TABLE threads ADD COLUMN wait_update_at REAL;
            -- A thread's latest re-queue after a breach is one seek.
            CREATE INDEX escalations_by_thread ON escalations(thread_id, at);
            """)
    }
}
