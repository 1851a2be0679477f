import ArgumentParser
import Foundation

/// `baton note ID TEXT`: a private note the customer never sees.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a private note to a thread (owner only).")

    @Argument(help: "Thread id.") var id: String
    @Argument(help: "Note text.") var text: String
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let acting = try agent.acting(self.store)
        try store.openStore().note(threadID: id, agent: acting, text: text, now: try StoreOptions.now())
        Output.text("noted on \(id)")
    }
}
