import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton claim ID` or `baton claim --next`: take ownership of a thread.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claim", abstract: "Claim a thread; exactly one agent can own it.",
        discussion: """
        A conversation the AI still holds is taken over: it is handed off as agent_takeover with you as the \
        actor, claimed by you in the same transaction, and the bot gets the `claimed` event so it stops answering.
        """)

    @Argument(help: "Thread id; omit with --next.")
    var id: String?

    @Flag(name: .long, help: "Claim the most urgent unclaimed thread in a queue you have the skill for.")
    var next = false

    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if id == nil, !next { throw ValidationError("say which thread to claim: give its id, or --next for the most urgent one you may take") }
        if id != nil, next { throw ValidationError("give a thread id or --next, not both") }
    }

    func run() throws {
        let acting = try agent.acting(self.store)
        let dispatcher = try store.openDispatcher()
        let thread: ThreadSummary
        if let id {
            let before = try dispatcher.store.thread(id: id)?.summary.state
            thread = try dispatcher.claimOrTakeOver(threadID: id, agent: acting)
            if before == .ai {
                Output.text("took over \(thread.id) from the AI (\(thread.queue), \(thread.customerName))")
                return
            }
        } else {
            let queues = try NextThread.queues(for: acting, dispatcher: dispatcher)
            guard let next = try dispatcher.store.claimNext(agent: acting, queues: queues, now: dispatcher.now) else {
                throw CLIError("nothing waiting in your queues")
            }
            thread = next
        }
        Output.text("claimed \(thread.id) (\(thread.queue), \(thread.customerName))")
    }
}
