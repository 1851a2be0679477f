import ArgumentParser
import BatonCore
import Foundation

@main
struct Baton: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baton",
        abstract: "Hand support conversations from the AI to humans at the right moment.",
        discussion: "Run without a subcommand to open the console for $USER on the default store.",
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, InitCommand.self, IngestCommand.self, TriggersCommand.self,
            EvalCommand.self, QueueCommand.self, ShowCommand.self, ClaimCommand.self, ReplyCommand.self,
            NoteCommand.self, TransferCommand.self, OfferCommand.self, RequeueCommand.self, ReleaseCommand.self, ResolveCommand.self, RateCommand.self,
            SweepCommand.self, NotificationsCommand.self, AgentCommand.self, OutboxCommand.self, StatsCommand.self, ReviewCommand.self,
            CheckCommand.self, ExportTrainingCommand.self, ServeCommand.self, TokenCommand.self, WebhooksCommand.self,
            ShadowCommand.self, SelftestCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self)

    /// Runs the command line. Every message it ends with goes through the sanitizer first: errors quote
    /// arguments, ids and input, and a terminal must never act on them.
    static func main() async {
        do {
            var command = try parseAsRoot(nil)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                .map { Sanitizer.line(String($0)) }.joined(separator: "\n")
            if !text.isEmpty {
                if code == .success {
                    print(text)
                } else {
                    FileHandle.standardError.write(Data((text + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
