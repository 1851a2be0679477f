import ArgumentParser
import Foundation

/// `baton release ID`: hand the conversation back to the AI with a note for the bot.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Hand a thread back to the AI; the note goes to the bot as context.",
        discussion: "With --force a supervisor takes the thread from whoever holds it; --reason is then required.")

    @Argument(help: "Thread id.") var id: String
    @Option(name: .long, help: "Context for the bot.") var note: String?
    @Flag(name: .long, help: "Supervisor: release a thread someone else holds.") var force = false
    @Option(name: .long, help: "Why (required with --force).") var reason: String?
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if force, (reason ?? "").isEmpty { throw ValidationError("--force needs --reason for the audit trail") }
    }

    func run() throws {
        let acting = try agent.acting(self.store)
        let store = try self.store.openStore()
        if force {
            try store.forceRelease(threadID: id, supervisor: acting, reason: reason ?? "", now: try StoreOptions.now())
        } else {
            try store.release(threadID: id, agent: acting, note: note, now: try StoreOptions.now())
        }
        Output.text("released \(id) to the AI")
    }
}
