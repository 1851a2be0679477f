/// What an agent may do beyond working their own threads.
public enum AgentRole: String, Sendable, Codable, CaseIterable {
    /// Claims, answers and closes threads; sets their own status.
    case agent
    /// Also force-releases and reassigns other agents' threads and manages agents.
    case supervisor
}
