/// A human agent who works one or more queues.
public struct Agent: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Queue skills, matched against `QueueConfig.skills`.
    public var skills: [String]
    /// How many threads the agent may hold at once.
    public var capacity: Int
    public var status: AgentStatus
    /// Threads the agent holds right now (filled by the store).
    public var load: Int

    public init(id: String, name: String, skills: [String], capacity: Int = 3, status: AgentStatus = .available, load: Int = 0) {
        self.id = id
        self.name = name
        self.skills = skills
        self.capacity = capacity
        self.status = status
        self.load = load
    }

    public var hasSpareCapacity: Bool { load < capacity }
}

public enum AgentStatus: String, Sendable, Codable, CaseIterable {
    case available, away, offline
}
