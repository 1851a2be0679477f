import ArgumentParser
import BatonCore
import Foundation

/// `baton resolve ID`: close a thread with a disposition.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve a thread with a disposition (owner only).")

    @Argument(help: "Thread id.") var id: String
    @Option(name: .long, help: ArgumentHelp("One of: \(Disposition.chosenByPeople.map(\.rawValue).joined(separator: ", ")).", valueName: "disposition"))
    var disposition = "solved"
    @Option(name: .long, help: "Closing note.") var note: String?
    @Option(name: .long, help: "Rate the context packet, 1 (useless) to 5 (had everything); see baton rate.") var rating: Int?
    @Option(name: .long, help: "What the packet was missing (with --rating).") var ratingNote: String?
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let rating, let problem = PacketRating.problem(with: rating, threadID: id) { throw ValidationError(problem) }
        if ratingNote != nil, rating == nil { throw ValidationError("--rating-note needs --rating N (1 to 5)") }
    }

    func run() throws {
        let acting = try agent.acting(self.store)
        guard let parsed = Disposition(rawValue: disposition), Disposition.chosenByPeople.contains(parsed) else {
            throw ValidationError("unknown disposition \(disposition); use one of \(Disposition.chosenByPeople.map(\.rawValue).joined(separator: ", "))")
        }
        let opened = try store.openStore()
        try opened.resolve(threadID: id, agent: acting, disposition: parsed, note: note, now: try StoreOptions.now())
        Output.text("resolved \(id) (\(parsed.rawValue))")
        if let rating {
            try opened.ratePacket(threadID: id, agent: acting, rating: rating, note: ratingNote, now: try StoreOptions.now())
            Output.text("rated the packet of \(id) \(rating)/\(PacketRating.scale.upperBound)")
        }
    }
}
