import ArgumentParser
import BatonCore
import Foundation

/// `baton agent status ID STATUS`.
struct AgentStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Set an agent available, away or offline.",
        discussion: "Agents set their own status; a supervisor sets anyone's.")

    @Argument(help: "Agent id.") var id: String
    @Argument(help: "available, away or offline.") var status: String
    @OptionGroup var manager: ManagerOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let parsed = AgentStatus(rawValue: status) else {
            throw ValidationError("status must be available, away or offline; got \(status)")
        }
        let acting = try manager.acting(store)
        try store.openStore().setAgentStatus(id: id, status: parsed, actor: acting, now: try StoreOptions.now())
        Output.text("agent \(id) is \(parsed.rawValue)")
    }
}
