import Foundation
import BatonCore
import BatonStore

/// The interactive console: `Console.run(options)` takes over the terminal until the agent quits.
public enum Console {
    /// Runs the ncurses loop until `q`, SIGINT, SIGTERM or SIGHUP. The terminal is restored with
    /// `endwin` on every way out, thrown errors included. Errors that prevent starting (unknown
    /// agent, bad theme, no tty) are thrown before the screen is touched.
    @discardableResult
    public static func run(_ options: ConsoleOptions) throws -> ConsoleExit {
        let theme = try ThemeLocator.load(options.theme, environment: options.environment)
        // Who the agent is comes first: a wrong --agent or --db is told plainly even without a terminal.
        let session = try ConsoleSession(store: options.store, agentID: options.agent, supervisor: options.supervisor,
                                         queues: options.queues, clock: options.clock, stats: options.stats,
                                         size: TerminalSize(columns: 80, rows: 24), colorless: !theme.hasColor)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw ConsoleError.notATerminal }
        if let config = options.config { session.journeyConfig = config }
        if options.startInSupervisorView { session.showSupervisorView() }
        let pollMilliseconds = Int32(max(20, min(1000, options.pollInterval * 1000)))
        let terminal = try NcursesTerminal(theme: theme, pollMilliseconds: pollMilliseconds, mouse: options.mouse)
        SignalTrap.install()
        defer {
            terminal.shutdown()
            SignalTrap.uninstall()
        }
        session.setColorless(!terminal.drawsColor)
        session.resize(to: terminal.size)
        return loop(session: session, terminal: terminal, pollInterval: options.pollInterval, environment: options.environment)
    }

    private static func loop(session: ConsoleSession, terminal: NcursesTerminal, pollInterval: TimeInterval,
                             environment: [String: String]) -> ConsoleExit {
        var drawn: ConsoleState?
        var lastPoll = Date.distantPast
        while true {
            if let signal = SignalTrap.caught {
                // Ctrl-C while writing asks first; the draft is saved either way.
                if session.interrupted(by: signal) { return .signal(signal) }
                SignalTrap.reset()
            }
            // Redraw only when the state changed; the diff then touches only changed cells.
            if drawn != session.state {
                terminal.present(ConsoleRenderer.render(session.state, size: session.state.size, keyMap: session.keyMap))
                drawn = session.state
            }
            var effects: [ConsoleEffect] = []
            switch terminal.nextEvent() {
            case .key(let key)?: effects = session.handle(key)
            case .mouse(let event)?: effects = session.handle(event)
            case .resize?:
                terminal.invalidate()
                drawn = nil
                session.resize(to: terminal.size)
            case nil: break
            }
            // Keys arriving without pause must not starve the refresh from other processes.
            if Date().timeIntervalSince(lastPoll) >= pollInterval {
                effects += session.poll()
                lastPoll = Date()
            }
            for effect in effects {
                switch effect {
                case .quit:
                    _ = session.poll()
                    return .quit
                case .bell: terminal.bell()
                case .copy(let text): terminal.copyToClipboard(text)
                case .openEditor(let text):
                    let edited = terminal.suspend { ExternalEditor.edit(text, environment: environment) }
                    drawn = nil
                    session.editorFinished(text: edited)
                    session.resize(to: terminal.size)
                }
            }
        }
    }
}
