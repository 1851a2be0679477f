import Foundation
import BatonCore
import BatonStore

/// What the CLI passes to `Console.run`.
public struct ConsoleOptions: Sendable {
    /// The agent id working in this console (must exist in the store).
    public var agent: String
    /// Allows the supervisor view (`S`) and force-release / reassign (`F`, `R`).
    public var supervisor: Bool
    /// Opens in the supervisor view (needs `supervisor`); by default supervisors start there.
    public var startInSupervisorView: Bool
    /// A theme name from `themes/` (e.g. `light`) or a path to a `.toml` file; nil for the default.
    public var theme: String?
    public var store: any HandoffStore
    /// Queue policies: skills decide which queues are the agent's, windows set pickup deadlines.
    public var queues: [QueueConfig]
    public var clock: @Sendable () -> Date
    /// Today's figures for the supervisor view, computed by the caller; nil shows none.
    public var stats: (@Sendable (Date) throws -> ConsoleStats?)?
    /// How often the loop wakes to look for changes by other processes.
    public var pollInterval: TimeInterval
    /// Environment used for the theme (`NO_COLOR`, `XDG_CONFIG_HOME`, `BATON_THEMES`) and the editor.
    public var environment: [String: String]
    /// Clicks select threads and the wheel scrolls (`--no-mouse` or `[console] mouse = false` turn it off).
    public var mouse: Bool
    /// The loaded config, for the live-AI scope's engine and take-overs; nil uses the defaults with `queues`.
    public var config: BatonConfig?

    public init(agent: String, supervisor: Bool = false, startInSupervisorView: Bool? = nil, theme: String? = nil, store: any HandoffStore, queues: [QueueConfig],
                clock: @escaping @Sendable () -> Date = { Date() }, stats: (@Sendable (Date) throws -> ConsoleStats?)? = nil,
                pollInterval: TimeInterval = 0.25, environment: [String: String] = ProcessInfo.processInfo.environment,
                mouse: Bool = true) {
        self.agent = agent
        self.supervisor = supervisor
        self.startInSupervisorView = supervisor && (startInSupervisorView ?? true)
        self.theme = theme
        self.store = store
        self.queues = queues
        self.clock = clock
        self.stats = stats
        self.pollInterval = pollInterval
        self.environment = environment
        self.mouse = mouse
    }
}
