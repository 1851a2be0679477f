import ArgumentParser
import Foundation

/// `baton transfer ID QUEUE`: move a thread to another queue, unclaimed.
struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Move a thread to another queue.")

    @Argument(help: "Thread id.") var id: String
    @Argument(help: "Destination queue.") var queue: String
    @Option(name: .long, help: "Why, for the audit trail.") var reason: String?
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let acting = try agent.acting(self.store)
        try store.openDispatcher().transfer(threadID: id, actor: acting, toQueue: queue, reason: reason)
        Output.text("transferred \(id) to \(queue)")
    }
}
