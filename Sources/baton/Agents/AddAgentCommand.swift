import ArgumentParser
import BatonCore

/// `baton agent add ID`: register or update an agent.
struct AddAgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add or update an agent.")

    @Argument(help: "Agent id, usually the login name.") var id: String
    @Option(name: .long, help: "Display name (default: the id).") var name: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Queue skills, e.g. --skills billing general.") var skills: [String] = ["general"]
    @Option(name: .long, help: "Threads the agent may hold at once.") var capacity = 3
    @Option(name: .long, help: "agent, or supervisor (force-release, reassign, managing agents); default: unchanged, agent when new.")
    var role: AgentRole?
    @OptionGroup var manager: ManagerOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard capacity >= 1 else { throw ValidationError("--capacity must be at least 1") }
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.@".contains($0) }) else {
            throw ValidationError("agent id may use letters, digits and - _ . @ only")
        }
        for skill in skills.flatMap({ $0.split(separator: ",").map(String.init) }) {
            if let problem = Identifier.problem(skill) { throw ValidationError("skill \(problem)") }
        }
    }

    func run() throws {
        let skills = self.skills.flatMap { $0.split(separator: ",").map(String.init) }
        let acting = try manager.acting(store)
        let handoffs = try store.openStore(.create)
        // Updating an agent's skills or name keeps their role unless --role says otherwise.
        let role = try self.role ?? handoffs.agent(id: id)?.role ?? .agent
        try handoffs.upsertAgent(Agent(id: id, name: name ?? id, skills: skills, capacity: capacity, role: role), actor: acting)
        Output.text("\(role.rawValue) \(id): skills \(skills.joined(separator: ",")), capacity \(capacity)")
    }
}

extension AgentRole: ExpressibleByArgument {}
