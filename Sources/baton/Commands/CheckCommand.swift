import ArgumentParser
import Foundation

/// `baton check`: verify the store's invariants.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the store is sound: integrity, counters, one owner per thread, an unbroken audit trail.",
        discussion: "Reads the whole store (read-only). Prints ok, or each problem found and exits 1.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let problems = try store.openStore(.read).checkInvariants()
        guard problems.isEmpty else {
            for problem in problems { Output.text(problem) }
            throw ExitCode(1)
        }
        Output.text("ok: \(store.databasePath) is sound")
    }
}
