import ArgumentParser
import Foundation

/// `--agent`, defaulting to `$USER`: who performs an action.
struct AgentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Agent id (default: $USER).", valueName: "id"))
    var agent: String?

    /// Refuses to act as nobody: without `--agent` and `$USER`, a claim would introduce "agent" to the customer.
    func validate() throws {
        guard agent ?? StoreOptions.environment("USER") != nil else {
            throw ValidationError("no agent: pass --agent ID (or set $USER)")
        }
        if let agent, agent.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--agent is empty: pass an agent id such as --agent ana")
        }
    }

    var id: String {
        agent ?? StoreOptions.environment("USER") ?? ""
    }
}
