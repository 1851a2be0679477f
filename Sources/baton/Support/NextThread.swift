import BatonCore
import BatonStore

/// The queues an agent may take threads from.
enum NextThread {
    /// The queues `agentID` has the skills for; nil (any queue) for an id that is not a registered agent.
    static func queues(for agentID: String, dispatcher: Dispatcher) throws -> [String]? {
        guard let agent = try dispatcher.store.agents().first(where: { $0.id == agentID }) else { return nil }
        return Router.queues(for: agent, in: dispatcher.config.queues).map(\.name)
    }
}
