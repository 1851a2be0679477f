import ArgumentParser
import Foundation

/// `--agent`, defaulting to `$USER`: who performs an action.
struct AgentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Agent id (default: $USER).", valueName: "id"))
    var agent: String?

    var id: String {
        agent ?? StoreOptions.environment("USER") ?? "agent"
    }
}
