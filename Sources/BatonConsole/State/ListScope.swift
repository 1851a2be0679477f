/// Which threads the agent view lists.
public enum ListScope: String, Sendable, Equatable, CaseIterable {
    /// Waiting and claimed threads in the agent's queues.
    case myQueues = "my queues"
    /// Threads the agent holds, in any queue.
    case mine = "held by me"
    /// Every waiting or claimed thread.
    case allQueues = "all queues"
}
