import ArgumentParser
import BatonServer
import Foundation

/// `baton token create NAME`.
struct CreateTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a token and print it once; only its hash is stored.")

    @Argument(help: "A name for the integration, e.g. whatsapp-bot.") var name: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let token = APITokens.generate()
        try store.openStore(.create).createToken(name: name, hash: APITokens.hash(token), now: Date())
        print(token)
        FileHandle.standardError.write(Data("token \(name) created; it is shown only now: keep it in the bot's secrets\n".utf8))
    }
}
