import ArgumentParser

/// `baton agent add|list|status`.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Manage the human agents who work the queues.",
        subcommands: [AddAgentCommand.self, ListAgentsCommand.self, AgentStatusCommand.self])
}
