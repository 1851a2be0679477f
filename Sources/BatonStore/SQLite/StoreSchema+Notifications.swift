import GRDB

extension StoreSchema {
    /// Version 3: breach notifications are at least once. Each escalation row is also the notification the
    /// sweep must run for it, written in the breach's own transaction and marked once the notify command
    /// succeeded (or finally failed), so a sweep killed between committing and notifying loses nothing.
    static func addBreachNotifications(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE escalations ADD COLUMN notified_at REAL;
            ALTER TABLE escalations ADD COLUMN notify_attempts INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE escalations ADD COLUMN notify_next_at REAL;
            ALTER TABLE escalations ADD COLUMN notify_error TEXT;
            ALTER TABLE escalations ADD COLUMN notify_failed_at REAL;
            -- Breaches recorded before this version were notified (at most once) by the sweep that found them.
            UPDATE escalations SET notified_at = at;
            CREATE INDEX escalations_unnotified ON escalations(id) WHERE notified_at IS NULL AND notify_failed_at IS NULL;
            CREATE INDEX escalations_notify_failed ON escalations(notify_failed_at) WHERE notify_failed_at IS NOT NULL;
            """)
    }

    /// Version 3 also keeps the claim time a transition ended (as `previous_state` keeps the state), so a
    /// claim ended by a re-queue, a transfer or expiry records its handle time like a release does.
    static func addPreviousClaimTime(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE threads ADD COLUMN previous_claimed_at REAL")
    }
}
