import GRDB
import BatonCore

/// Schema for `baton serve`: API tokens, idempotency keys, webhook delivery state, a per-conversation
/// sequence number and holder on every outbox event, and the platform's message ids for deduplication.
extension StoreSchema {
    /// `CASE` expression turning a `threads.state` column into the `Holder` the bot sees, from `Holder.init`.
    static func holderCase(_ column: String) -> String {
        let arms = ThreadState.allCases.map { "WHEN '\($0.rawValue)' THEN '\(Holder($0).rawValue)'" }.joined(separator: " ")
        return "CASE \(column) \(arms) END"
    }

    static func createServerTables(_ db: Database) throws {
        // Existing events get their sequence per thread in id order, and the holder their kind implies.
        let holderByKind: [OutboxKind: Holder] = [
            .handoffMessage: .queued, .afterHoursMessage: .afterHours, .afterHoursCaptured: .afterHours,
            .claimed: .human, .agentIntroduction: .human, .agentReply: .human, .whatsappWindowClosing: .human,
            .releasedToAI: .ai, .resolved: .resolved, .pickupBreached: .queued,
        ]
        let kindArms = holderByKind.map { "WHEN '\($0.key.rawValue)' THEN '\($0.value.rawValue)'" }.sorted().joined(separator: " ")
        try db.execute(sql: """
            ALTER TABLE outbox ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE outbox ADD COLUMN holder TEXT NOT NULL DEFAULT 'ai';
            UPDATE outbox SET
                seq = (SELECT COUNT(*) FROM outbox o WHERE o.thread_id = outbox.thread_id AND o.id <= outbox.id),
                holder = CASE kind \(kindArms) ELSE 'ai' END;
            -- The next sequence number of a thread is one index seek.
            CREATE INDEX outbox_by_thread ON outbox(thread_id, seq);

            -- The bot platform's message id: a message event sent twice with the same id is stored once.
            ALTER TABLE messages ADD COLUMN platform_id TEXT;
            CREATE INDEX messages_by_platform_id ON messages(conversation_id, platform_id) WHERE platform_id IS NOT NULL;

            -- The last customer message a "WhatsApp window closing" event was sent for, so it is sent once.
            ALTER TABLE threads ADD COLUMN window_warned_for REAL;

            -- Bearer tokens of integrations: only the SHA-256 of the token is kept.
            CREATE TABLE api_tokens (
                name TEXT PRIMARY KEY NOT NULL,
                hash BLOB NOT NULL UNIQUE,
                created_at REAL NOT NULL,
                revoked_at REAL,
                last_used_at REAL
            );

            -- Responses of POST requests by Idempotency-Key, replayed for 24 hours.
            CREATE TABLE idempotency_keys (
                token TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash BLOB NOT NULL,
                status INTEGER NOT NULL,
                body BLOB NOT NULL,
                created_at REAL NOT NULL,
                PRIMARY KEY (token, key)
            ) WITHOUT ROWID;
            CREATE INDEX idempotency_by_time ON idempotency_keys(created_at);

            -- One row per configured webhook endpoint: how far into the outbox its deliveries are scheduled.
            CREATE TABLE webhook_endpoints (
                name TEXT PRIMARY KEY NOT NULL,
                url TEXT NOT NULL,
                cursor INTEGER NOT NULL DEFAULT 0
            );

            -- One row per (endpoint, event): pending until delivered or given up (failed).
            CREATE TABLE webhook_deliveries (
                id INTEGER PRIMARY KEY,
                endpoint TEXT NOT NULL REFERENCES webhook_endpoints(name),
                outbox_id INTEGER NOT NULL REFERENCES outbox(id),
                thread_id TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL NOT NULL,
                first_attempt_at REAL,
                last_attempt_at REAL,
                last_status INTEGER,
                last_error TEXT,
                finished_at REAL,
                UNIQUE (endpoint, outbox_id)
            );
            -- The oldest pending delivery of each thread is the only one that may be sent (order per conversation).
            CREATE INDEX webhook_pending_by_thread ON webhook_deliveries(endpoint, thread_id, outbox_id) WHERE state = 'pending';
            CREATE INDEX webhook_pending_due ON webhook_deliveries(endpoint, next_attempt_at) WHERE state = 'pending';
            CREATE INDEX webhook_failed ON webhook_deliveries(endpoint, id) WHERE state = 'failed';

            -- Every attempt, for `baton webhooks failed` and debugging a receiver.
            CREATE TABLE webhook_attempts (
                id INTEGER PRIMARY KEY,
                delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries(id),
                at REAL NOT NULL,
                status INTEGER,
                error TEXT,
                seconds REAL NOT NULL
            );
            CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts(delivery_id, id);
            """)
    }
}
