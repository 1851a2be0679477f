/// Where a handed-off conversation stands.
public enum ThreadState: String, Sendable, Codable, CaseIterable {
    /// The AI is answering; nothing to do for humans.
    case ai
    /// Waiting in a queue for an agent to claim it.
    case queued
    /// Exactly one agent owns it.
    case claimed
    /// Arrived outside business hours; a callback or acknowledgement was sent and it waits for opening.
    case afterHours = "after_hours"
    /// Closed with a disposition.
    case resolved

    /// States in which the thread waits for a human to pick it up.
    public var isWaiting: Bool { self == .queued || self == .afterHours }
}

/// How a thread was closed.
public enum Disposition: String, Sendable, Codable, CaseIterable {
    case solved
    /// The handoff was unnecessary: a false escalation.
    case aiCouldHaveHandled = "ai_could_have_handled"
    case duplicate
    case noResponse = "no_response"
    case expired
    case spam

    /// What a person may close a thread as (`expired` is the sweeper's): the CLI and the console offer these.
    public static let chosenByPeople: [Disposition] = allCases.filter { $0 != .expired }

    /// Whether this disposition counts as a false escalation in the metrics.
    public var isFalseEscalation: Bool { self == .aiCouldHaveHandled }
}
