import Foundation
import GRDB
import BatonCore

/// Queries for the console, the outbox relay and metrics. Reads run on reader connections and never block writes.
extension SQLiteHandoffStore {
    public func threads(_ query: ThreadQuery) throws -> [ThreadSummary] {
        try Validate.page(limit: query.limit, offset: query.offset, "thread page")
        guard let filter = Self.filter(query) else { return [] }
        let index = Self.pageIndex(query)
        return try read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT \(ThreadRow.columns) FROM threads \(index) WHERE \(filter.sql)
                ORDER BY priority_rank, escalation_level DESC, queued_at, id LIMIT ? OFFSET ?
                """)
            let arguments = filter.arguments + [query.limit, query.offset]
            return try Row.fetchAll(statement, arguments: arguments).map(ThreadRow.summary)
        }
    }

    public func threadCount(_ query: ThreadQuery) throws -> Int {
        guard let filter = Self.filter(query) else { return 0 }
        return try read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM threads WHERE \(filter.sql)"),
                             arguments: filter.arguments) ?? 0
        }
    }

    /// Which index to read a page through. Left alone, SQLite's planner prefers a state index and then
    /// sorts every open thread; the page indexes hold the rows in display order, so the scan stops after
    /// one page. An owner holds few threads: the owner index and a small sort are better there.
    private static func pageIndex(_ query: ThreadQuery) -> String {
        guard query.owner == nil, query.states.isSubset(of: [.queued, .afterHours, .claimed]) else { return "" }
        return query.queues?.count == 1 ? "INDEXED BY threads_page_by_queue" : "INDEXED BY threads_page"
    }

    /// The WHERE clause for a thread query; nil when it can match nothing.
    private static func filter(_ query: ThreadQuery) -> (sql: String, arguments: StatementArguments)? {
        guard !query.states.isEmpty, query.queues?.isEmpty != true else { return nil }
        let listed: Set<ThreadState> = [.queued, .afterHours, .claimed]
        var terms: [String] = []
        var arguments: StatementArguments = []
        // The partial page indexes are only usable when the query repeats their WHERE term verbatim.
        if query.states.isSubset(of: listed) { terms.append(StoreSchema.listedStatesTerm) }
        if query.states != listed {
            let states = ThreadState.allCases.filter(query.states.contains)
            terms.append("state IN (\(states.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(states.map(\.rawValue))
        }
        if let queues = query.queues {
            terms.append("queue IN (\(queues.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(queues)
        }
        if let owner = query.owner {
            terms.append("owner = ?")
            arguments += [owner]
        }
        return (terms.joined(separator: " AND "), arguments)
    }

    public func thread(id: String) throws -> ThreadDetail? {
        try read { db in
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
            return ThreadDetail(summary: summary, packet: packet, messages: messages, notes: notes, audit: audit,
                                callbackAt: Date(storeValue: row[18] as Double?))
        }
    }

    public func queueCounts(now: Date) throws -> [QueueCounts] {
        try read { db in
            var counts: [String: QueueCounts] = [:]
            func entry(_ queue: String) -> QueueCounts {
                counts[queue] ?? QueueCounts(queue: queue, waiting: 0, claimed: 0, oldestQueuedAt: nil, nearestDeadline: nil,
                                             breached: 0, escalations: 0, recentHandleTimes: [])
            }
            // Both scans read covering partial indexes in key order: no table rows, no sort.
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, state, COUNT(*), MIN(queued_at), MIN(pickup_deadline) FROM threads INDEXED BY threads_open
                WHERE \(StoreSchema.listedStatesTerm) GROUP BY queue, state
                """) {
                var value = entry(row[0])
                let count: Int = row[2]
                if row[1] as String == ThreadState.claimed.rawValue {
                    value.claimed += count
                } else {
                    value.waiting += count
                    value.oldestQueuedAt = [value.oldestQueuedAt, Date(storeValue: row[3] as Double?)].compactMap { $0 }.min()
                    value.nearestDeadline = [value.nearestDeadline, Date(storeValue: row[4] as Double?)].compactMap { $0 }.min()
                }
                counts[value.queue] = value
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, COUNT(*) FROM threads INDEXED BY threads_waiting
                WHERE \(StoreSchema.waitingStatesTerm) AND state = 'queued' AND pickup_deadline < ? GROUP BY queue
                """, arguments: [now.storeValue]) {
                var value = entry(row[0])
                value.breached = row[1]
                counts[value.queue] = value
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, COUNT(*) FROM escalations WHERE at >= ? GROUP BY queue
                """, arguments: [now.addingTimeInterval(-86_400).storeValue]) {
                var value = entry(row[0])
                value.escalations = row[1]
                counts[value.queue] = value
            }
            // The last 20 handle times of each listed queue, newest first, straight from the (queue, id) index.
            let handleTimes = try db.cachedStatement(sql: "SELECT seconds FROM handle_times WHERE queue = ? ORDER BY id DESC LIMIT 20")
            for queue in counts.keys {
                counts[queue]?.recentHandleTimes = try Double.fetchAll(handleTimes, arguments: [queue])
            }
            return counts.values.sorted { $0.queue < $1.queue }
        }
    }

    // MARK: Agents

    public func upsertAgent(_ agent: Agent) throws {
        try Validate.identifier(agent.id, "agent id")
        guard agent.capacity >= 0 else {
            throw StoreError.invalidInput("agent \(agent.id): capacity must not be negative, got \(agent.capacity)")
        }
        let skills = String(decoding: try JSONEncoder().encode(agent.skills), as: UTF8.self)
        try write { db in
            try db.execute(sql: """
                INSERT INTO agents (id, name, skills, capacity, status) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, skills = excluded.skills,
                    capacity = excluded.capacity, status = excluded.status
                """, arguments: [agent.id, agent.name, skills, agent.capacity, agent.status.rawValue])
        }
    }

    public func setAgentStatus(id: String, status: AgentStatus, now: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE agents SET status = ?, status_at = ? WHERE id = ?",
                           arguments: [status.rawValue, now.storeValue, id])
            guard db.changesCount == 1 else { throw LifecycleError.noSuchAgent(id) }
        }
    }

    public func agents() throws -> [Agent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.name, a.skills, a.capacity, a.status,
                       (SELECT COUNT(*) FROM threads t WHERE t.owner = a.id AND t.state = 'claimed')
                FROM agents a ORDER BY a.id
                """).map { row in
                let id: String = row[0]
                let status: String = row[4]
                guard let decodedStatus = AgentStatus(rawValue: status),
                      let skills = try? JSONDecoder().decode([String].self, from: Data((row[2] as String).utf8)) else {
                    throw StoreError.corrupt("agent \(id) has an unreadable status or skill list")
                }
                return Agent(id: id, name: row[1], skills: skills, capacity: row[3], status: decodedStatus, load: row[5])
            }
        }
    }

    // MARK: Outbox and audit

    public func outbox(afterID: Int64, limit: Int, includeDelivered: Bool) throws -> [OutboxMessage] {
        try Validate.page(limit: limit, "outbox")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, thread_id, kind, text, actor, created_at, delivered_at FROM outbox
                WHERE id > ? \(includeDelivered ? "" : "AND delivered_at IS NULL") ORDER BY id LIMIT ?
                """, arguments: [afterID, limit]).map { row in
                let id: Int64 = row[0]
                let kind: String = row[2]
                guard let decodedKind = OutboxKind(rawValue: kind) else {
                    throw StoreError.corrupt("outbox message \(id) has unknown kind '\(kind)'")
                }
                return OutboxMessage(id: id, threadID: row[1], kind: decodedKind, text: row[3], actor: row[4],
                                     createdAt: Date(storeValue: row[5] as Double),
                                     deliveredAt: Date(storeValue: row[6] as Double?))
            }
        }
    }

    @discardableResult
    public func acknowledge(outboxIDs: [Int64], now: Date) throws -> Int {
        guard !outboxIDs.isEmpty else { return 0 }
        return try write { db in
            var marked = 0
            // Chunks stay below SQLite's bound-parameter limit.
            for start in stride(from: 0, to: outboxIDs.count, by: 500) {
                let chunk = outboxIDs[start..<min(start + 500, outboxIDs.count)]
                try db.execute(sql: """
                    UPDATE outbox SET delivered_at = ? WHERE delivered_at IS NULL
                    AND id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))
                    """, arguments: [now.storeValue] + StatementArguments(Array(chunk)))
                marked += db.changesCount
            }
            return marked
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
            try Row.fetchAll(db, sql: """
                SELECT thread_id, queue, level, at FROM escalations WHERE at >= ? ORDER BY at DESC, id DESC
                """, arguments: [since.storeValue]).map {
                EscalationNotice(threadID: $0[0], queue: $0[1], level: $0[2], at: Date(storeValue: $0[3] as Double))
            }
        }
    }

    // MARK: Metrics

    public func metricFacts(since: Date) throws -> MetricInput {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT t.id, c.created_at, t.handed_off_at, t.first_claimed_at, t.resolved_at, t.released_at, t.disposition,
                       t.csat, t.escalation_level, t.repeat_contact, t.queue, t.trigger_kind
                FROM threads t JOIN conversations c ON c.id = t.id
                WHERE t.last_activity_at >= ? ORDER BY t.id
                """, arguments: [since.storeValue])
            var facts: [ConversationFacts] = []
            while let row = try rows.next() {
                let id: String = row[0]
                let queue: String = row[10]
                facts.append(ConversationFacts(
                    id: id, startedAt: Date(storeValue: row[1] as Double), handedOffAt: Date(storeValue: row[2] as Double?),
                    firstClaimedAt: Date(storeValue: row[3] as Double?), resolvedAt: Date(storeValue: row[4] as Double?),
                    releasedAt: Date(storeValue: row[5] as Double?),
                    disposition: try (row[6] as String?).map { try ThreadRow.decode(Disposition.self, $0, "disposition", id) },
                    csat: row[7], pickupBreaches: row[8], repeatContact: row[9], queue: queue.isEmpty ? nil : queue,
                    trigger: try (row[11] as String?).map { try ThreadRow.decode(TriggerKind.self, $0, "trigger", id) }))
            }
            return MetricInput(conversations: facts)
        }
    }
}
