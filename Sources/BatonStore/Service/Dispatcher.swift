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
    }

    /// Ingests one record: a conversation, a message event or a CSAT score.
    @discardableResult
    public func ingest(_ record: InputRecord) throws -> Outcome {
        let now = clock()
        var situation = SituationCache()
        switch record {
        case .csat(let id, let score):
            try store.recordCSAT(threadID: id, score: score, now: now)
            return .csatRecorded(threadID: id)
        case .conversation(let conversation):
            return try process(store.record(conversation, now: now), now: now, situation: &situation)
        case .message(let id, let channel, let customer, let message):
            let outcome = try store.recordEvent(conversationID: id, channel: channel, customer: customer, message: message, now: now)
            return try process(outcome, now: now, situation: &situation)
        }
    }

    /// Ingests many whole conversations in one store transaction, then hands off those that need it.
    /// Queue counts and agents are read once per batch and kept current as threads join queues.
    public func ingest(batch conversations: [Conversation]) throws -> [Outcome] {
        let now = clock()
        var situation = SituationCache()
        return try store.record(conversations, now: now).map { try process($0, now: now, situation: &situation) }
    }

    /// Queue counts and agents for wait estimates, read at most once per batch.
    private struct SituationCache {
        var counts: [QueueCounts]?
        var agents: [Agent]?
    }

    private func process(_ outcome: RecordOutcome, now: Date, situation: inout SituationCache) throws -> Outcome {
        let id = outcome.conversation.id
        switch outcome.state {
        case .ai:
            guard outcome.firstNewMessage < outcome.conversation.messages.count || outcome.isNewThread else {
                return .keptByAI(threadID: id)
            }
            let decision = engine.evaluate(outcome.conversation, from: outcome.evaluateFrom)
            guard decision.handoff else { return .keptByAI(threadID: id) }
            if situation.counts == nil { situation.counts = try store.queueCounts(now: now) }
            if situation.agents == nil { situation.agents = try store.agents() }
            let facts = HandoffPlanner.Situation(counts: situation.counts ?? [], agents: situation.agents ?? [],
                                                 openHandoffs: try store.openThreadCount(customerID: outcome.conversation.customer.id))
            guard let request = HandoffPlanner(config: config).plan(conversation: outcome.conversation, decision: decision,
                                                                    situation: facts, now: now) else {
                return .keptByAI(threadID: id)
            }
            let thread = try store.handoff(request, now: now)
            if let index = situation.counts?.firstIndex(where: { $0.queue == thread.queue }) {
                situation.counts?[index].waiting += 1
            }
            return .handedOff(thread)
        case .resolved where outcome.customerWroteAgain:
            let queue = config.queue(named: try store.thread(id: id)?.summary.queue ?? config.engine.defaultQueue)
            let afterHours = !queue.hours.isOpen(at: now)
            try store.reopen(threadID: id, pickupDeadline: deadline(for: queue, now: now), afterHours: afterHours, now: now)
            return .reopened(threadID: id)
        default:
            return .appended(threadID: id, state: outcome.state)
        }
    }

    /// When the pickup window of a wait that starts now runs out, honouring opening hours.
    public func deadline(for queue: QueueConfig, now: Date) -> Date {
        let start = queue.hours.isOpen(at: now) ? now : (queue.hours.nextOpening(after: now) ?? now)
        return start.addingTimeInterval(queue.pickupWindow)
    }

    // MARK: Lifecycle operations that need config

    public func transfer(threadID: String, actor: String, toQueue: String, reason: String?) throws {
        guard config.allQueueNames.contains(toQueue) else { throw LifecycleError.noSuchQueue(toQueue) }
        let now = clock()
        try store.transfer(threadID: threadID, actor: actor, toQueue: toQueue, reason: reason,
                           pickupDeadline: deadline(for: config.queue(named: toQueue), now: now), now: now)
    }

    public func requeue(threadID: String, actor: String, reason: String?) throws {
        let now = clock()
        let queue = try store.thread(id: threadID)?.summary.queue ?? config.engine.defaultQueue
        try store.requeue(threadID: threadID, actor: actor, reason: reason,
                          pickupDeadline: deadline(for: config.queue(named: queue), now: now), now: now)
    }

    /// Runs one sweep over every configured queue.
    public func sweep() throws -> SweepReport {
        try store.sweep(now: clock(), queues: config.queues)
    }

    /// Figures for `baton stats` and the supervisor view.
    public func stats(since: Date) throws -> HandoffStats {
        HandoffStats.compute(try store.metricFacts(since: since))
    }
}
