import ArgumentParser

/// `baton agent list`.
struct ListAgentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List agents with status and load.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let agents = try store.openStore(.read).agents()
        if output.json {
            for agent in agents { Output.json(JSONOutput.agent(agent)) }
            return
        }
        var rows = [["ID", "NAME", "ROLE", "STATUS", "LOAD", "SKILLS"]]
        for agent in agents {
            rows.append([agent.id, agent.name, agent.role.rawValue, agent.status.rawValue, "\(agent.load)/\(agent.capacity)", agent.skills.joined(separator: ",")])
        }
        Output.text(Formatting.table(rows))
    }
}
