import BatonCore
import BatonStore

/// Opens the console; replaced by the ncurses console once it lands.
enum ConsoleLauncher {
    static func run(store: any HandoffStore, config: BatonConfig, agentID: String, supervisor: Bool, theme: String?) throws {
        throw CLIError("the console is not built into this baton yet")
    }
}
