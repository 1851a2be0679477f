import Foundation
import GRDB
import BatonCore

/// Lifecycle operations: each is one transaction with a compare-and-set, an audit row and its outbox messages.
extension SQLiteHandoffStore {
    /// The actor recorded for actions the bot platform or the engine asks for.
    static let systemActor = "system"
    static let sweeperActor = "sweeper"

    @discardableResult
    public func handoff(_ request: HandoffRequest, now: Date) throws -> ThreadSummary {
        let packet = try Self.validatedPacket(request)
        return try write { db in
            if request.shadow { return try Self.recordShadow(request, newThread: nil, now: now, in: db).get() }
            var writer = HandoffWriter(db)
            return try writer.apply(request, packet: packet, now: now)
        }
    }

    @discardableResult
    public func handoff(_ requests: [HandoffRequest], now: Date) throws -> [Result<ThreadSummary, LifecycleError>] {
        guard !requests.isEmpty else { return [] }
        let packets = try requests.map { try Self.validatedPacket($0) }
        return try write { db in try Self.applyHandoffs(requests, packets: packets, now: now, in: db) }
    }

    /// Applies many handoffs inside an open write transaction; a refusal is reported in its slot.
    /// A thread `newThread` hands over (one held back by a `ConversationRecorder`) is inserted already handed off;
    /// `deferredThread` shows such a thread without taking it (for a shadow request, which leaves it to the AI).
    static func applyHandoffs(_ requests: [HandoffRequest], packets: [[UInt8]]? = nil, now: Date, in db: Database,
                              newThread: (String) -> ConversationRecorder.NewThread? = { _ in nil },
                              deferredThread: (String) -> ConversationRecorder.NewThread? = { _ in nil })
        throws -> [Result<ThreadSummary, LifecycleError>] {
        let packets = try packets ?? requests.map { try validatedPacket($0) }
        var writer = HandoffWriter(db)
        let results = try zip(requests, packets).map { request, packet -> Result<ThreadSummary, LifecycleError> in
            // Shadow mode: the decision is stored, a new thread is left to be inserted with the AI.
            if request.shadow { return try recordShadow(request, newThread: deferredThread(request.threadID), now: now, in: db) }
            if let thread = newThread(request.threadID) {
                return .success(try writer.applyToNewThread(thread, request, packet: packet, now: now))
            }
            // A refused compare-and-set has written nothing, so the other handoffs can go on.
            do {
                return .success(try writer.apply(request, packet: packet, now: now))
            } catch let refusal as LifecycleError {
                return .failure(refusal)
            }
        }
        try writer.finish()
        return results
    }

    /// Checks a handoff request and encodes its packet.
    private static func validatedPacket(_ request: HandoffRequest) throws -> [UInt8] {
        try Validate.identifier(request.threadID, "handoff thread id")
        try Validate.identifier(request.queue, "handoff queue for thread \(request.threadID)")
        try Validate.text(request.customerMessage, "customer message of the handoff of thread \(request.threadID)")
        return try StoreJSON.packet(request.packet)
    }

    @discardableResult
    public func claim(threadID: String, agent: String, now: Date) throws -> ThreadSummary {
        try Validate.identifier(agent, "claiming agent")
        return try write { db in
            try Self.authorize(.claim, actor: agent, in: db)
            var change = ThreadTransition(.claim, actor: agent)
            Self.assignOwner(agent, now: now, to: &change)
            let outcome = try change.run(threadID: threadID, now: now, in: db)
            try Self.checkCapacity(of: agent, in: db)
            try Self.announce(agent: agent, threadID: threadID, now: now, in: db)
            return outcome.summary
        }
    }

    @discardableResult
    public func claimNext(agent: String, queues: [String]?, now: Date) throws -> ThreadSummary? {
        try Validate.identifier(agent, "claiming agent")
        if let queues, queues.isEmpty { return nil }
        return try write { db in
            try Self.authorize(.claim, actor: agent, in: db)
            // The write lock is held from here: the most urgent waiting thread cannot be taken by anyone else.
            guard let next = try ThreadListing.page(ThreadQuery(queues: queues, states: [.queued, .afterHours], limit: 1), in: db).first
            else { return nil }
            var change = ThreadTransition(.claim, actor: agent)
            Self.assignOwner(agent, now: now, to: &change)
            let outcome = try change.run(threadID: next.id, now: now, in: db)
            try Self.checkCapacity(of: agent, in: db)
            try Self.announce(agent: agent, threadID: next.id, now: now, in: db)
            return outcome.summary
        }
    }

