import ArgumentParser
import Foundation

/// `baton requeue ID`: give a claimed thread back to its queue.
struct RequeueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requeue", abstract: "Put a claimed thread back in its queue (owner only).")

    @Argument(help: "Thread id.") var id: String
    @Option(name: .long, help: "Why, for the audit trail.") var reason: String?
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let acting = try agent.acting(self.store)
        try store.openDispatcher().requeue(threadID: id, actor: acting, reason: reason)
        Output.text("requeued \(id)")
    }
}
