import ArgumentParser
import BatonCore

/// `baton token list`.
struct ListTokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (names and dates, never the tokens).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        var rows = [["NAME", "CREATED", "STATUS"]]
        for token in try store.openStore(.read).tokens() {
            rows.append([Sanitizer.line(token.name), ISO8601.format(token.createdAt),
                         token.revokedAt.map { "revoked \(ISO8601.format($0))" } ?? "active"])
        }
        print(Formatting.table(rows))
    }
}