    public func reply(threadID: String, agent: String, text: String, now: Date) throws {
        try Validate.identifier(agent, "replying agent")
        try Validate.text(text, "reply to thread \(threadID)")
        try write { db in
            try Self.authorize(.reply, actor: agent, in: db)
            var change = ThreadTransition(.reply, actor: agent)
            Self.assignAgentActivity(now: now, to: &change)
            try change.run(threadID: threadID, now: now, in: db)
            // Agent replies join the transcript outside the bot's index sequence (idx NULL).
            try db.cachedStatement(sql: "INSERT INTO messages (conversation_id, idx, role, text, at) VALUES (?, NULL, ?, ?, ?)")
                .execute(arguments: [threadID, Role.agent.rawValue, text, now.storeValue])
            try Self.enqueue(db, threadID: threadID, kind: Self.agentMessageKind(.agentReply, threadID: threadID, now: now, in: db),
                             text: text, actor: agent, now: now)
            try Self.deleteDraft(threadID: threadID, agent: agent, kind: .reply, in: db)
        }
    }

    public func note(threadID: String, agent: String, text: String, now: Date) throws {
        try Validate.identifier(agent, "agent writing the note")
        try Validate.text(text, "note on thread \(threadID)")
        try write { db in
            try Self.authorize(.note, actor: agent, in: db)
            var change = ThreadTransition(.note, actor: agent)
            Self.assignAgentActivity(now: now, to: &change)
            try change.run(threadID: threadID, now: now, in: db)
            try Self.addNote(db, threadID: threadID, author: agent, text: text, now: now)
            try Self.deleteDraft(threadID: threadID, agent: agent, kind: .note, in: db)
        }
    }

    public func transfer(threadID: String, actor: String, toQueue: String, reason: String?, pickupDeadline: Date,
                         now: Date) throws {
        try Validate.identifier(actor, "agent transferring thread \(threadID)")
        try Validate.identifier(toQueue, "transfer target queue for thread \(threadID)")
        try Validate.optionalText(reason, "transfer reason")
        try write { db in
            try Self.authorize(.transfer, actor: actor, in: db)
            var change = ThreadTransition(.transfer, actor: actor, reason: Self.joined("to \(toQueue)", reason))
            change.set("queue", toQueue)
            Self.assignWait(pickupDeadline: pickupDeadline, now: now, keepingWait: true, to: &change)
            let outcome = try change.run(threadID: threadID, now: now, in: db)
            try Self.recordHandleTime(outcome, now: now, in: db)
        }
    }

    public func requeue(threadID: String, actor: String, reason: String?, pickupDeadline: Date, now: Date) throws {
        try Validate.identifier(actor, "agent re-queueing thread \(threadID)")
        try Validate.optionalText(reason, "re-queue reason")
        try write { db in
            try Self.authorize(.requeue, actor: actor, in: db)
            var change = ThreadTransition(.requeue, actor: actor, reason: reason)
            Self.assignWait(pickupDeadline: pickupDeadline, now: now, keepingWait: true, to: &change)
            let outcome = try change.run(threadID: threadID, now: now, in: db)
            try Self.recordHandleTime(outcome, now: now, in: db)
        }
    }

    public func release(threadID: String, agent: String, note: String?, now: Date) throws {
        try Validate.identifier(agent, "agent releasing thread \(threadID)")
        try Validate.optionalText(note, "release note")
        try write { db in
            try Self.authorize(.release, actor: agent, in: db)
            var change = ThreadTransition(.release, actor: agent, reason: note)
            Self.assignReturnToAI(now: now, to: &change)
            let outcome = try change.run(threadID: threadID, now: now, in: db)
            try Self.recordHandleTime(outcome, now: now, in: db)
            try Self.enqueue(db, threadID: threadID, kind: .releasedToAI, text: note, actor: agent, now: now)
        }
    }

    public func resolve(threadID: String, agent: String, disposition: Disposition, note: String?, now: Date) throws {
        try Validate.identifier(agent, "agent resolving thread \(threadID)")
        try Validate.optionalText(note, "resolution note")
        try write { db in
            try Self.authorize(.resolve, actor: agent, in: db)
            var change = ThreadTransition(.resolve, actor: agent, reason: Self.joined(disposition.rawValue, note))
            Self.assignResolved(disposition, now: now, to: &change)
            let outcome = try change.run(threadID: threadID, now: now, in: db)
            try Self.recordHandleTime(outcome, now: now, in: db)
            if let note, !note.isEmpty {
                try Self.addNote(db, threadID: threadID, author: agent, text: note, now: now)
            }
            try Self.enqueue(db, threadID: threadID, kind: .resolved, text: nil, actor: agent, now: now)
        }
    }

