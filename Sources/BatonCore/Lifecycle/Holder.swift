/// Who holds a conversation right now, as the bot platform sees it: whether the AI may answer.
///
/// Every API response and every outbox event carries it, so a bot never has to guess whether a human
/// took over. Only `ai` lets the bot answer the customer.
public enum Holder: String, Sendable, Codable, CaseIterable {
    /// The bot answers.
    case ai
    /// Waiting in a queue for a human; the bot stays silent.
    case queued
    /// A human agent owns the thread; the bot stays silent.
    case human
    /// Arrived outside business hours; waits for opening (the bot stays silent).
    case afterHours = "after_hours"
    /// Closed by a human; the bot may answer again.
    case resolved

    public init(_ state: ThreadState) {
        switch state {
        case .ai: self = .ai
        case .queued: self = .queued
        case .claimed: self = .human
        case .afterHours: self = .afterHours
        case .resolved: self = .resolved
        }
    }

    /// Whether the bot may send its own messages to the customer.
    public var botMayAnswer: Bool { self == .ai || self == .resolved }
}
