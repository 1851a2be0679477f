import Foundation

/// Everything the store needs to move a thread from the AI to a queue, decided by the core.
public struct HandoffRequest: Sendable, Equatable {
    public var threadID: String
    public var queue: String
    public var priority: Priority
    public var packet: ContextPacket
    /// The queue is closed: the thread waits as `.afterHours`.
    public var afterHours: Bool
    public var pickupDeadline: Date
    /// Customer-facing text for the outbox (handoff or after-hours message).
    public var customerMessage: String
    /// For the `callback` after-hours policy: when the customer asked to be called back.
    public var callbackAt: Date?
    /// Suggested agent from routing, if any.
    public var suggestedAgent: String?
    /// The customer-facing introduction sent when an agent claims, in the customer's language;
    /// `{agent}` is filled with the agent's name at claim time.
    public var introduction: String

    public init(threadID: String, queue: String, priority: Priority, packet: ContextPacket, afterHours: Bool,
                pickupDeadline: Date, customerMessage: String, callbackAt: Date? = nil, suggestedAgent: String? = nil,
                introduction: String = Templates.defaultIntroduction["en"] ?? "A member of our team, {agent}, has joined the conversation.") {
        self.threadID = threadID
        self.queue = queue
        self.priority = priority
        self.packet = packet
        self.afterHours = afterHours
        self.pickupDeadline = pickupDeadline
        self.customerMessage = customerMessage
        self.callbackAt = callbackAt
        self.suggestedAgent = suggestedAgent
        self.introduction = introduction
    }
}

/// What `record` changed.
public struct RecordOutcome: Sendable, Equatable {
    /// The conversation as stored now, all messages.
    public var conversation: Conversation
    public var state: ThreadState
    /// Index of the first message the store had not seen before; equals the count when nothing was new.
    public var firstNewMessage: Int
    /// Index from which the escalation engine should look for triggers (after the last release to the AI).
    public var evaluateFrom: Int
    public var isNewThread: Bool

    public init(conversation: Conversation, state: ThreadState, firstNewMessage: Int, evaluateFrom: Int, isNewThread: Bool) {
        self.conversation = conversation
        self.state = state
        self.firstNewMessage = firstNewMessage
        self.evaluateFrom = evaluateFrom
        self.isNewThread = isNewThread
    }

    /// Whether the customer wrote something new in this batch.
    public var customerWroteAgain: Bool {
        conversation.messages[firstNewMessage...].contains { $0.role == .customer }
    }
}

/// Which threads to list, one page at a time.
public struct ThreadQuery: Sendable, Equatable {
    public var queues: [String]?
    public var states: Set<ThreadState>
    public var owner: String?
    public var limit: Int
    public var offset: Int

    public init(queues: [String]? = nil, states: Set<ThreadState> = [.queued, .afterHours, .claimed], owner: String? = nil,
                limit: Int = 100, offset: Int = 0) {
        self.queues = queues
        self.states = states
        self.owner = owner
        self.limit = limit
        self.offset = offset
    }
}

/// A thread with everything the console's packet panel shows.
public struct ThreadDetail: Sendable, Equatable {
    public var summary: ThreadSummary
    public var packet: ContextPacket?
    /// Every message, including agent replies after the handoff.
    public var messages: [Message]
    public var notes: [ThreadNote]
    public var audit: [AuditEntry]
    public var callbackAt: Date?

    public init(summary: ThreadSummary, packet: ContextPacket?, messages: [Message], notes: [ThreadNote], audit: [AuditEntry], callbackAt: Date? = nil) {
        self.summary = summary
        self.packet = packet
        self.messages = messages
        self.notes = notes
        self.audit = audit
        self.callbackAt = callbackAt
    }
}

/// A private note on a thread; never shown to the customer.
public struct ThreadNote: Sendable, Equatable, Codable {
    public var author: String
    public var text: String
    public var at: Date

    public init(author: String, text: String, at: Date) {
        self.author = author
        self.text = text
        self.at = at
    }
}

/// Per-queue counts for the queue bar and the wait estimate.
public struct QueueCounts: Sendable, Equatable {
    public var queue: String
    public var waiting: Int
    public var claimed: Int
    public var oldestQueuedAt: Date?
    public var nearestDeadline: Date?
    /// Waiting threads past their pickup deadline.
    public var breached: Int
    /// Re-queues by the sweeper in the last 24 hours.
    public var escalations: Int
    /// Handle times (claim to resolve or release) of recently finished threads, newest first.
    public var recentHandleTimes: [TimeInterval]

    public init(queue: String, waiting: Int, claimed: Int, oldestQueuedAt: Date?, nearestDeadline: Date?, breached: Int,
                escalations: Int, recentHandleTimes: [TimeInterval]) {
        self.queue = queue
        self.waiting = waiting
        self.claimed = claimed
        self.oldestQueuedAt = oldestQueuedAt
        self.nearestDeadline = nearestDeadline
        self.breached = breached
        self.escalations = escalations
        self.recentHandleTimes = recentHandleTimes
    }
}

/// What one sweep did.
public struct SweepReport: Sendable, Equatable {
    /// Threads re-queued with a raised escalation level after a pickup-window breach.
    public var escalated: [String] = []
    /// Claims that expired, with where they went.
    public var expired: [String] = []
    /// After-hours threads that joined their queue at opening.
    public var opened: [String] = []

    public init(escalated: [String] = [], expired: [String] = [], opened: [String] = []) {
        self.escalated = escalated
        self.expired = expired
        self.opened = opened
    }

    public var isEmpty: Bool { escalated.isEmpty && expired.isEmpty && opened.isEmpty }
}

/// A recorded pickup-window breach, for supervisors.
public struct EscalationNotice: Sendable, Equatable, Codable {
    public var threadID: String
    public var queue: String
    public var level: Int
    public var at: Date

    public init(threadID: String, queue: String, level: Int, at: Date) {
        self.threadID = threadID
        self.queue = queue
        self.level = level
        self.at = at
    }
}
