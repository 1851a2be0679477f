import ArgumentParser
import BatonCore
import BatonStore
import Foundation

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
        return try ConfigLoader.load(toml: text, source: path)
    }

    /// Opens (creating if needed) the store.
    func openStore() throws -> SQLiteHandoffStore {
        let path = databasePath
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return try SQLiteHandoffStore(path: path)
    }

    func openDispatcher() throws -> Dispatcher {
        let clock = try Self.clock()
        return Dispatcher(store: try openStore(), config: try loadConfig(), clock: clock)
    }

    /// The time commands act at: now, or the fixed time in `$BATON_NOW` (ISO 8601), for tests and replays.
    static func clock() throws -> @Sendable () -> Date {
        guard let fixed = environment("BATON_NOW") else { return { Date() } }
        guard let date = ISO8601.parse(fixed) else {
            throw CLIError("BATON_NOW=\(fixed) is not an ISO 8601 time such as 2026-11-20T10:00:00Z")
        }
        return { date }
    }

    /// The current time by `clock()`.
    static func now() throws -> Date { try clock()() }
}

/// `--json` for commands that also print for humans.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text for people.")
    var json = false
}
