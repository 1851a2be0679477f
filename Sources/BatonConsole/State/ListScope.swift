/// Which threads the agent view lists.
public enum ListScope: String, Sendable, Equatable, CaseIterable {
    /// Waiting and claimed threads in the agent's queues.
    case myQueues = "my queues"
    /// Threads the agent holds, in any queue.
    case mine = "held by me"
    /// Every waiting or claimed thread.
    case allQueues = "all queues"
    /// Conversations the AI still holds, most recent activity first, with how close each is to a handoff:
    /// an agent can take one over before any trigger fires (`ConsoleSession+AITakeover`).
    case liveAI = "live AI"
    /// Promised callbacks, due first, overdue ones highlighted (`ConsoleSession+Callbacks`).
    case callbacks
}
