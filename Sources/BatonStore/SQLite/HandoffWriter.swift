import Foundation
import GRDB
import BatonCore

/// Applies handoffs inside an open write transaction, with the thread's compare-and-set statement
/// prepared once per batch and its ~20 values bound straight through `DirectBinding`.
///
/// The statement text comes from `ThreadTransition` (so `Lifecycle` still decides sources and targets);
/// what the handoff writes is fixed, so only its values change from one handoff to the next.
struct HandoffWriter {
    private let db: Database
    /// The prepared transition and its statement, one for queue hours open and one for closed.
    private var prepared: [Bool: (transition: ThreadTransition, statement: Statement)] = [:]
    /// Threads `applyToNewThread` inserted, for `thread_counts` (see `finish`).
    private var insertedThreads = ThreadCountTally()

    init(_ db: Database) {
        self.db = db
    }

    /// The columns every handoff sets from its request, in the order `bindHandoffValues` binds them.
    private static let handoffColumns = [
        "queue", "priority", "priority_rank", "trigger_kind", "sentiment", "queued_at", "pickup_deadline",
        "last_activity_at", "suggested_agent", "callback_at", "introduction", "handed_off_at", "repeat_contact", "wait_promised_until", "packet",
    ]

    /// Inserts a new thread already handed off: its row values, its state, then `handoffColumns`. Nothing is
    /// returned: every column of its summary is a value bound here or a default.
    private static let insertHandedOffSQL = """
        INSERT INTO threads (id, customer_name, channel, language, tier, state, previous_state, version,
                             \(handoffColumns.joined(separator: ", ")))
        VALUES (?, ?, ?, ?, ?, ?, 'ai', 1, \(handoffColumns.map { _ in "?" }.joined(separator: ", ")))
        """

    /// The handoff's compare-and-set, audit row and customer message.
    mutating func apply(_ request: HandoffRequest, packet: [UInt8], now: Date) throws -> ThreadSummary {
        let (template, statement) = try preparedTransition(afterHours: request.afterHours)
        var values = DirectBinding(statement)
        bindHandoffValues(request, packet: packet, now: now, into: &values)
        values.bind(request.threadID)
        var change = template
        change.reason = request.packet.primary.reason
        let outcome = try change.finish(try values.fetchOne(), threadID: request.threadID, now: now, in: db)
        try enqueueCustomerMessage(request, now: now)
        return outcome.summary
    }

    /// The handoff of a thread whose row does not exist yet (a new conversation recorded in the same
    /// transaction): the row is inserted already handed off, with the values, audit row and customer message
    /// that inserting it with the AI and then running `apply` would leave, for one write instead of two.
    mutating func applyToNewThread(_ thread: ConversationRecorder.NewThread, _ request: HandoffRequest, packet: [UInt8],
                                   now: Date) throws -> ThreadSummary {
        // A new thread is with the AI; `Lifecycle` says where a handoff takes it from there.
        let state = try Lifecycle.apply(.handoff, to: .ai, owner: nil, actor: SQLiteHandoffStore.systemActor,
                                        afterHours: request.afterHours)
        var values = DirectBinding(try db.cachedStatement(sql: Self.insertHandedOffSQL))
        for text in [thread.id, thread.customerName, thread.channel, thread.language, thread.tier, state.rawValue] {
            values.bind(text)
        }
        bindHandoffValues(request, packet: packet, now: now, into: &values)
        try values.execute()
        insertedThreads.add(queue: request.queue, state: state)
        let change = ThreadTransition(.handoff, actor: SQLiteHandoffStore.systemActor,
                                      reason: request.packet.primary.reason, afterHours: request.afterHours)
        try change.appendAudit(threadID: thread.id, from: .ai, to: state, now: now, in: db)
        try enqueueCustomerMessage(request, now: now)
        return ThreadSummary(
            id: thread.id, customerName: thread.customerName, channel: Channel(rawValue: thread.channel),
            language: thread.language, tier: thread.tier, queue: request.queue, state: state, owner: nil,
            priority: request.priority, trigger: request.packet.primary.kind, sentiment: request.packet.sentiment.current,
            escalationLevel: 0, queuedAt: now, pickupDeadline: request.pickupDeadline, claimedAt: nil,
            lastActivityAt: now, suggestedAgent: request.suggestedAgent)
    }

    /// Counts the threads `applyToNewThread` inserted; the writer's last call in its transaction.
    mutating func finish() throws {
        try insertedThreads.write(in: db)
    }

    /// Binds the values of `handoffColumns`, in that order.
    private func bindHandoffValues(_ request: HandoffRequest, packet: [UInt8], now: Date, into values: inout DirectBinding) {
        values.bind(request.queue)
        values.bind(request.priority.rawValue)
        // Captured while closed or with nobody on shift: surfaces first when the team is back (`QueueOrder`).
        values.bind(QueueOrder.rank(request.priority,
                                    captured: QueueOrder.captures(afterHours: request.afterHours, nobodyOnShift: request.nobodyOnShift)))
        values.bind(request.packet.primary.kind.rawValue)
        values.bind(request.packet.sentiment.current)
        values.bind(now.storeValue)  // queued_at
        values.bind(request.pickupDeadline.storeValue)
        values.bind(now.storeValue)  // last_activity_at
        values.bind(request.suggestedAgent)
        values.bind(request.callbackAt?.storeValue)
        values.bind(request.introduction)
        values.bind(now.storeValue)  // handed_off_at
        values.bind(request.packet.primary.kind == .repeatContact
                    || request.packet.otherTriggers.contains { $0.kind == .repeatContact })
        values.bind(request.promisedWait.map { now.addingTimeInterval($0).storeValue })
        values.bind(utf8: packet)
    }

    /// The customer-facing handoff (or after-hours) text; a closed queue also tells the bot that after-hours
    /// holds the thread, with the callback time when the customer gets one.
    private func enqueueCustomerMessage(_ request: HandoffRequest, now: Date) throws {
        // Taken over by an agent: the claim that follows sends their introduction, nothing else.
        guard request.takenOverBy == nil else { return }
        try SQLiteHandoffStore.enqueue(db, threadID: request.threadID,
                                       kind: request.afterHours ? .afterHoursMessage : .handoffMessage,
                                       text: request.customerMessage, actor: SQLiteHandoffStore.systemActor, now: now)
        if request.afterHours {
            try SQLiteHandoffStore.enqueue(db, threadID: request.threadID, kind: .afterHoursCaptured,
                                           text: request.callbackAt.map { "callback at \(ISO8601.format($0))" },
                                           actor: SQLiteHandoffStore.systemActor, now: now)
        }
    }

    private mutating func preparedTransition(afterHours: Bool) throws -> (transition: ThreadTransition, statement: Statement) {
        if let prepared = prepared[afterHours] { return prepared }
        var change = ThreadTransition(.handoff, actor: SQLiteHandoffStore.systemActor, afterHours: afterHours)
        // Bound per handoff by `bindHandoffValues`, then the thread id.
        for column in Self.handoffColumns { change.set(column, nil) }
        // The same for every handoff: a fresh wait with no owner, no escalation and no earlier outcome.
        change.set("escalation_level", sql: "0")
        for column in ["owner", "claimed_at", "agent_activity_at", "first_claimed_at", "resolved_at", "released_at",
                       "disposition", "csat", "wait_update_at"] {
            change.set(column, sql: "NULL")
        }
        let entry = (change, try db.cachedStatement(sql: change.sql))
        prepared[afterHours] = entry
        return entry
    }
}
