import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton demo`: a fresh demo store, a live trickle of handoffs, and the console on top.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the console on a fresh demo store with new handoffs arriving every few seconds.",
        discussion: """
        The demo store is $XDG_DATA_HOME/baton/demo.sqlite unless --db is given; it is recreated each run \
        (a --db file that is not a previous demo store is refused rather than overwritten).
        """)

    @Flag(name: .long, help: "Only fill the store; don't open the console.") var seedOnly = false
    @Option(name: .long, help: "Seconds between new handoffs in the live demo.") var every: Double = 5
    @Flag(name: .long, help: "Open the supervisor view.") var supervisor = false
    @Option(name: .long, help: "Theme name or path.") var theme: String?
    @Flag(name: .long, help: "No mouse: leave clicks and the wheel to the terminal.") var noMouse = false
    @Option(name: .long, help: ArgumentHelp("Your agent id in the demo (default: $USER, else demo).", valueName: "id"))
    var agent: String?
    @OptionGroup var store: StoreOptions

    /// The demo works without `$USER` (containers often have none): the console user is then "demo".
    private var consoleUser: String { agent ?? StoreOptions.environment("USER") ?? DemoSeeder.defaultConsoleUser }

    func run() throws {
        let path = demoPath
        try DemoStoreFile.prepare(path: path)
        let handoffs = try SQLiteHandoffStore(path: path)
        let now = Date()
        let config = DemoSeeder.config(now: now)
        let seeded = try DemoSeeder(store: handoffs, config: config, now: now).seed(consoleUser: consoleUser)
        try DemoStoreFile.mark(path: path)
        if seedOnly {
            Output.text("demo store \(path): \(seeded.conversations) conversations, \(seeded.handoffs) handoffs, \(DemoSeeder.agents(consoleUser: consoleUser).count) agents")
            return
        }
        let trickle = DemoTrickle(store: handoffs, config: config, interval: max(0.5, every))
        trickle.start()
        defer { trickle.stop() }
        try ConsoleLauncher.run(store: handoffs, config: config, agentID: consoleUser, supervisor: supervisor, theme: theme, databasePath: path, mouse: !noMouse)
    }

    private var demoPath: String {
        store.db ?? StoreOptions.dataDirectory + "/demo.sqlite"
    }
}
