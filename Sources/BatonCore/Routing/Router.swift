/// Picks agents for queues: who may take a thread and who should.
public enum Router {
    /// Whether `agent` has one of the queue's skills.
    public static func canWork(_ agent: Agent, queue: QueueConfig) -> Bool {
        queue.skills.contains { agent.skills.contains($0) }
    }

    /// The least-loaded available agent with the skill and spare capacity; ties go to the lower
    /// load ratio, then the lower id so the choice is stable.
    public static func suggestAgent(for queue: QueueConfig, among agents: [Agent]) -> Agent? {
        agents
            .filter { $0.status == .available && $0.hasSpareCapacity && canWork($0, queue: queue) }
            .min { lhs, rhs in
                if lhs.load != rhs.load { return lhs.load < rhs.load }
                let left = Double(lhs.load) / Double(max(1, lhs.capacity))
                let right = Double(rhs.load) / Double(max(1, rhs.capacity))
                if left != right { return left < right }
                return lhs.id < rhs.id
            }
    }

    /// Spare capacity and head count of available agents who can work `queue`.
    public static func staffing(of queue: QueueConfig, among agents: [Agent]) -> (freeSlots: Int, onShift: Int) {
        let able = agents.filter { $0.status == .available && canWork($0, queue: queue) }
        return (able.reduce(0) { $0 + max(0, $1.capacity - $1.load) }, able.count)
    }

    /// Queues an agent may take threads from.
    public static func queues(for agent: Agent, in queues: [QueueConfig]) -> [QueueConfig] {
        queues.filter { canWork(agent, queue: $0) }
    }
}
