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
