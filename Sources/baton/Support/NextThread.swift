import BatonCore
import BatonStore

/// Finds the most urgent unclaimed thread an agent may take.
enum NextThread {
    static func find(for agentID: String, dispatcher: Dispatcher) throws -> String? {
        let agents = try dispatcher.store.agents()
        let queues: [String]?
        if let agent = agents.first(where: { $0.id == agentID }) {
            queues = Router.queues(for: agent, in: dispatcher.config.queues).map(\.name)
        } else {
            queues = nil // an unregistered agent may take anything, as a supervisor would
        }
        if let queues, queues.isEmpty { return nil }
        return try dispatcher.store.threads(ThreadQuery(queues: queues, states: [.queued, .afterHours], limit: 1)).first?.id
    }
}
