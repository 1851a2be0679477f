import ArgumentParser

/// `baton webhooks failed|redeliver`.
struct WebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Inspect and re-send webhook deliveries that gave up.",
        subcommands: [FailedWebhooksCommand.self, RedeliverWebhooksCommand.self])
}
