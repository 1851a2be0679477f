import GRDB

/// The Baton database schema: its identity, its version and the migrations that build it.
enum StoreSchema {
    /// `PRAGMA application_id` of every Baton database ("Batn"), so foreign SQLite files are recognised.
    static let applicationID: Int32 = 0x4261_746E
    /// The newest schema version this binary knows; stored in `PRAGMA user_version`.
    static let version = 16

    /// The states in which a thread waits for pickup. The partial indexes for queue counts and the sweeper
    /// use this exact term and queries repeat it verbatim, because SQLite only uses a partial index when the
    /// query contains its WHERE term.
    static let waitingStatesTerm = "state IN ('queued', 'after_hours')"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createVersion1(db)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2") { db in
            // Inserted threads are counted by the store (`ThreadCountTally`): the trigger cost every
            // thread INSERT a statement journal.
            try db.execute(sql: "DROP TRIGGER thread_counts_insert")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3") { db in
            try addBreachNotifications(db)
            try addPreviousClaimTime(db)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4-server") { db in
            try createServerTables(db)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("v5-drafts") { db in
            try createDrafts(db)
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration("v6-introductions") { db in
            try createIntroductions(db)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration("v7-waits") { db in
            try addWaitPromises(db)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        migrator.registerMigration("v8-callbacks") { db in
            try addCallbackIndex(db)
            try db.execute(sql: "PRAGMA user_version = 8")
        }
        migrator.registerMigration("v9-bot-fields") { db in
            try createBotFields(db)
            try db.execute(sql: "PRAGMA user_version = 9")
        }
        migrator.registerMigration("v10-roles") { db in
            try addAgentRoles(db)
            try db.execute(sql: "PRAGMA user_version = 10")
        }
        migrator.registerMigration("v11-shadow") { db in
            try createShadowDecisions(db)
            try db.execute(sql: "PRAGMA user_version = 11")
        }
        migrator.registerMigration("v12-follow-ups") { db in
            try addFollowUps(db)
            try db.execute(sql: "PRAGMA user_version = 12")
        }
        migrator.registerMigration("v13-customer-extras") { db in
            try addCustomerExtras(db)
            try db.execute(sql: "PRAGMA user_version = 13")
        }
        migrator.registerMigration("v14-suggestions") { db in
            try createSuggestions(db)
            try db.execute(sql: "PRAGMA user_version = 14")
        }
        migrator.registerMigration("v15-packet-ratings") { db in
            try createPacketRatings(db)
            try db.execute(sql: "PRAGMA user_version = 15")
        }
        migrator.registerMigration("v16-transfer-offers") { db in
            try addTransferOffers(db)
            try db.execute(sql: "PRAGMA user_version = 16")
        }
        return migrator
    }

    // Dates are REAL seconds since 2001-01-01 (Foundation's reference date) so they round-trip exactly.
    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY NOT NULL,
                channel TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                customer_name TEXT,
                language TEXT,
                tier TEXT,
                ltv REAL,
                tags TEXT,              -- JSON array, NULL when empty
                prior_contacts TEXT,    -- JSON array, NULL when empty
                created_at REAL NOT NULL,
                bot_message_count INTEGER NOT NULL DEFAULT 0
            );

            -- Covers (customer_id, id): counting a customer's open handoffs joins threads without reading conversations.
            CREATE INDEX conversations_by_customer ON conversations(customer_id, id);

            -- Bot-side messages have their conversation index in idx; agent replies have idx NULL.
            -- The rowid gives arrival order, which is the transcript order.
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversations(id),
                idx INTEGER,
                role TEXT NOT NULL,
                text TEXT NOT NULL,
                at REAL,
                confidence REAL,
                intent TEXT,
                tools TEXT,
                kb TEXT,
                links TEXT
            );
            CREATE UNIQUE INDEX messages_by_conversation ON messages(conversation_id, idx);

