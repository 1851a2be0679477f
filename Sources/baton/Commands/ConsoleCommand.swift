import ArgumentParser
import BatonStore

/// `baton console` (the default): the agents' terminal console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the console (the default command).")

    @Flag(name: .long, help: "Start in the supervisor view, with force-release and reassign.") var supervisor = false
    @Option(name: .long, help: "Theme name (default-dark, light, high-contrast, monochrome) or a .toml path.") var theme: String?
    @Flag(name: .long, help: "No mouse: leave clicks and the wheel to the terminal (also [console] mouse = false).") var noMouse = false
    @OptionGroup var agent: AgentOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let acting = try agent.acting(self.store)
        let dispatcher = try store.openDispatcher()
        try ConsoleLauncher.run(store: dispatcher.store, config: dispatcher.config, agentID: acting, supervisor: supervisor, theme: theme,
                                databasePath: store.databasePath, mouse: !noMouse)
    }
}
