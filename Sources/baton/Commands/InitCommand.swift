import ArgumentParser
import Foundation

/// `baton init`: create the database (and optionally a starter config).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database, or check an existing one and bring its schema up to date.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        _ = try store.loadConfig()
        _ = try store.openStore(.create)
        Output.text("database ready: \(store.databasePath)")
    }
}
