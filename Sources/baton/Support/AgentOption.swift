import ArgumentParser
import Foundation

/// `--agent`, defaulting to `$USER`: who performs an action.
struct AgentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Agent id (default: $USER).", valueName: "id"))
    var agent: String?

    var id: String {
        agent ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "agent"
    }
}
