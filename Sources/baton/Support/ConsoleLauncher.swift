import ArgumentParser
import BatonConsole
import BatonCore
import BatonStore

/// Opens the ncurses console for an agent, with today's figures for the supervisor view.
enum ConsoleLauncher {
    static func run(store: any HandoffStore, config: BatonConfig, agentID: String, supervisor: Bool, theme: String?,
                    databasePath: String, mouse: Bool = true) throws {
        let exit: ConsoleExit
        do {
            var options = ConsoleOptions(agent: agentID, supervisor: supervisor, theme: theme, store: store,
                                         queues: config.queues, stats: ConsoleStats.todayWithWeekQuality(from: store),
                                         mouse: mouse && config.consoleMouse)
            options.config = config
            options.clock = try StoreOptions.runningClock()
            exit = try Console.run(options)
        } catch ConsoleError.unknownAgent(let id, let known) {
            // The hint names the store in use, so a mistyped --db is noticed and the command can be pasted.
            let listed = known.isEmpty ? "no agents yet" : "known: \(known.joined(separator: ", "))"
            throw CLIError("no agent \(id) in the store \(databasePath) (\(listed)); add yourself with "
                           + "`baton agent add \(id) --skills general --db \(databasePath)`, pick one with --agent, or try `baton demo`")
        }
        // A signal ends the console cleanly (terminal restored); report it the way shells expect.
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
    }
}
