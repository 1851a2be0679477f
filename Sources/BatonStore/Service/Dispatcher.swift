import Foundation
import BatonCore

/// Connects bot input to the store: records messages, runs the escalation engine, plans the
/// handoff and applies it, and fills in what lifecycle operations need from config (deadlines).
///
/// It holds no SQL; every change goes through one `HandoffStore` operation.
public final class Dispatcher: Sendable {
    public let store: any HandoffStore
    public let config: BatonConfig
    public let engine: TriggerEngine
    private let clock: @Sendable () -> Date

    public init(store: any HandoffStore, config: BatonConfig, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.config = config
        self.engine = TriggerEngine(config: config.engine)
        self.clock = clock
    }

    public var now: Date { clock() }

    /// What happened to one input record.
    public enum Outcome: Sendable, Equatable {
        /// Stored; the AI keeps the conversation.
        case keptByAI(threadID: String)
        /// Handed off to a queue (or after-hours).
        case handedOff(ThreadSummary)
        /// A resolved thread whose customer wrote again went back to its queue.
        case reopened(threadID: String)
        /// Stored on a thread humans already have.
        case appended(threadID: String, state: ThreadState)
        case csatRecorded(threadID: String)
        /// Arrived while its queue was closed (or nobody was on shift) under `acknowledge_close`: the customer was
        /// told what was noted, and the thread waits as a follow-up.
        case acknowledgedAfterHours(threadID: String)
        /// Shadow mode: Baton would have handed off as this decision says; it is stored and the AI keeps the
        /// conversation (nothing queued, nothing sent).
        case shadowed(ShadowDecision)
        /// A suggestion for the human was stored (collaborative mode); nothing went to the customer.
        case suggestionStored(threadID: String)
    }

    /// Ingests one record: a conversation, a message event or a CSAT score.
    @discardableResult
    public func ingest(_ record: InputRecord) throws -> Outcome {
        let now = clock()
        var situation = SituationCache(facts: StoreFacts(store: store, now: now))
        var recorded: RecordOutcome
        switch record {
        case .csat(let id, let score):
            try store.recordCSAT(threadID: id, score: score, now: now)
            return .csatRecorded(threadID: id)
        case .suggestion(let id, let suggestion):
            return try suggest(conversationID: id, suggestion: suggestion)
        case .customerLeft(let id):
            return try customerLeft(conversationID: id, now: now)
        case .conversation(let conversation):
            recorded = try store.record(conversation, now: now)
        case .message(let id, let channel, let customer, let message):
            recorded = try store.recordEvent(conversationID: id, channel: channel, customer: customer, message: message, now: now)
        }
        recorded = try withHistory(recorded, now: now)
        switch try process(recorded, decision: decision(recorded), now: now, situation: &situation) {
        case .done(let outcome): return outcome
        case .revisit(let outcome): return try revisit(outcome, now: now)
        case .handoff(let request): return try settle(request, try store.handoff(request, now: now), now: now)
        }
    }

    /// How many conversations `baton ingest` (and the ingest benchmark) gives `ingest(batch:)` at once:
    /// large enough to share one commit among many, small enough to hold the write lock only briefly.
    public static let batchSize = 500
    /// A batch is also cut when its messages' text passes this many bytes, so that a few huge conversations
    /// never make one transaction long: a message near the 1 MiB line limit is recorded alone.
    public static let batchTextBytes = 1 << 20
    /// A batch carrying more text than this is evaluated completely before its write transaction opens, so
    /// the engine's time on long messages never holds the write lock (smaller batches are evaluated on another
    /// core while they are recorded).
    public static let evaluateFirstTextBytes = 64 << 10

