import ArgumentParser
import Foundation

/// `baton webhooks redeliver`.
struct RedeliverWebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeliver", abstract: "Send failed deliveries again (a running `baton serve` picks them up).")

    @Argument(help: "Delivery ids from `baton webhooks failed`; none means every failed delivery.") var ids: [Int64] = []
    @Option(name: .long, help: "Only this endpoint's failed deliveries.") var endpoint: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let count = try store.openStore().redeliverWebhooks(ids: ids.isEmpty ? nil : ids, endpoint: endpoint, now: Date())
        print("\(count) deliver\(count == 1 ? "y" : "ies") queued again")
    }
}
