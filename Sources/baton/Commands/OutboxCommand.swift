import ArgumentParser
import BatonCore
import Foundation

/// `baton outbox`: messages and control events for the bot platform, as JSON lines.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Print undelivered outbox messages as JSON lines.",
        discussion: """
        Delivery is at-least-once: with --ack, messages are marked delivered only after they were \
        written to standard output, so a crash can repeat a message but never lose one.
        """)

    @Flag(name: .long, help: "Keep printing new messages as they arrive.") var follow = false
    @Flag(name: .long, help: "Mark printed messages delivered.") var ack = false
    @Flag(name: .long, help: "Include delivered messages.") var all = false
    @Option(name: .long, help: "Start after this message id.") var after: Int64 = 0
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try self.store.openStore()
        var cursor = after
        while true {
            let batch = try store.outbox(afterID: cursor, limit: 500, includeDelivered: all)
            for message in batch { Output.json(JSONOutput.outbox(message)) }
            fflush(nil)
            if ack, !batch.isEmpty { try store.acknowledge(outboxIDs: batch.map(\.id), now: Date()) }
            cursor = batch.last?.id ?? cursor
            if batch.count == 500 { continue }
            guard follow else { return }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }
}
