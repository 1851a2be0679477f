import ArgumentParser
import Foundation

/// `baton token revoke NAME`.
struct RevokeTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a token; a running server refuses it within two seconds.")

    @Argument(help: "The token's name.") var name: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard try store.openStore().revokeToken(name: name, now: Date()) else { throw CLIError("no active token named \(name)") }
        print("revoked \(name)")
    }
}
