import ArgumentParser

@main
struct Baton: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baton",
        abstract: "Hand support conversations from the AI to humans at the right moment.")
}
