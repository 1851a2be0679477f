/// A list to choose one item from: a queue, a disposition or an agent.
public struct Picker: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case transferQueue(threadID: String)
        case disposition(threadID: String)
        case reassignAgent(threadID: String)
        /// An agent-to-agent transfer: whom to offer the thread to (`ConsoleSession+Offers`).
        case offerAgent(threadID: String)
        /// The packet of a thread just resolved, rated 1–5 (`ConsoleSession+Rating`).
        case packetRating(threadID: String, customer: String)
    }

    public var purpose: Purpose
    public var title: String
    /// What is shown for each choice.
    public var labels: [String]
    /// The value passed on for each choice (queue name, disposition raw value, agent id).
    public var values: [String]
    /// Why a choice is not a good fit (an agent without the skill or at capacity), nil when it is.
    public var warnings: [String?]
    public var selected: Int

    public init(purpose: Purpose, title: String, labels: [String], values: [String], warnings: [String?]? = nil, selected: Int = 0) {
        self.purpose = purpose
        self.title = title
        self.labels = labels
        self.values = values
        self.warnings = warnings ?? Array(repeating: nil, count: values.count)
        self.selected = selected
    }
}
