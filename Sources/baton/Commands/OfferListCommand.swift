import ArgumentParser
import Foundation

/// `baton offer list`: open transfer offers, soonest timeout first (to `--to`, or all).
struct OfferListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Open transfer offers, soonest timeout first.")

    @Option(name: .long, help: ArgumentHelp("Only offers to this agent.", valueName: "id")) var to: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let dispatcher = try store.openDispatcher()
        let offers = try dispatcher.store.openOffers(toAgent: to, now: dispatcher.now)
        guard !offers.isEmpty else { return Output.text("no open offers") }
        for offer in offers {
            let left = max(0, Int(offer.expiresAt.timeIntervalSince(dispatcher.now)))
            Output.text("\(offer.threadID)  \(offer.customerName)  \(offer.queue)  \(offer.offeredBy) → \(offer.to)  \(left)s left  \(offer.note)")
        }
    }
}
