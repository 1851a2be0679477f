import Foundation
import GRDB
import BatonCore

/// Queries for the console, the outbox relay and metrics. Reads run on reader connections and never block writes.
extension SQLiteHandoffStore {
    public func threads(_ query: ThreadQuery) throws -> [ThreadSummary] {
        try Validate.page(limit: query.limit, offset: query.offset, "thread page")
        return try read { db in try ThreadListing.page(query, in: db) }
    }

    public func threadCount(_ query: ThreadQuery) throws -> Int {
        try read { db in try ThreadListing.count(query, in: db) }
    }

    public func threadMatches(_ query: ThreadQuery, text: String, limit: Int) throws -> [ThreadMatch] {
        try Validate.page(limit: limit, "thread matches")
        return try read { db in try ThreadListing.matches(query, text: text, limit: limit, in: db) }
    }

    public func threadPosition(_ query: ThreadQuery, id: String) throws -> Int? {
        try read { db in try ThreadListing.position(query, id: id, in: db) }
    }

    public func thread(id: String) throws -> ThreadDetail? {
        try read { db in try Self.thread(id: id, in: db) }
    }

    /// `thread(id:)` inside an open transaction.
    static func thread(id: String, in db: Database) throws -> ThreadDetail? {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT \(ThreadRow.columns), packet, callback_at FROM threads WHERE id = ?
                """), arguments: [id]) else { return nil }
            let summary = try ThreadRow.summary(row)
            var packet: ContextPacket?
            if let json = row[17] as String? {
                do {
                    packet = try JSONDecoder().decode(ContextPacket.self, from: Data(json.utf8))
                } catch {
                    throw StoreError.corrupt("thread \(id) has an unreadable context packet: \(error)")
                }
            }
            let messages = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(MessageRow.columns) FROM messages WHERE conversation_id = ? ORDER BY id
                """), arguments: [id]).map { try MessageRow.message($0, conversationID: id) }
            let notes = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT author, text, at FROM notes WHERE thread_id = ? ORDER BY id
                """), arguments: [id]).map { ThreadNote(author: $0[0], text: $0[1], at: Date(storeValue: $0[2] as Double)) }
            let audit = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.auditColumns) FROM audit WHERE thread_id = ? ORDER BY id
                """), arguments: [id]).map(Self.auditEntry)
            var detail = ThreadDetail(summary: summary, packet: packet, messages: messages, notes: notes, audit: audit,
                                      callbackAt: Date(storeValue: row[18] as Double?))
            detail.botFields = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT path, value FROM conversation_fields WHERE conversation_id = ? ORDER BY seq
                """), arguments: [id]).map { BotField(path: $0[0], value: $0[1]) }
            detail.suggestions = try Self.suggestions(threadID: id, limit: Self.suggestionsShown, in: db)
            return detail
    }

    // MARK: Agents

    public func agents() throws -> [Agent] {
        try read { db in try Self.agents(in: db) }
    }

    /// `agents()` inside an open transaction; only agent `id` when given.
    static func agents(in db: Database, id: String? = nil) throws -> [Agent] {
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.id, a.name, a.skills, a.capacity, a.status,
                   (SELECT COUNT(*) FROM threads t WHERE t.owner = a.id AND t.state = 'claimed'), a.role
            FROM agents a WHERE ?1 IS NULL OR a.id = ?1 ORDER BY a.id
            """), arguments: [id]).map { row in
            let id: String = row[0]
            let status: String = row[4]
            guard let decodedStatus = AgentStatus(rawValue: status), let role = AgentRole(rawValue: row[6]),
                  let skills = try? JSONDecoder().decode([String].self, from: Data((row[2] as String).utf8)) else {
                throw StoreError.corrupt("agent \(id) has an unreadable status or skill list")
            }
            return Agent(id: id, name: row[1], skills: skills, capacity: row[3], status: decodedStatus, load: row[5], role: role)
        }
    }

    // MARK: Outbox and audit

    public func outbox(afterID: Int64, limit: Int, includeDelivered: Bool) throws -> [OutboxMessage] {
        try Validate.page(limit: limit, "outbox")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.outboxColumns) FROM outbox
                WHERE id > ? \(includeDelivered ? "" : "AND delivered_at IS NULL") ORDER BY id LIMIT ?
                """, arguments: [afterID, limit]).map(Self.outboxMessage)
        }
    }

    static let outboxColumns = "id, thread_id, kind, text, actor, created_at, delivered_at, seq, holder"

    /// An outbox row read with `outboxColumns` (from `offset`).
    static func outboxMessage(_ row: Row) throws -> OutboxMessage {
        try outboxMessage(row, from: 0)
    }

    static func outboxMessage(_ row: Row, from offset: Int) throws -> OutboxMessage {
        let id: Int64 = row[offset]
        let kind: String = row[offset + 2]
        let holder: String = row[offset + 8]
        guard let decodedKind = OutboxKind(rawValue: kind), let decodedHolder = Holder(rawValue: holder) else {
            throw StoreError.corrupt("outbox message \(id) has unknown kind '\(kind)' or holder '\(holder)'")
        }
        return OutboxMessage(id: id, threadID: row[offset + 1], kind: decodedKind, text: row[offset + 3], actor: row[offset + 4],
                             createdAt: Date(storeValue: row[offset + 5] as Double),
                             deliveredAt: Date(storeValue: row[offset + 6] as Double?),
                             sequence: row[offset + 7], holder: decodedHolder)
    }

    @discardableResult
    public func acknowledge(outboxIDs: [Int64], now: Date) throws -> OutboxAcknowledgement {
        let ids = Array(Set(outboxIDs)).sorted()
        guard !ids.isEmpty else { return OutboxAcknowledgement() }
        return try write { db in
            var result = OutboxAcknowledgement()
            // Chunks stay below SQLite's bound-parameter limit.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let placeholders = chunk.map { _ in "?" }.joined(separator: ", ")
                let known = try Set(Int64.fetchAll(db, sql: "SELECT id FROM outbox WHERE id IN (\(placeholders))",
                                                   arguments: StatementArguments(chunk)))
                result.unknown += chunk.filter { !known.contains($0) }
                try db.execute(sql: """
                    UPDATE outbox SET delivered_at = ? WHERE delivered_at IS NULL AND id IN (\(placeholders))
                    """, arguments: [now.storeValue] + StatementArguments(chunk))
                result.newlyDelivered += db.changesCount
                result.alreadyDelivered += known.count - db.changesCount
            }
            return result
        }
    }

    static let auditColumns = "id, thread_id, action, actor, reason, from_state, to_state, at"

    static func auditEntry(_ row: Row) throws -> AuditEntry {
        let id: Int64 = row[0]
        let action: String = row[2]
        let to: String = row[6]
        guard let decodedAction = LifecycleAction(rawValue: action), let toState = ThreadState(rawValue: to) else {
            throw StoreError.corrupt("audit entry \(id) has unknown action '\(action)' or state '\(to)'")
        }
        let fromState = try (row[5] as String?).map { raw in
            guard let state = ThreadState(rawValue: raw) else {
                throw StoreError.corrupt("audit entry \(id) has unknown state '\(raw)'")
            }
            return state
        }
        return AuditEntry(id: id, threadID: row[1], action: decodedAction, actor: row[3], reason: row[4],
                          fromState: fromState, toState: toState, at: Date(storeValue: row[7] as Double))
    }

    public func audit(threadID: String?, limit: Int) throws -> [AuditEntry] {
        try Validate.page(limit: limit, "audit")
        return try read { db in
            let latest = if let threadID {
                try Row.fetchAll(db, sql: "SELECT \(Self.auditColumns) FROM audit WHERE thread_id = ? ORDER BY id DESC LIMIT ?",
                                 arguments: [threadID, limit])
            } else {
                try Row.fetchAll(db, sql: "SELECT \(Self.auditColumns) FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return try latest.reversed().map(Self.auditEntry)
        }
    }

    public func escalations(since: Date) throws -> [EscalationNotice] {
        try read { db in
            // The newest few thousand are all anyone reads; a long unattended backlog must not load millions.
            try Row.fetchAll(db, sql: """
                SELECT e.thread_id, e.queue, e.level, e.at, t.customer_name
                FROM escalations e LEFT JOIN threads t ON t.id = e.thread_id
                WHERE e.at >= ? ORDER BY e.at DESC, e.id DESC LIMIT 5000
                """, arguments: [since.storeValue]).map {
                EscalationNotice(threadID: $0[0], queue: $0[1], level: $0[2], at: Date(storeValue: $0[3] as Double),
                                 customerName: $0[4])
            }
        }
    }

    // MARK: Metrics

    public func metricFacts(since: Date) throws -> MetricInput {
        try read { db in try Self.metricFacts(since: since, in: db) }
    }

    /// The id of the audit row of the first resolution after the thread's latest handoff: a reopen clears
    /// `resolved_at` and `disposition`, the audit trail keeps them.
    static let firstResolutionSQL = """
        (SELECT a.id FROM audit a WHERE a.thread_id = t.id AND a.to_state = 'resolved' AND a.from_state <> 'resolved'
         AND a.at >= t.handed_off_at ORDER BY a.id LIMIT 1)
        """

    /// The send time of the message that fired the thread's latest handoff.
    static let firedAtSQL = """
        (SELECT m.at FROM messages m WHERE m.conversation_id = t.id AND m.idx = json_extract(t.packet, '$.primary.message'))
        """

    /// A disposition from a resolution's audit reason ("solved" or "solved: note").
    static func disposition(fromAuditReason reason: String?) -> Disposition? {
        guard let reason else { return nil }
        return Disposition(rawValue: String(reason.prefix { $0 != ":" }))
    }

    /// `metricFacts(since:)` inside an open transaction.
    static func metricFacts(since: Date, in db: Database) throws -> MetricInput {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT t.id, c.created_at, t.handed_off_at, t.first_claimed_at, t.resolved_at, t.released_at, t.disposition,
                   t.csat, t.escalation_level, t.repeat_contact, t.queue, t.trigger_kind, \(firedAtSQL), r.at, r.action, r.reason
            FROM threads t JOIN conversations c ON c.id = t.id
            LEFT JOIN audit r ON r.id = \(firstResolutionSQL)
            WHERE t.last_activity_at >= ? ORDER BY t.id
            """, arguments: [since.storeValue])
        var facts: [ConversationFacts] = []
        while let row = try rows.next() {
            let id: String = row[0]
            let queue: String = row[10]
            var disposition = try (row[6] as String?).map { try ThreadRow.decode(Disposition.self, $0, "disposition", id) }
            if disposition == nil, (row[14] as String?) == LifecycleAction.resolve.rawValue {
                disposition = Self.disposition(fromAuditReason: row[15])
            }
            facts.append(ConversationFacts(
                id: id, startedAt: Date(storeValue: row[1] as Double), handedOffAt: Date(storeValue: row[2] as Double?),
                firstClaimedAt: Date(storeValue: row[3] as Double?),
                resolvedAt: Date(storeValue: row[13] as Double?) ?? Date(storeValue: row[4] as Double?),
                releasedAt: Date(storeValue: row[5] as Double?),
                disposition: disposition,
                csat: row[7], pickupBreaches: row[8], repeatContact: row[9], queue: queue.isEmpty ? nil : queue,
                trigger: try (row[11] as String?).map { try ThreadRow.decode(TriggerKind.self, $0, "trigger", id) },
                firedAt: Date(storeValue: row[12] as Double?)))
        }
        return MetricInput(conversations: facts)
    }
}
