import ArgumentParser

/// `baton offer accept ID`: take the thread offered to you; you become its owner.
struct OfferAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a thread offered to you: it becomes yours.")

    @Argument(help: "Thread id.") var id: String
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let acting = try agent.acting(self.store)
        let summary = try store.openDispatcher().acceptOffer(threadID: id, agent: acting)
        Output.text("accepted \(id) (\(summary.customerName)); it is yours, the transfer note is in `baton show \(id)`")
    }
}
