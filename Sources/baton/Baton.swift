import ArgumentParser

@main
struct Baton: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baton",
        abstract: "Hand support conversations from the AI to humans at the right moment.",
        discussion: "Run without a subcommand to open the console for $USER on the default store.",
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, InitCommand.self, IngestCommand.self, TriggersCommand.self,
            EvalCommand.self, QueueCommand.self, ShowCommand.self, ClaimCommand.self, ReplyCommand.self,
            NoteCommand.self, TransferCommand.self, RequeueCommand.self, ReleaseCommand.self, ResolveCommand.self,
            SweepCommand.self, AgentCommand.self, OutboxCommand.self, StatsCommand.self, ServeCommand.self, TokenCommand.self,
            WebhooksCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self)
}