    public func reopen(threadID: String, pickupDeadline: Date, afterHours: Bool, now: Date) throws {
        try write { db in
            var change = ThreadTransition(.reopen, actor: Self.systemActor, reason: "customer wrote again",
                                          afterHours: afterHours)
            Self.assignWait(pickupDeadline: pickupDeadline, now: now, to: &change)
            change.set("resolved_at", nil)
            change.set("disposition", nil)
            // A new wait: captured again only if the queue is closed now (`QueueOrder`).
            let ranks = Priority.allCases.map { "WHEN '\($0.rawValue)' THEN \(QueueOrder.rank($0, captured: afterHours))" }
            change.set("priority_rank", sql: "CASE priority \(ranks.joined(separator: " ")) ELSE priority_rank END")
            try change.run(threadID: threadID, now: now, in: db)
        }
    }

    public func forceRelease(threadID: String, supervisor: String, reason: String, now: Date) throws {
        try Validate.identifier(supervisor, "supervisor force-releasing thread \(threadID)")
        try Validate.text(reason, "force-release reason for thread \(threadID)")
        try write { db in
            try Self.authorize(.forceRelease, actor: supervisor, in: db)
            var change = ThreadTransition(.forceRelease, actor: supervisor, reason: reason)
            Self.assignReturnToAI(now: now, to: &change)
            let outcome = try change.run(threadID: threadID, now: now, in: db)
            try Self.recordHandleTime(outcome, now: now, in: db)
            try Self.enqueue(db, threadID: threadID, kind: .releasedToAI, text: nil, actor: supervisor, now: now)
        }
    }

    public func reassign(threadID: String, supervisor: String, toAgent: String, reason: String, now: Date) throws {
        try Validate.identifier(supervisor, "supervisor reassigning thread \(threadID)")
        try Validate.identifier(toAgent, "agent to reassign thread \(threadID) to")
        try Validate.text(reason, "reassignment reason for thread \(threadID)")
        try write { db in
            try Self.authorize(.reassign, actor: supervisor, in: db)
            try Permissions.checkAssignee(toAgent, registered: try Self.agent(toAgent, in: db))
            var change = ThreadTransition(.reassign, actor: supervisor, reason: Self.joined("to \(toAgent)", reason))
            Self.assignOwner(toAgent, now: now, to: &change)
            try change.run(threadID: threadID, now: now, in: db)
            try Self.announce(agent: toAgent, threadID: threadID, now: now, in: db)
        }
    }

    public func recordCSAT(threadID: String, score: Int, now: Date) throws {
        guard (1...5).contains(score) else {
            throw StoreError.invalidInput("CSAT score for thread \(threadID) must be 1 to 5, got \(score)")
        }
        try write { db in
            try db.cachedStatement(sql: "UPDATE threads SET csat = ? WHERE id = ?").execute(arguments: [score, threadID])
            guard db.changesCount == 1 else { throw LifecycleError.noSuchThread(threadID) }
            try db.cachedStatement(sql: "INSERT INTO csat (thread_id, score, at) VALUES (?, ?, ?)")
                .execute(arguments: [threadID, score, now.storeValue])
        }
    }

    // MARK: Shared pieces

