import Foundation
import BatonCore

/// One message event from the bot platform: a message for a conversation, with the customer and channel when the
/// conversation may be new.
public struct MessageEvent: Sendable {
    public var conversationID: String
    public var channel: Channel?
    public var customer: Customer?
    public var message: Message

    public init(conversationID: String, channel: Channel?, customer: Customer?, message: Message) {
        self.conversationID = conversationID
        self.channel = channel
        self.customer = customer
        self.message = message
    }
}

/// The answer to keep for an `Idempotency-Key`, written in the same transaction as the change it answers.
public struct IdempotentReceipt: Sendable, Equatable {
    public var token: String
    public var key: String
    public var response: StoredResponse
    /// An entry for the key stored before this is overwritten, a newer one kept.
    public var replaces: Date

    public init(token: String, key: String, response: StoredResponse, replaces: Date) {
        self.token = token
        self.key = key
        self.response = response
        self.replaces = replaces
    }
}

/// The reads an answer to a bot needs, as of an open write transaction (so they include its own changes).
///
/// Handed to the `receipts` closure of `HandoffStore.recordEvents`; valid only while that closure runs.
public protocol AnswerFacts: PlanningFacts {
    /// `HandoffStore.thread(id:)` as of the open transaction.
    func thread(id: String) throws -> ThreadDetail?
    /// `IntegrationStore.events(threadID:afterSequence:limit:)` as of the open transaction.
    func events(threadID: String, afterSequence: Int, limit: Int) throws -> [OutboxMessage]
    /// What an answer says of thread `id`, as of the open transaction: `thread(id:)` and `events(threadID:…)`
    /// boiled down, so a store can read only the columns needed. `handedOff` asks for the packet's primary trigger
    /// and the newest handoff text too. Nil when there is no such thread.
    func answeredThread(id: String, handedOff: Bool) throws -> AnsweredThread?
}

extension AnswerFacts {
    public func answeredThread(id: String, handedOff: Bool) throws -> AnsweredThread? {
        guard let detail = try thread(id: id) else { return nil }
        var events: [OutboxMessage] = []
        var after = 0
        while true {
            let page = try self.events(threadID: id, afterSequence: after, limit: 10_000)
            events += page
            guard page.count == 10_000, let last = page.last else { break }
            after = last.sequence
        }
        return AnsweredThread(
            summary: detail.summary, primary: handedOff ? detail.packet?.primary : nil,
            handoffText: handedOff ? events.last { $0.kind == .handoffMessage || $0.kind == .afterHoursMessage }?.text : nil,
            lastSequence: events.last?.sequence ?? 0)
    }
}

/// What an answer to the bot says of a thread (`AnswerFacts.answeredThread(id:handedOff:)`): its summary and
/// outbox position, without its packet, transcript, notes or audit trail.
public struct AnsweredThread: Sendable, Equatable {
    public var summary: ThreadSummary
    /// The context packet's primary trigger, when asked for and the thread has a packet.
    public var primary: FiredTrigger?
    /// The text of the thread's newest handoff or after-hours message, when asked for.
    public var handoffText: String?
    /// The sequence number of the thread's newest outbox event; 0 when it has none.
    public var lastSequence: Int

    public init(summary: ThreadSummary, primary: FiredTrigger?, handoffText: String?, lastSequence: Int) {
        self.summary = summary
        self.primary = primary
        self.handoffText = handoffText
        self.lastSequence = lastSequence
    }
}

/// Answer facts that read queue counts and agents once: valid while nothing changes them, as in the `receipts`
/// closure of `HandoffStore.recordEvents` (its handoffs are all applied before it runs), where every answer of a
/// batch asks for the same figures.
final class MemoizedAnswerFacts: AnswerFacts {
    private let facts: any AnswerFacts
    private var counts: [QueueCounts]?
    private var agentList: [Agent]?

    init(_ facts: any AnswerFacts) {
        self.facts = facts
    }

    func queueCounts() throws -> [QueueCounts] {
        if let counts { return counts }
        let read = try facts.queueCounts()
        counts = read
        return read
    }

    func agents() throws -> [Agent] {
        if let agentList { return agentList }
        let read = try facts.agents()
        agentList = read
        return read
    }

    func openThreadCounts(customerIDs: [String]) throws -> [String: Int] { try facts.openThreadCounts(customerIDs: customerIDs) }
    func thread(id: String) throws -> ThreadDetail? { try facts.thread(id: id) }
    func events(threadID: String, afterSequence: Int, limit: Int) throws -> [OutboxMessage] {
        try facts.events(threadID: threadID, afterSequence: afterSequence, limit: limit)
    }
    func answeredThread(id: String, handedOff: Bool) throws -> AnsweredThread? { try facts.answeredThread(id: id, handedOff: handedOff) }
}

/// What `HandoffStore.recordEvents` stored.
public struct RecordedEvents: Sendable {
    /// One result per event, in order: what was recorded, or why the event was refused (nothing of it stored).
    public var recorded: [Result<RecordOutcome, any Error>]
    /// One result per handoff request the plan returned, in order; a refusal stored nothing for that thread.
    public var handoffs: [Result<ThreadSummary, LifecycleError>]

    public init(recorded: [Result<RecordOutcome, any Error>], handoffs: [Result<ThreadSummary, LifecycleError>]) {
        self.recorded = recorded
        self.handoffs = handoffs
    }
}
