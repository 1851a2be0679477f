import ArgumentParser

/// `baton offer decline ID`: the thread goes back to its queue, in its place; the offering agent is told.
struct OfferDeclineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decline",
                                                    abstract: "Decline a thread offered to you: it goes back to its queue, in its place.")

    @Argument(help: "Thread id.") var id: String
    @Option(name: .long, help: "Why, for the offering agent and the audit trail.") var reason: String?
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let acting = try agent.acting(self.store)
        try store.openDispatcher().declineOffer(threadID: id, agent: acting, reason: reason)
        Output.text("declined \(id); it is back in its queue")
    }
}
