import ArgumentParser
import BatonCore
import BatonStore
import Foundation
import Synchronization

/// Where the database and the config live; shared by every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file (default: $BATON_DB, else $XDG_DATA_HOME/baton/baton.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Config file (default: $BATON_CONFIG, else $XDG_CONFIG_HOME/baton/baton.toml if present).", valueName: "path"))
    var config: String?

    /// The database path after flags and environment.
    var databasePath: String {
        db ?? Self.environment("BATON_DB") ?? Self.dataDirectory + "/baton.sqlite"
    }

    /// `$XDG_DATA_HOME/baton`, where stores live unless told otherwise.
    static var dataDirectory: String {
        (environment("XDG_DATA_HOME") ?? NSHomeDirectory() + "/.local/share") + "/baton"
    }

    /// An environment variable, treating an empty value as unset (as the XDG spec asks).
    static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    func loadConfig() throws -> BatonConfig {
        var path = config ?? Self.environment("BATON_CONFIG")
        if path == nil {
            let configHome = Self.environment("XDG_CONFIG_HOME") ?? NSHomeDirectory() + "/.config"
            let candidate = configHome + "/baton/baton.toml"
            if FileManager.default.fileExists(atPath: candidate) { path = candidate }
        }
        guard let path else { return BatonConfig() }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read config file \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): not valid UTF-8") }
        let loaded = try ConfigLoader.load(toml: text, source: path)
        for warning in ConfigLoader.warnings(loaded, source: path) where Self.warned.withLock({ $0.insert(warning.description).inserted }) {
            InputLines.warn("warning: \(warning)")
        }
        return loaded
    }

    /// Config warnings already printed: a command may load the config more than once, and says each once.
    private static let warned = Mutex<Set<String>>([])

    /// What a command does with the store, which decides how it is opened.
    enum Use {
        /// Only reads: opened read-only, so read-only files and replicas work; the store must exist.
        case read
        /// Changes an existing store; a missing one is refused rather than created by a typo.
        case change
        /// May create the store (and its folder): `init`, `ingest`, `agent add`: the steps that set one up.
        case create
    }

    /// Opens the store at `databasePath` for `use`.
    func openStore(_ use: Use = .change) throws -> SQLiteHandoffStore {
        let path = databasePath
        switch use {
        case .read:
            return try SQLiteHandoffStore(path: path, access: .readOnly)
        case .change:
            guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noStore(path: path) }
            return try SQLiteHandoffStore(path: path)
        case .create:
            try Self.createFolders(of: path, for: "the store")
            return try SQLiteHandoffStore(path: path)
        }
    }

    /// Creates the folders above `path` that are missing; errors say which folder and why, plainly.
    static func createFolders(of path: String, for what: String) throws {
        var missing: [String] = []
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        while !FileManager.default.fileExists(atPath: folder), folder != "/" {
            missing.append(folder)
            folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        }
        for folder in missing.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw CLIError("cannot create the folder \(folder) for \(what): \(String(cString: strerror(errno)).lowercased())")
        }
    }

    func openDispatcher(_ use: Use = .change) throws -> Dispatcher {
        let clock = try Self.clock()
        return Dispatcher(store: try openStore(use), config: try loadConfig(), clock: clock)
    }

    /// The time commands act at: now, or the fixed time in `$BATON_NOW` (ISO 8601), for tests and replays.
    static func clock() throws -> @Sendable () -> Date {
        guard let fixed = environment("BATON_NOW") else { return { Date() } }
        guard let date = ISO8601.parse(fixed) else {
            throw CLIError("BATON_NOW=\(fixed) is not an ISO 8601 time such as 2026-11-20T10:00:00Z")
        }
        return { date }
    }

    /// The console's clock: it runs, from `$BATON_NOW` when set (a scripted shift that starts at a given time).
    static func runningClock() throws -> @Sendable () -> Date {
        let fixed = try clock()()
        guard environment("BATON_NOW") != nil else { return { Date() } }
        let started = Date()
        return { fixed.addingTimeInterval(Date().timeIntervalSince(started)) }
    }

    /// The current time by `clock()`.
    static func now() throws -> Date { try clock()() }
}

/// `--json` for commands that also print for humans.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text for people.")
    var json = false
}
