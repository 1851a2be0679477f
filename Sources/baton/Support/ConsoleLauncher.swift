import ArgumentParser
import BatonConsole
import BatonCore
import BatonStore

/// Opens the ncurses console for an agent, with today's figures for the supervisor view.
enum ConsoleLauncher {
    static func run(store: any HandoffStore, config: BatonConfig, agentID: String, supervisor: Bool, theme: String?) throws {
        let exit = try Console.run(ConsoleOptions(agent: agentID, supervisor: supervisor, theme: theme, store: store,
                                                  queues: config.queues, stats: ConsoleStats.today(from: store)))
        // A signal ends the console cleanly (terminal restored); report it the way shells expect.
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
    }
}