            CREATE TABLE threads (
                id TEXT PRIMARY KEY NOT NULL REFERENCES conversations(id),
                customer_name TEXT NOT NULL,
                channel TEXT NOT NULL,
                language TEXT NOT NULL,
                tier TEXT NOT NULL,
                queue TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL DEFAULT 'ai',
                previous_state TEXT,    -- set by every transition, so UPDATE ... RETURNING can report it
                owner TEXT,
                priority TEXT NOT NULL DEFAULT 'medium',
                priority_rank INTEGER NOT NULL DEFAULT 1,
                trigger_kind TEXT,
                sentiment REAL NOT NULL DEFAULT 0,
                escalation_level INTEGER NOT NULL DEFAULT 0,
                queued_at REAL,
                pickup_deadline REAL,
                claimed_at REAL,
                last_activity_at REAL NOT NULL,
                agent_activity_at REAL, -- the owner's last action; claim expiry counts from here
                suggested_agent TEXT,
                callback_at REAL,
                introduction TEXT,      -- customer-facing introduction template for the claim, {agent} unfilled
                evaluate_from INTEGER NOT NULL DEFAULT 0,
                handed_off_at REAL,
                first_claimed_at REAL,
                resolved_at REAL,
                released_at REAL,
                disposition TEXT,
                csat INTEGER,
                repeat_contact INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL DEFAULT 0,
                packet TEXT             -- JSON ContextPacket; last so listing rows never touch it
            );
            -- Pages read one (state, queue) run of this index per state and queue asked for, already in
            -- display order, and merge them; the scan stops after one page.
            CREATE INDEX threads_list ON threads(state, queue, priority_rank, escalation_level DESC, queued_at, id);
            -- Oldest wait, nearest deadline and breach counts per queue: index seeks, never scans of a queue.
            CREATE INDEX threads_oldest ON threads(queue, state, queued_at) WHERE \(waitingStatesTerm);
            CREATE INDEX threads_deadline ON threads(queue, state, pickup_deadline) WHERE \(waitingStatesTerm);
            -- Covers an agent's load (owner, state = 'claimed'), which every claim checks against capacity.
            CREATE INDEX threads_by_owner ON threads(owner, state) WHERE owner IS NOT NULL;
            CREATE INDEX threads_activity ON threads(last_activity_at);

            -- How many threads each (queue, state) holds, kept exact by triggers in the same transaction as
            -- every change of a thread's queue or state, so counts never scan the queues. (Schema 2 drops the
            -- INSERT trigger; the store counts the threads it inserts.)
            CREATE TABLE thread_counts (
                queue TEXT NOT NULL,
                state TEXT NOT NULL,
                threads INTEGER NOT NULL,
                PRIMARY KEY (queue, state)
            ) WITHOUT ROWID;
            CREATE TRIGGER thread_counts_insert AFTER INSERT ON threads BEGIN
                INSERT INTO thread_counts (queue, state, threads) VALUES (NEW.queue, NEW.state, 1)
                    ON CONFLICT (queue, state) DO UPDATE SET threads = threads + 1;
            END;
            CREATE TRIGGER thread_counts_update AFTER UPDATE OF queue, state ON threads
                WHEN OLD.queue IS NOT NEW.queue OR OLD.state IS NOT NEW.state BEGIN
                UPDATE thread_counts SET threads = threads - 1 WHERE queue = OLD.queue AND state = OLD.state;
                INSERT INTO thread_counts (queue, state, threads) VALUES (NEW.queue, NEW.state, 1)
                    ON CONFLICT (queue, state) DO UPDATE SET threads = threads + 1;
            END;
            CREATE TRIGGER thread_counts_delete AFTER DELETE ON threads BEGIN
                UPDATE thread_counts SET threads = threads - 1 WHERE queue = OLD.queue AND state = OLD.state;
            END;

            CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                author TEXT NOT NULL,
                text TEXT NOT NULL,
                at REAL NOT NULL
            );
            CREATE INDEX notes_by_thread ON notes(thread_id);

            CREATE TABLE agents (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                skills TEXT NOT NULL,   -- JSON array
                capacity INTEGER NOT NULL,
                status TEXT NOT NULL,
                status_at REAL
            );

            CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                action TEXT NOT NULL,
                actor TEXT NOT NULL,
                reason TEXT,
                from_state TEXT,
                to_state TEXT NOT NULL,
                at REAL NOT NULL
            );
            CREATE INDEX audit_by_thread ON audit(thread_id, id);
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be updated'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be deleted'); END;

            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                kind TEXT NOT NULL,
                text TEXT,
                actor TEXT NOT NULL,
                created_at REAL NOT NULL,
                delivered_at REAL
            );
            CREATE INDEX outbox_pending ON outbox(id) WHERE delivered_at IS NULL;

            CREATE TABLE escalations (
                id INTEGER PRIMARY KEY,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                queue TEXT NOT NULL,
                level INTEGER NOT NULL,
                at REAL NOT NULL
            );
            -- Covers the queue bar's per-queue count of the last day's escalations.
            CREATE INDEX escalations_by_time ON escalations(at, queue);

            CREATE TABLE csat (
                id INTEGER PRIMARY KEY,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                at REAL NOT NULL
            );

            -- Claim-to-finish durations, for the queue bar's wait estimate.
            CREATE TABLE handle_times (
                id INTEGER PRIMARY KEY,
                thread_id TEXT NOT NULL REFERENCES threads(id),
                queue TEXT NOT NULL,
                seconds REAL NOT NULL,
                at REAL NOT NULL
            );
            CREATE INDEX handle_times_by_queue ON handle_times(queue, id);
            """)
    }
}
