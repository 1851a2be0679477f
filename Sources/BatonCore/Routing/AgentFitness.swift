/// Whether an agent should be given a thread of a queue by a person (a supervisor's reassignment, an
/// agent-to-agent transfer offer): the one rule the console's pickers and the store's checks share.
public enum AgentFitness {
    /// Why `agent` should not get a thread of `queue` now, or nil when they should: no skill the queue asks
    /// for, no spare capacity, not available.
    public static func unfitness(of agent: Agent, for queue: QueueConfig) -> String? {
        var reasons: [String] = []
        if !queue.skills.isEmpty, Set(queue.skills).isDisjoint(with: agent.skills) {
            reasons.append("no \(queue.skills.joined(separator: "/")) skill")
        }
        if agent.load >= agent.capacity { reasons.append("at capacity \(agent.load)/\(agent.capacity)") }
        if agent.status != .available { reasons.append(agent.status.rawValue) }
        return reasons.isEmpty ? nil : reasons.joined(separator: ", ")
    }
}
