import ArgumentParser
import BatonCore
import Foundation

/// `--agent`, defaulting to `$USER`: who performs an action.
struct AgentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Agent id (default: $USER).", valueName: "id"))
    var agent: String?

    var id: String {
        agent ?? StoreOptions.environment("USER") ?? ""
    }

    /// The acting id goes into the audit trail and onto other people's screens: it must be a plain id. Nobody
    /// acts as nobody: without `--agent` and `$USER`, a claim would introduce "agent" to the customer.
    func validate() throws {
        guard agent ?? StoreOptions.environment("USER") != nil else {
            throw ValidationError("no agent: pass --agent ID (or set $USER)")
        }
        if let problem = Identifier.problem(id) {
            throw ValidationError("the agent id (--agent or $USER) \(problem)")
        }
        if Permissions.systemActors.contains(id) {
            throw ValidationError("the agent id (--agent or $USER) \(id) is reserved for Baton itself; pass --agent with your own id")
        }
    }
}