    /// Refuses a claim that puts a registered agent over capacity; throwing rolls the claim back.
    /// Only registered agents claim (`Permissions`); supervisors' reassignments may exceed capacity.
    static func checkCapacity(of agent: String, in db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT capacity, (SELECT COUNT(*) FROM threads WHERE owner = agents.id AND state = 'claimed') FROM agents WHERE id = ?
            """), arguments: [agent]) else { return }
        let capacity: Int = row[0]
        let load: Int = row[1]
        if load > capacity { throw LifecycleError.atCapacity(agent: agent, capacity: capacity) }
    }

    static func assignOwner(_ agent: String, now: Date, to change: inout ThreadTransition) {
        change.set("owner", agent)
        change.set("claimed_at", now.storeValue)
        change.assignments.append("first_claimed_at = COALESCE(first_claimed_at, ?)")
        change.arguments.append(now.storeValue)
        assignAgentActivity(now: now, to: &change)
    }

    /// The owner did something: claim expiry counts from now.
    static func assignAgentActivity(now: Date, to change: inout ThreadTransition) {
        change.set("agent_activity_at", now.storeValue)
        change.set("last_activity_at", now.storeValue)
    }

    /// Back in a queue, unclaimed, with a new pickup window. `keepingWait` keeps the time the customer has
    /// waited so far (a transfer or re-queue does not make them newer in line); otherwise the wait starts now.
    static func assignWait(pickupDeadline: Date, now: Date, keepingWait: Bool = false, to change: inout ThreadTransition) {
        change.set("owner", nil)
        if keepingWait {
            change.assignments.append("queued_at = COALESCE(queued_at, ?)")
            change.arguments.append(now.storeValue)
        } else {
            change.set("queued_at", now.storeValue)
        }
        change.set("pickup_deadline", pickupDeadline.storeValue)
        change.set("claimed_at", nil)
        change.set("agent_activity_at", nil)
        change.set("last_activity_at", now.storeValue)
    }

    /// Back to the bot; trigger evaluation restarts after the messages the bot has sent so far.
    static func assignReturnToAI(now: Date, to change: inout ThreadTransition) {
        change.set("owner", nil)
        change.set("pickup_deadline", nil)
        change.set("agent_activity_at", nil)
        change.set("released_at", now.storeValue)
        change.set("last_activity_at", now.storeValue)
        change.set("evaluate_from", sql: "(SELECT bot_message_count FROM conversations WHERE id = threads.id)")
    }

    /// Closed; like a release, earlier messages must not fire triggers again.
    static func assignResolved(_ disposition: Disposition, now: Date, to change: inout ThreadTransition) {
        change.set("owner", nil)
        change.set("pickup_deadline", nil)
        change.set("agent_activity_at", nil)
        change.set("resolved_at", now.storeValue)
        change.set("disposition", disposition.rawValue)
        change.set("last_activity_at", now.storeValue)
        change.set("evaluate_from", sql: "(SELECT bot_message_count FROM conversations WHERE id = threads.id)")
    }

    /// The control event when an agent takes a thread, and the customer-facing introduction the first time
    /// this agent takes this thread (claiming it again, or getting it back by reassignment, says nothing).
    static func announce(agent: String, threadID: String, now: Date, in db: Database) throws {
        try enqueue(db, threadID: threadID, kind: .claimed, text: nil, actor: agent, now: now)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO introductions (thread_id, agent) VALUES (?, ?)")
            .execute(arguments: [threadID, agent])
        guard db.changesCount == 1 else { return }
        let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM agents WHERE id = ?"), arguments: [agent])
        let template = try String.fetchOne(db.cachedStatement(sql: "SELECT introduction FROM threads WHERE id = ?"), arguments: [threadID])
        // The template was chosen at handoff (config, customer's language); only the name is known now.
        let introduction = Templates.fill(template ?? Templates.defaultIntroduction["en"] ?? "{agent} has joined the conversation.",
                                          ["agent": (name?.isEmpty == false ? name : nil) ?? agent])
        try enqueue(db, threadID: threadID, kind: agentMessageKind(.agentIntroduction, threadID: threadID, now: now, in: db),
                    text: introduction, actor: agent, now: now)
    }

    /// Appends an event to the outbox with the thread's next sequence number and its holder once the change
    /// made in this transaction is applied (so the thread's state must already be written).
    static func enqueue(_ db: Database, threadID: String, kind: OutboxKind, text: String?, actor: String, now: Date) throws {
        var row = DirectBinding(try db.cachedStatement(sql: enqueueSQL))
        for value in [threadID, kind.rawValue, text, actor] { row.bind(value) }
        row.bind(now.storeValue)
        try row.execute()
        guard db.changesCount == 1 else { throw StoreError.corrupt("outbox event \(kind.rawValue) for unknown thread \(threadID)") }
    }

    private static let enqueueSQL = """
        INSERT INTO outbox (thread_id, kind, text, actor, created_at, seq, holder)
        SELECT ?1, ?2, ?3, ?4, ?5, COALESCE((SELECT MAX(seq) FROM outbox WHERE thread_id = ?1), 0) + 1,
               \(StoreSchema.holderCase("state"))
        FROM threads WHERE id = ?1
        """

    static func addNote(_ db: Database, threadID: String, author: String, text: String, now: Date) throws {
        try db.cachedStatement(sql: "INSERT INTO notes (thread_id, author, text, at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [threadID, author, text, now.storeValue])
    }

    /// Remembers how long a finished claim lasted, for the queue's wait estimate.
    static func recordHandleTime(_ outcome: ThreadTransition.Outcome, now: Date, in db: Database) throws {
        guard outcome.from == .claimed, let claimedAt = outcome.claimedAt else { return }
        try db.cachedStatement(sql: "INSERT INTO handle_times (thread_id, queue, seconds, at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [outcome.summary.id, outcome.summary.queue, now.timeIntervalSince(claimedAt), now.storeValue])
    }

    static func joined(_ head: String, _ tail: String?) -> String {
        guard let tail, !tail.isEmpty else { return head }
        return "\(head): \(tail)"
    }
}
