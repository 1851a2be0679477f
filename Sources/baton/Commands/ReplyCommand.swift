import ArgumentParser
import BatonCore
import Foundation

/// `baton reply ID TEXT`: answer the customer as the owner.
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reply", abstract: "Send a reply to the customer (owner only).")

    @Argument(help: "Thread id.")
    var id: String

    @Argument(help: "Reply text; omit with --suggested.")
    var text: String?

    @Flag(name: .long, help: "Send the packet's suggested reply.")
    var suggested = false

    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if (text == nil) == !suggested { throw ValidationError("give the reply text or --suggested") }
        if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the reply is empty") }
    }

    func run() throws {
        let acting = try agent.acting(self.store)
        let store = try self.store.openStore()
        var body = text ?? ""
        if suggested {
            guard let packet = try store.thread(id: id)?.packet else { throw CLIError("thread \(id) has no packet to suggest a reply from") }
            let name = try store.agents().first { $0.id == acting }?.name ?? acting
            body = packet.suggestedReply(agentName: name)
        }
        try store.reply(threadID: id, agent: acting, text: body, now: try StoreOptions.now())
        Output.text("replied on \(id)")
    }
}
