import GRDB

extension StoreSchema {
    /// Agents' ratings of context packets after resolving (`baton rate`, the console's prompt). Every rating is
    /// kept; the newest per thread is the one that counts. The audit trail records each one too.
    static func createPacketRatings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE packet_ratings (
                id INTEGER PRIMARY KEY,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                agent TEXT NOT NULL,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                note TEXT,
                at REAL NOT NULL
            );
            CREATE INDEX packet_ratings_by_thread ON packet_ratings(thread_id, id);
            """)
    }
}