    /// Ingests many whole conversations, and hands off those that need it, in ONE store transaction.
    /// Queue counts, agents and open handoffs are read inside it, once per batch, and kept current as
    /// threads join queues; resolved threads whose customer wrote again are reopened afterwards.
    public func ingest(batch conversations: [Conversation]) throws -> [Outcome] {
        let now = clock()
        var outcomes: [Outcome?] = []
        var handoffs: [(slot: Int, request: HandoffRequest)] = []
        var revisits: [(slot: Int, outcome: RecordOutcome)] = []
        // New conversations, the common case, are evaluated (and their packets built) on another core
        // while the batch is recorded.
        // Each customer's earlier contacts (stored, and earlier in this batch) count towards repeat contacts.
        let history = try contactHistory(of: conversations.map(\.customer.id), now: now) + ContactHistory.contacts(in: conversations, now: now)
        let early = EarlyVerdicts(conversations.map { withHistory($0, history, now: now) }, engine: engine,
                                  planner: HandoffPlanner(config: config), now: now)
        defer { early.cancel() }
        let textBytes = conversations.reduce(0) { total, conversation in
            conversation.messages.reduce(total) { $0 + $1.text.utf8.count }
        }
        if textBytes > Self.evaluateFirstTextBytes { _ = early.all() }
        let stored = try store.record(conversations, now: now) { recordedBatch, facts in
            let recordedBatch = recordedBatch.map { recorded in
                var recorded = recorded
                if recorded.state == .ai { recorded.conversation = withHistory(recorded.conversation, history, now: now) }
                return recorded
            }
            var situation = SituationCache(facts: facts)
            // Decisions first, so only the customers of conversations that hand off have their open handoffs read.
            var verdicts = early.all()
            for (slot, recorded) in recordedBatch.enumerated() where !recorded.isNewThread {
                verdicts[slot] = EarlyVerdicts.Verdict(decision: decision(recorded), packet: nil)
            }
            situation.batchCustomers = zip(recordedBatch, verdicts).compactMap { recorded, verdict in
                verdict.decision?.handoff == true ? recorded.conversation.customer.id : nil
            }
            var planned: [String: HandoffRequest] = [:]
            for (recorded, verdict) in zip(recordedBatch, verdicts) {
                // A conversation sent twice in one batch is handed off once; the repeat joins that handoff.
                if let request = planned[recorded.conversation.id] {
                    if request.shadow {
                        outcomes.append(.shadowed(ShadowDecision(request, at: now)))
                        continue
                    }
                    outcomes.append(.appended(threadID: request.threadID, state: request.afterHours ? .afterHours : .queued))
                    continue
                }
                switch try process(recorded, decision: verdict.decision, packet: verdict.packet, now: now, situation: &situation) {
                case .done(let outcome):
                    outcomes.append(outcome)
                case .revisit(let outcome):
                    revisits.append((outcomes.count, outcome))
                    outcomes.append(nil)
                case .handoff(let request):
                    handoffs.append((outcomes.count, request))
                    planned[request.threadID] = request
                    outcomes.append(nil)
                }
            }
            return handoffs.map(\.request)
        }
        for ((slot, request), result) in zip(handoffs, stored.handoffs) {
            switch result {
            case .success(let thread):
                outcomes[slot] = try settle(request, thread, now: now)
            case .failure(.notAllowed(_, let state)):
                // Another process handed the thread off (or closed it) after it was recorded in an earlier batch.
                outcomes[slot] = .appended(threadID: request.threadID, state: state)
            case .failure(let refusal):
                throw refusal
            }
        }
        for (slot, outcome) in revisits {
            outcomes[slot] = try revisit(outcome, now: now)
        }
        return outcomes.compactMap { $0 }
    }

    /// Applies the `acknowledge_close` policy to a handoff that just happened (closed, or nobody on shift): the
    /// customer was told what was noted, and the thread is kept as a follow-up for the opening (or the first
    /// agent on shift), in its place, with no wait updates.
    func settle(_ request: HandoffRequest, _ thread: ThreadSummary, now: Date) throws -> Outcome {
        if request.shadow { return .shadowed(ShadowDecision(request, at: now)) }
        guard needsSettling(request) else { return .handedOff(thread) }
        let reason = request.afterHours ? "closed after hours: kept for \(request.queue)'s opening; the customer was told what was noted"
            : "nobody on shift in \(request.queue): kept for the first agent on shift"
        try store.answerLater(threadID: request.threadID, reason: reason, customerMessage: nil, now: now)
        return .acknowledgedAfterHours(threadID: request.threadID)
    }

