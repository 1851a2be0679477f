import ArgumentParser
import BatonCore
import Foundation

/// `baton rate ID N`: rate the context packet of a thread you resolved.
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate", abstract: "Rate the context packet of a thread you resolved, 1 to 5, with what was missing.")

    @Argument(help: "Thread id.") var id: String
    @Argument(help: "1 (useless) to 5 (had everything).") var rating: Int
    @Option(name: .long, help: "What the packet was missing.") var note: String?
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let problem = PacketRating.problem(with: rating, threadID: id) { throw ValidationError(problem) }
    }

    func run() throws {
        let acting = try agent.acting(self.store)
        try store.openStore().ratePacket(threadID: id, agent: acting, rating: rating, note: note, now: try StoreOptions.now())
        Output.text("rated the packet of \(id) \(rating)/\(PacketRating.scale.upperBound)")
    }
}
