import Foundation
import GRDB
import BatonCore

/// Agent-to-agent transfer offers, like a reservation: the owner offers a claimed thread to a named agent with a
/// note; it stays held by the owner until the receiver accepts (and becomes the owner), declines, or the queue's
/// `offer_timeout` passes (the sweep returns it to the queue). Each operation is one transaction with its audit
/// row, its outbox events and the notices the agents concerned must see.
extension SQLiteHandoffStore {
    @discardableResult
    public func offerTransfer(threadID: String, actor: String, toAgent: String, note: String, queues: [QueueConfig],
                              now: Date) throws -> TransferOffer {
        try Validate.identifier(actor, "agent offering thread \(threadID)")
        try Validate.identifier(toAgent, "agent to offer thread \(threadID) to")
        try Validate.text(note, "transfer note for thread \(threadID)")
        return try write { db in
            try Self.authorize(.offer, actor: actor, in: db)
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT state, owner, claimed_at, queue, customer_name FROM threads WHERE id = ?
                """), arguments: [threadID]) else { throw LifecycleError.noSuchThread(threadID) }
            let state = try ThreadRow.decode(ThreadState.self, row[0], "state", threadID)
            guard state == .claimed, let owner = row[1] as String? else {
                throw LifecycleError.notAllowed(action: .offer, state: state)
            }
            if owner != actor, try Self.agent(actor, in: db)?.role != .supervisor {
                throw LifecycleError.notOwner(heldBy: owner)
            }
            guard toAgent != owner else { throw LifecycleError.unfit(agent: toAgent, reason: "\(toAgent) already holds it") }
            guard let receiver = try Self.agent(toAgent, in: db) else { throw LifecycleError.noSuchAgent(toAgent) }
            let queueName: String = row[3]
            let queue = queues.named(queueName)
            if let unfit = AgentFitness.unfitness(of: receiver, for: queue) {
                throw LifecycleError.unfit(agent: toAgent, reason: unfit)
            }
            if let open = try Self.openOffers(threadID: threadID, toAgent: nil, now: now, in: db).first {
                throw LifecycleError.alreadyOffered(threadID: threadID, to: open.to)
            }
            var change = ThreadTransition(.offer, actor: actor, reason: "to \(toAgent): \(note)")
            if owner == actor { Self.assignAgentActivity(now: now, to: &change) }
            change.conditions = ["owner = ?"]
            change.conditionArguments = [owner]
            try change.run(threadID: threadID, now: now, in: db)
            let expiresAt = now.addingTimeInterval(queue.offerTimeout)
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO transfer_offers (thread_id, from_agent, offered_by, to_agent, note, claimed_at, offered_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [threadID, owner, actor, toAgent, note, row[2] as Double?, now.storeValue, expiresAt.storeValue])
            // The note stays with the thread whatever the answer: for the receiver, or whoever claims it next.
            try Self.addNote(db, threadID: threadID, author: actor, text: "Transfer note (offered to \(toAgent)): \(note)", now: now)
            let customer: String = row[4]
            let by = owner == actor ? actor : "\(actor) for \(owner)"
            try Self.notify(toAgent, threadID: threadID,
                            text: "\(by) offers you \(customer.isEmpty ? threadID : customer) (\(queueName)), answer within \(Self.seconds(queue.offerTimeout)): \(note)",
                            now: now, in: db)
            return TransferOffer(threadID: threadID, from: owner, offeredBy: actor, to: toAgent, note: note, offeredAt: now,
                                 expiresAt: expiresAt, customerName: customer, queue: queueName)
        }
    }

    @discardableResult
    public func acceptOffer(threadID: String, agent: String, now: Date) throws -> ThreadSummary {
        try Validate.identifier(agent, "agent accepting thread \(threadID)")
        return try write { db in
            try Self.authorize(.acceptOffer, actor: agent, in: db)
            guard let offer = try Self.openOffers(threadID: threadID, toAgent: agent, now: now, in: db).first else {
                throw LifecycleError.noOffer(threadID: threadID, agent: agent)
            }
            try Self.deleteOffer(threadID, in: db)
            var change = ThreadTransition(.acceptOffer, actor: agent, reason: "from \(offer.from): \(offer.note)")
            Self.assignOwner(agent, now: now, to: &change)
            // Compare-and-set: still the offering owner's claim, or nothing changes.
            change.conditions = ["owner = ?"]
            change.conditionArguments = [offer.from]
            let outcome = try change.run(threadID: threadID, now: now, in: db)
            try Self.checkCapacity(of: agent, in: db)
            try Self.announceTransfer(to: agent, threadID: threadID, language: outcome.summary.language, now: now, in: db)
            if offer.offeredBy != offer.from {
                try Self.notify(offer.offeredBy, threadID: threadID, text: "\(agent) accepted \(Self.customer(offer)) from \(offer.from)",
                                now: now, in: db)
            }
            return outcome.summary
        }
    }

    public func declineOffer(threadID: String, agent: String, reason: String?, queues: [QueueConfig], now: Date) throws {
        try Validate.identifier(agent, "agent declining thread \(threadID)")
        try Validate.optionalText(reason, "reason for declining thread \(threadID)")
        try write { db in
            try Self.authorize(.declineOffer, actor: agent, in: db)
            // An offer past its timeout but not swept yet may still be declined: the outcome is the same.
            guard let offer = try Self.openOffers(threadID: threadID, toAgent: agent, now: nil, in: db).first else {
                throw LifecycleError.noOffer(threadID: threadID, agent: agent)
            }
            let queue = queues.named(offer.queue)
            try Self.returnOffered(offer, action: .declineOffer, actor: agent,
                                   reason: Self.joined("declined \(offer.from)'s offer", reason), queue: queue, now: now, in: db)
            let told = "\(agent) declined \(Self.customer(offer))\(reason.map { ": \($0)" } ?? ""); it is back in \(offer.queue), in its place"
            for recipient in Set([offer.from, offer.offeredBy]).sorted() {
                try Self.notify(recipient, threadID: threadID, text: told, now: now, in: db)
            }
        }
    }

    public func openOffers(toAgent: String?, now: Date) throws -> [TransferOffer] {
        try read { db in try Self.openOffers(threadID: nil, toAgent: toAgent, now: now, in: db) }
    }

    public func openOffer(threadID: String, now: Date) throws -> TransferOffer? {
        try read { db in try Self.openOffers(threadID: threadID, toAgent: nil, now: now, in: db).first }
    }

    public func unseenNotices(agent: String) throws -> [AgentNotice] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, agent, thread_id, text, at FROM agent_notices WHERE agent = ? AND seen = 0 ORDER BY id LIMIT 100
                """), arguments: [agent]).map {
                AgentNotice(id: $0[0], agent: $0[1], threadID: $0[2], text: $0[3], at: Date(storeValue: $0[4] as Double))
            }
        }
    }

    public func markNoticesSeen(agent: String, throughID: Int64) throws {
        try write { db in
            try db.cachedStatement(sql: "UPDATE agent_notices SET seen = 1 WHERE agent = ? AND seen = 0 AND id <= ?")
                .execute(arguments: [agent, throughID])
        }
    }

    // MARK: Shared pieces

    /// The sweep's part: offers unanswered past their timeout give the thread back to its queue, in its place,
    /// and the offering agent hears so; stale offers (the thread changed hands meanwhile) are deleted.
    static func expireOffers(now: Date, config: (String) -> QueueConfig, in db: Database) throws -> [String] {
        let due = try String.fetchAll(db.cachedStatement(sql: """
            SELECT thread_id FROM transfer_offers WHERE expires_at <= ? ORDER BY expires_at LIMIT ?
            """), arguments: [now.storeValue, sweepBatchLimit])
        var expired: [String] = []
        for id in due {
            guard let offer = try openOffers(threadID: id, toAgent: nil, now: nil, in: db).first else {
                try deleteOffer(id, in: db)
                continue
            }
            let queue = config(offer.queue)
            try returnOffered(offer, action: .offerExpired, actor: sweeperActor,
                              reason: "\(offer.to) did not answer within \(seconds(queue.offerTimeout))", queue: queue, now: now, in: db)
            for recipient in Set([offer.from, offer.offeredBy]).sorted() {
                try notify(recipient, threadID: id,
                           text: "\(offer.to) did not answer your offer of \(customer(offer)) within \(seconds(queue.offerTimeout)); it is back in \(offer.queue), in its place",
                           now: now, in: db)
            }
            expired.append(id)
        }
        return expired
    }

    /// Back to the queue, unclaimed, keeping the time the customer has waited (their place in line); the
    /// transfer note stays in the thread's notes for whoever claims it next.
    private static func returnOffered(_ offer: TransferOffer, action: LifecycleAction, actor: String, reason: String,
                                      queue: QueueConfig, now: Date, in db: Database) throws {
        try deleteOffer(offer.threadID, in: db)
        var change = ThreadTransition(action, actor: actor, reason: reason, afterHours: !queue.hours.isOpen(at: now))
        assignWait(pickupDeadline: queue.pickupDeadline(waitStartingAt: now), now: now, keepingWait: true, to: &change)
        change.conditions = ["owner = ?"]
        change.conditionArguments = [offer.from]
        let outcome = try change.run(threadID: offer.threadID, now: now, in: db)
        try recordHandleTime(outcome, now: now, in: db)
    }

    /// Open offers: the thread is still held by the offering owner under the same claim, and (with `now`) the
    /// timeout has not passed. Filtered by thread and/or receiving agent.
    static func openOffers(threadID: String?, toAgent: String?, now: Date?, in db: Database) throws -> [TransferOffer] {
        var sql = """
            SELECT o.thread_id, o.from_agent, o.offered_by, o.to_agent, o.note, o.offered_at, o.expires_at, t.customer_name, t.queue
            FROM transfer_offers o JOIN threads t ON t.id = o.thread_id
            WHERE t.state = 'claimed' AND t.owner = o.from_agent AND t.claimed_at IS o.claimed_at
            """
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let threadID { sql += " AND o.thread_id = ?"; arguments.append(threadID) }
        if let toAgent { sql += " AND o.to_agent = ?"; arguments.append(toAgent) }
        if let now { sql += " AND o.expires_at > ?"; arguments.append(now.storeValue) }
        sql += " ORDER BY o.expires_at, o.thread_id LIMIT 500"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map {
            TransferOffer(threadID: $0[0], from: $0[1], offeredBy: $0[2], to: $0[3], note: $0[4],
                          offeredAt: Date(storeValue: $0[5] as Double), expiresAt: Date(storeValue: $0[6] as Double),
                          customerName: $0[7], queue: $0[8])
        }
    }

    private static func deleteOffer(_ threadID: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM transfer_offers WHERE thread_id = ?").execute(arguments: [threadID])
    }

    static func notify(_ agent: String, threadID: String, text: String, now: Date, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO agent_notices (agent, thread_id, text, at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [agent, threadID, text, now.storeValue])
    }

    /// The bot hears who owns the thread now (`claimed`, as for a claim or a reassignment); the customer gets
    /// one short line naming the new agent, in their language, when the conversation introduces agents (a
    /// stored introduction) and this agent has not been introduced on it yet. No second greeting.
    private static func announceTransfer(to agent: String, threadID: String, language: String, now: Date, in db: Database) throws {
        try enqueue(db, threadID: threadID, kind: .claimed, text: nil, actor: agent, now: now)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO introductions (thread_id, agent) VALUES (?, ?)")
            .execute(arguments: [threadID, agent])
        guard db.changesCount == 1 else { return }
        let template = try String.fetchOne(db.cachedStatement(sql: "SELECT introduction FROM threads WHERE id = ?"), arguments: [threadID])
        guard let template, !template.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM agents WHERE id = ?"), arguments: [agent])
        let line = Templates.transferIntroduction(language: language, agent: (name?.isEmpty == false ? name : nil) ?? agent)
        try enqueue(db, threadID: threadID, kind: agentMessageKind(.agentIntroduction, threadID: threadID, now: now, in: db),
                    text: line, actor: agent, now: now)
    }

    private static func customer(_ offer: TransferOffer) -> String {
        offer.customerName.isEmpty ? offer.threadID : offer.customerName
    }

    /// "2m", "90s": a timeout as people write it in baton.toml.
    static func seconds(_ interval: TimeInterval) -> String {
        let whole = Int(saturating: interval)
        return whole % 60 == 0 ? "\(whole / 60)m" : "\(whole)s"
    }
}
