import GRDB
import BatonCore

extension StoreSchema {
    /// Agent-to-agent transfer offers, the notices agents get about them, and captured threads first.
    ///
    /// `transfer_offers`: at most one offer per thread. An offer is open while its thread is still claimed by
    /// `from_agent` under the same claim (`claimed_at`) and `expires_at` has not passed: any other change of
    /// owner (release, reassignment, expiry) leaves the row stale, and stale rows are never shown nor
    /// accepted; the sweep deletes them.
    ///
    /// `agent_notices`: what an agent must hear about (an offer to them, their offer declined or timed out),
    /// written in the transaction of the change; the console shows each once and marks it seen.
    ///
    /// Waiting threads captured after hours get the captured sort rank (`QueueOrder`): those already in an
    /// after-hours wait, or with a callback, are moved ahead now.
    static func addTransferOffers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE transfer_offers (
                thread_id TEXT PRIMARY KEY NOT NULL REFERENCES threads(id),
                from_agent TEXT NOT NULL,
                offered_by TEXT NOT NULL,
                to_agent TEXT NOT NULL,
                note TEXT NOT NULL,
                claimed_at REAL,
                offered_at REAL NOT NULL,
                expires_at REAL NOT NULL
            );
            CREATE INDEX transfer_offers_to ON transfer_offers(to_agent);
            CREATE INDEX transfer_offers_expiry ON transfer_offers(expires_at);

            CREATE TABLE agent_notices (
                id INTEGER PRIMARY KEY,
                agent TEXT NOT NULL,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                text TEXT NOT NULL,
                at REAL NOT NULL,
                seen INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX agent_notices_unseen ON agent_notices(agent, id) WHERE seen = 0;

            UPDATE threads SET priority_rank = priority_rank - \(QueueOrder.capturedOffset)
            WHERE state IN ('queued', 'after_hours') AND priority_rank >= 0
              AND (state = 'after_hours' OR callback_at IS NOT NULL);
            """)
    }
}
