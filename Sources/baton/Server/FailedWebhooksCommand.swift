import ArgumentParser
import BatonCore
import BatonStore

/// `baton webhooks failed`.
struct FailedWebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failed", abstract: "List deliveries that gave up (final refusal or 24 hours of retries).")

    @Option(name: .long, help: "Only this endpoint (its name, or its URL when unnamed).") var endpoint: String?
    @Option(name: .long, help: "At most this many.") var limit = 100
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let deliveries = try store.openStore(.read).webhookDeliveries(state: .failed, endpoint: endpoint, limit: limit)
        if output.json {
            for delivery in deliveries {
                print(JSONValue.object([
                    ("delivery", .number(Double(delivery.id))),
                    ("endpoint", .string(delivery.endpoint)),
                    ("event", .number(Double(delivery.event.id))),
                    ("type", .string(delivery.event.kind.rawValue)),
                    ("conversation_id", .string(delivery.event.threadID)),
                    ("attempts", .from(delivery.attempts)),
                    ("last_status", .from(delivery.lastStatus)),
                    ("last_error", .from(delivery.lastError)),
                    ("last_attempt_at", .from(delivery.lastAttemptAt)),
                ]).serialized)
            }
            return
        }
        var rows = [["DELIVERY", "ENDPOINT", "EVENT", "TYPE", "CONVERSATION", "ATTEMPTS", "LAST"]]
        for delivery in deliveries {
            let last = delivery.lastStatus.map { "HTTP \($0)" } ?? delivery.lastError ?? ""
            rows.append([String(delivery.id), Sanitizer.line(delivery.endpoint), "evt_\(delivery.event.id)", delivery.event.kind.rawValue,
                         Sanitizer.line(delivery.event.threadID), String(delivery.attempts), Sanitizer.line(last)])
        }
        print(Formatting.table(rows))
        if deliveries.isEmpty { print("no failed deliveries") }
    }
}
