import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton outbox [print]`: pending outbox messages as JSON lines.
struct OutboxPrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print undelivered outbox messages as JSON lines.",
        discussion: """
        With --ack, a message is marked delivered only once it has reached the reader: on a pipe or socket when \
        the reader has taken it (messages are written one at a time, so a reader that stops early leaves the \
        rest pending), in a file once it is on disk, on a terminal once written. The first write error stops \
        the run with exit status 1, and nothing unwritten is acknowledged. A reader that dies while working on \
        a message it already took loses that message: for at-least-once delivery, acknowledge from the \
        consumer with `baton outbox ack`.
        """)

    @Flag(name: .long, help: "Keep printing new messages as they arrive.") var follow = false
    @Flag(name: .long, help: "Mark messages delivered once they have reached the reader.") var ack = false
    @Flag(name: .long, help: "Include delivered messages.") var all = false
    @Option(name: .long, help: "Start after this message id.") var after: Int64 = 0
    @Option(name: .customLong("ack-from"), help: ArgumentHelp(
        "Acknowledge the ids in this file (or - for standard input) and print nothing; same as `baton outbox ack --from`.",
        valueName: "file"))
    var ackFrom: String?
    @OptionGroup var store: StoreOptions

    static let pageSize = 500

    func validate() throws {
        if ackFrom != nil, ack || follow || all { throw ValidationError("--ack-from acknowledges only; it takes no --ack, --follow or --all") }
        if all, ack { throw ValidationError("--all prints delivered messages too; it cannot be combined with --ack") }
    }

    func run() throws {
        if let ackFrom {
            return try OutboxAckCommand.acknowledge(ids: [], from: ackFrom, store: store)
        }
        let handoffs = try store.openStore(ack ? .change : .read)
        let output = ConfirmedOutput()
        var cursor = after
        var delivered: [Int64] = []
        defer { if !delivered.isEmpty { _ = try? handoffs.acknowledge(outboxIDs: delivered, now: try StoreOptions.now()) } }
        do {
            while true {
                let batch = try handoffs.outbox(afterID: cursor, limit: Self.pageSize, includeDelivered: all)
                if ack {
                    try deliver(batch, to: output, acknowledging: &delivered, in: handoffs)
                } else {
                    try output.write(batch.flatMap { Array((JSONOutput.outbox($0).serialized + "\n").utf8) })
                }
                cursor = batch.last?.id ?? cursor
                if batch.count == Self.pageSize { continue }
                guard follow else { return }
                Thread.sleep(forTimeInterval: 0.5)
            }
        } catch let failure as ConfirmedOutput.Failure {
            throw CLIError("\(failure); \(delivered.count) message\(delivered.count == 1 ? "" : "s") acknowledged, the rest stay pending")
        }
    }

    /// Writes `batch`, confirming delivery per message on a pipe or socket (per batch otherwise), and
    /// acknowledges what was confirmed, in one transaction per batch.
    private func deliver(_ batch: [OutboxMessage], to output: ConfirmedOutput, acknowledging delivered: inout [Int64],
                         in handoffs: any HandoffStore) throws {
        guard !batch.isEmpty else { return }
        if output.confirmsEachMessage {
            for message in batch {
                try output.write(Array((JSONOutput.outbox(message).serialized + "\n").utf8))
                try output.confirm()
                delivered.append(message.id)
            }
        } else {
            try output.write(batch.flatMap { Array((JSONOutput.outbox($0).serialized + "\n").utf8) })
            try output.confirm()
            delivered += batch.map(\.id)
        }
        try handoffs.acknowledge(outboxIDs: delivered, now: try StoreOptions.now())
        delivered.removeAll()
    }
}
