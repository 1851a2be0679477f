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
        switch record {
        case .csat(let id, let score):
            try store.recordCSAT(threadID: id, score: score, now: now)
            return .csatRecorded(threadID: id)
        case .conversation(let conversation):
            return try process(store.record(conversation, now: now), now: now)
        case .message(let id, let channel, let customer, let message):
            let conversation = try conversationForEvent(id: id, channel: channel, customer: customer, message: message)
            return try process(store.record(conversation, now: now), now: now)
        }
    }

    /// Ingests many whole conversations in one store transaction, then hands off those that need it.
    public func ingest(batch conversations: [Conversation]) throws -> [Outcome] {
        let now = clock()
        return try store.record(conversations, now: now).map { try process($0, now: now) }
    }

    private func conversationForEvent(id: String, channel: Channel?, customer: Customer?, message: Message) throws -> Conversation {
        if var existing = try store.conversation(id: id) {
            existing.messages.append(message)
            if let customer { existing.customer = customer }
            return existing
        }
        guard let customer else {
            throw DispatchError.unknownConversation(id)
        }
        return Conversation(id: id, channel: channel ?? .webchat, customer: customer, messages: [message])
    }

    private func process(_ outcome: RecordOutcome, now: Date) throws -> Outcome {
        let id = outcome.conversation.id
        switch outcome.state {
        case .ai:
            guard outcome.firstNewMessage < outcome.conversation.messages.count || outcome.isNewThread else {
                return .keptByAI(threadID: id)
            }
            let decision = engine.evaluate(outcome.conversation, from: outcome.evaluateFrom)
            guard decision.handoff else { return .keptByAI(threadID: id) }
            let situation = HandoffPlanner.Situation(counts: try store.queueCounts(now: now), agents: try store.agents(),
                                                     openHandoffs: try openHandoffs(of: outcome.conversation.customer.id, except: id))
            guard let request = HandoffPlanner(config: config).plan(conversation: outcome.conversation, decision: decision,
                                                                    situation: situation, now: now) else {
                return .keptByAI(threadID: id)
            }
            return .handedOff(try store.handoff(request, now: now))
        case .resolved where outcome.customerWroteAgain:
            let thread = try store.thread(id: id)
            let queue = config.queue(named: thread?.summary.queue ?? config.engine.defaultQueue)
            let afterHours = !queue.hours.isOpen(at: now)
            try store.reopen(threadID: id, pickupDeadline: deadline(for: queue, now: now), afterHours: afterHours, now: now)
            return .reopened(threadID: id)
        default:
            return .appended(threadID: id, state: outcome.state)
        }
    }

    private func openHandoffs(of customerID: String, except threadID: String) throws -> Int {
        try store.openThreadCount(customerID: customerID) - (try store.thread(id: threadID)?.summary.state.isWaiting == true ? 1 : 0)
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

/// Why an input record could not be dispatched.
public enum DispatchError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownConversation(String)

    public var description: String {
        switch self {
        case .unknownConversation(let id):
            "conversation \(id) is unknown; its first message event must carry \"customer\""
        }
    }
}
