import ArgumentParser

/// `baton offer`: answer a thread another agent offered you (`baton transfer ID --to-agent`), or list open offers.
struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Accept or decline a thread offered to you by another agent; list open offers.",
        subcommands: [OfferListCommand.self, OfferAcceptCommand.self, OfferDeclineCommand.self],
        defaultSubcommand: OfferListCommand.self)
}