    /// Whether `settle` has more to do after the handoff (a second transaction).
    func needsSettling(_ request: HandoffRequest) -> Bool {
        !request.shadow && (request.afterHours || request.nobodyOnShift) && config.queue(named: request.queue).afterHours == .acknowledgeClose
    }

    /// Queue counts, agents and customers' open handoffs for wait estimates, read at most once per batch
    /// and kept current as the batch plans handoffs.
    struct SituationCache {
        let facts: any PlanningFacts
        var counts: [QueueCounts]?
        var agents: [Agent]?
        var openHandoffs: [String: Int] = [:]
        /// The customers of a batch: their open handoffs are read together when the first is needed.
        var batchCustomers: [String] = []

        init(facts: any PlanningFacts) {
            self.facts = facts
        }
    }

    /// `PlanningFacts` read straight from the store, each in its own transaction (single records).
    private struct StoreFacts: PlanningFacts {
        let store: any HandoffStore
        let now: Date

        func queueCounts() throws -> [QueueCounts] { try store.queueCounts(now: now) }
        func agents() throws -> [Agent] { try store.agents() }
        func openThreadCounts(customerIDs: [String]) throws -> [String: Int] { try store.openThreadCounts(customerIDs: customerIDs) }
    }

    /// What to do with one recorded input: an outcome already reached, a reopening, or a handoff to apply.
    enum Step {
        case done(Outcome)
        /// A second operation after the record's transaction (`revisit`): a resolved thread whose customer wrote
        /// again goes back to its queue; a waiting customer who chose to be answered later becomes a follow-up.
        case revisit(RecordOutcome)
        case handoff(HandoffRequest)
    }

    /// The escalation engine's verdict on a recorded conversation the AI holds and that has something new;
    /// nil when there is nothing to evaluate.
    func decision(_ outcome: RecordOutcome) -> HandoffDecision? {
        guard outcome.state == .ai,
              outcome.firstNewMessage < outcome.conversation.messages.count || outcome.isNewThread else { return nil }
        return engine.evaluate(outcome.conversation, from: outcome.evaluateFrom)
    }

    /// Decides what to do with one recorded input. Reads only through `situation.facts`, never the store,
    /// so it can run inside the store's transaction.
    /// - Parameter packet: the packet built ahead for `decision`, if it was.
    func process(_ outcome: RecordOutcome, decision: HandoffDecision?, packet: ContextPacket? = nil, now: Date,
                         situation: inout SituationCache) throws -> Step {
        let id = outcome.conversation.id
        switch outcome.state {
        case .ai:
            guard let decision, decision.handoff else { return .done(.keptByAI(threadID: id)) }
            if situation.counts == nil { situation.counts = try situation.facts.queueCounts() }
            if situation.agents == nil { situation.agents = try situation.facts.agents() }
            let customer = outcome.conversation.customer.id
            if situation.openHandoffs[customer] == nil, !situation.batchCustomers.isEmpty {
                situation.openHandoffs.merge(try situation.facts.openThreadCounts(customerIDs: situation.batchCustomers)) { planned, _ in planned }
                situation.batchCustomers = []
            }
            let open = try situation.openHandoffs[customer] ?? situation.facts.openThreadCounts(customerIDs: [customer])[customer] ?? 0
            let facts = HandoffPlanner.Situation(counts: situation.counts ?? [], agents: situation.agents ?? [], openHandoffs: open)
            guard let request = HandoffPlanner(config: config).plan(conversation: outcome.conversation, decision: decision,
                                                                    situation: facts, now: now, packet: packet) else {
                return .done(.keptByAI(threadID: id))
            }
            let moded = applyingMode(request)
            // A shadow decision changes nothing: no queue grows, the customer has no open handoff.
            if moded.shadow { return .handoff(moded) }
            situation.openHandoffs[customer] = open + 1
            situation.counts?.join(queue: request.queue)
            return .handoff(request)
        case .resolved where outcome.customerWroteAgain:
            return .revisit(outcome)
        case .queued where outcome.customerWroteAgain
            && AsyncFallback.isChoice(outcome.conversation.messages.last(where: { $0.role == .customer })?.text ?? ""):
            return .revisit(outcome)
        default:
            return .done(.appended(threadID: id, state: outcome.state))
        }
    }

