/// Which threads to list, in what order, one page at a time.
public struct ThreadQuery: Sendable, Equatable {
    public var queues: [String]?
    public var states: Set<ThreadState>
    public var owner: String?
    /// Only threads whose customer, id, trigger, queue or message text contains this (case and accents ignored).
    public var search: String?
    public var order: ThreadOrder
    public var limit: Int
    public var offset: Int

    public init(queues: [String]? = nil, states: Set<ThreadState> = [.queued, .afterHours, .claimed], owner: String? = nil,
                search: String? = nil, order: ThreadOrder = .priority, limit: Int = 100, offset: Int = 0) {
        self.queues = queues
        self.states = states
        self.owner = owner
        self.search = search
        self.order = order
        self.limit = limit
        self.offset = offset
    }
}

/// The order of a thread list. Every order ends in the thread id, so pages never overlap.
public enum ThreadOrder: String, Sendable, Equatable, CaseIterable {
    /// Most urgent first: priority, escalation level, longest wait.
    case priority
    /// Longest wait first, whatever the priority.
    case wait
    /// Most negative customer sentiment first, then by priority.
    case sentiment
    /// By queue name, most urgent first within each queue.
    case queue
    /// What arrived or moved most recently first (a handoff, transfer or re-queue into the queue).
    case newest

    /// The orders a person cycles through in the console (`newest` is for finding what just arrived).
    public static let cycle: [ThreadOrder] = [.priority, .wait, .sentiment, .queue]
}

/// A thread matching a search, with its place in the list the search ran over.
public struct ThreadMatch: Sendable, Equatable {
    public var id: String
    /// Zero-based position in the list's order.
    public var position: Int

    public init(id: String, position: Int) {
        self.id = id
        self.position = position
    }
}
