/// A human agent who works one or more queues.
public struct Agent: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Queue skills, matched against `QueueConfig.skills`.
    public var skills: [String]
    /// How many threads the agent may hold at once.
    public var capacity: Int
    public var status: AgentStatus
    /// `agent`, or `supervisor` (force-release, reassign, agent management).
    public var role: AgentRole
    /// Threads the agent holds right now (filled by the store).
    public var load: Int

    public init(id: String, name: String, skills: [String], capacity: Int = 3, status: AgentStatus = .available, load: Int = 0,
                role: AgentRole = .agent) {
        self.id = id
        self.name = name
        self.skills = skills
        self.capacity = capacity
        self.status = status
        self.load = load
        self.role = role
    }

    public var hasSpareCapacity: Bool { load < capacity }
}

public enum AgentStatus: String, Sendable, Codable, CaseIterable {
    case available, away, offline
}
