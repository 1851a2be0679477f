import ArgumentParser
import Foundation

/// `baton transfer ID QUEUE`: move a thread to another queue, unclaimed; `baton transfer ID --to-agent NAME
/// --note TEXT`: offer it to another agent, who accepts within the queue's `offer_timeout`.
struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Move a thread to another queue, or offer it to another agent with a note.",
        discussion: """
        With a queue, the thread moves there unclaimed. With --to-agent, the thread you hold is offered to that \
        agent with --note (why, what is done, what is left), like a reservation: it stays yours until they accept \
        (`baton offer accept ID`), decline (`baton offer decline ID`), or the queue's offer_timeout passes; a \
        declined or unanswered offer puts it back in its queue, in its place, and you get a notice. Only the owner \
        (or a supervisor) offers, and only to an agent who can work the queue now (skill, spare capacity, available).
        """)

    @Argument(help: "Thread id.") var id: String
    @Argument(help: "Destination queue (not with --to-agent).") var queue: String?
    @Option(name: .customLong("to-agent"), help: ArgumentHelp("Offer the thread to this agent.", valueName: "id")) var toAgent: String?
    @Option(name: .long, help: "The note for the receiving agent (with --to-agent): why, what is done, what is left.") var note: String?
    @Option(name: .long, help: "Why, for the audit trail (queue transfers).") var reason: String?
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        switch (queue, toAgent) {
        case (nil, nil): throw ValidationError("name a destination: a queue, or --to-agent ID with --note")
        case (.some, .some): throw ValidationError("give either a queue or --to-agent, not both")
        case (nil, .some):
            guard let note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("--to-agent needs --note: tell them why, what is done and what is left")
            }
            if reason != nil { throw ValidationError("--reason is for queue transfers; the --note is the offer's reason") }
        case (.some, nil):
            if note != nil { throw ValidationError("--note goes with --to-agent; a queue transfer takes --reason") }
        }
    }

    func run() throws {
        let acting = try agent.acting(self.store)
        let dispatcher = try store.openDispatcher()
        if let toAgent, let note {
            let offer = try dispatcher.offerTransfer(threadID: id, actor: acting, toAgent: toAgent, note: note)
            Output.text("offered \(id) to \(toAgent) until \(ISO8601DateFormatter().string(from: offer.expiresAt)); it stays yours until they answer")
        } else if let queue {
            try dispatcher.transfer(threadID: id, actor: acting, toQueue: queue, reason: reason)
            Output.text("transferred \(id) to \(queue)")
        }
    }
}
