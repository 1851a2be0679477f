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
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let acting = try agent.acting(self.store)
        guard let parsed = Disposition(rawValue: disposition), Disposition.chosenByPeople.contains(parsed) else {
            throw ValidationError("unknown disposition \(disposition); use one of \(Disposition.chosenByPeople.map(\.rawValue).joined(separator: ", "))")
        }
        try store.openStore().resolve(threadID: id, agent: acting, disposition: parsed, note: note, now: try StoreOptions.now())
        Output.text("resolved \(id) (\(parsed.rawValue))")
    }
}