    /// Puts a resolved thread whose customer wrote again back in its queue; makes a waiting thread whose
    /// customer chose not to wait a follow-up, and tells them so in their language.
    func revisit(_ outcome: RecordOutcome, now: Date) throws -> Outcome {
        let id = outcome.conversation.id
        if outcome.state == .queued {
            let customer = outcome.conversation.customer
            let text = Templates.fill(config.templates.asyncConfirmationMessage(language: customer.language ?? "en"),
                                      ["name": Templates.firstName(of: customer.name)])
            try store.answerLater(threadID: id, reason: "the customer chose to be answered later", customerMessage: text, now: now)
            return .appended(threadID: id, state: .queued)
        }
        let queue = config.queue(named: try store.thread(id: id)?.summary.queue ?? config.engine.defaultQueue)
        let afterHours = !queue.hours.isOpen(at: now)
        try store.reopen(threadID: id, pickupDeadline: queue.pickupDeadline(waitStartingAt: now), afterHours: afterHours, now: now)
        return .reopened(threadID: id)
    }

    // MARK: Lifecycle operations that need config

    public func transfer(threadID: String, actor: String, toQueue: String, reason: String?) throws {
        guard config.allQueueNames.contains(toQueue) else { throw LifecycleError.noSuchQueue(toQueue) }
        let now = clock()
        try store.transfer(threadID: threadID, actor: actor, toQueue: toQueue, reason: reason,
                           pickupDeadline: config.queue(named: toQueue).pickupDeadline(waitStartingAt: now), now: now)
    }

    public func requeue(threadID: String, actor: String, reason: String?) throws {
        let now = clock()
        let queue = try store.thread(id: threadID)?.summary.queue ?? config.engine.defaultQueue
        try store.requeue(threadID: threadID, actor: actor, reason: reason,
                          pickupDeadline: config.queue(named: queue).pickupDeadline(waitStartingAt: now), now: now)
    }

    /// Runs one sweep over every configured queue.
    ///
    /// A store may work a large backlog off in bounded batches (so no sweep holds the write lock for
    /// long); this repeats until a pass finds nothing left, so one call settles everything that is due.
    public func sweep() throws -> SweepReport {
        let now = clock()
        var total = SweepReport()
        for _ in 0..<10_000 {
            let pass = try store.sweep(now: now, queues: config.queues)
            if pass.isEmpty { break }
            total.escalated += pass.escalated
            total.expired += pass.expired
            total.opened += pass.opened
            total.left += pass.left
            total.offersExpired += pass.offersExpired
        }
        // Updates too may come in bounded batches; an updated customer is not due again within the interval.
        let planner = WaitUpdatePlanner(config: config)
        for _ in 0..<10_000 {
            let sent = try store.sendWaitUpdates(now: now, minimumInterval: config.waitUpdateInterval) { due, facts in
                planner.updates(for: due, counts: try facts.queueCounts(), agents: try facts.agents(), now: now)
            }
            if sent.isEmpty { break }
            total.waitUpdates += sent.map(\.threadID)
        }
        return total
    }

    /// Figures for `baton stats` and the supervisor view.
    public func stats(since: Date) throws -> HandoffStats {
        var stats = HandoffStats.compute(try store.metricFacts(since: since))
        // Repeat contacts from the store's own history: conversations and reopens, by customer and topic.
        let window = config.engine.repeatContactWindowDays
        let contacts = try store.customerContacts(customerIDs: nil, since: since.addingTimeInterval(-Double(window) * 86_400))
        stats.repeatContactRate = ContactHistory.repeatRate(contacts, since: since, windowDays: window)?.rate ?? 0
        return stats
    }
}
