import ArgumentParser
import BatonCore
import Foundation

/// `baton outbox ack ID…`: the consumer confirms what it delivered.
struct OutboxAckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Mark outbox messages delivered, as the consumer confirms them.",
        discussion: """
        Ids come as arguments, or one per line from --from FILE (- for standard input); a line may also be a \
        JSON line printed by `baton outbox`, whose "id" is used. Acknowledging twice is harmless. Unknown ids \
        are named and make the exit status 1; the others are still acknowledged.
        """)

    @Argument(help: "Outbox message ids.") var ids: [Int64] = []
    @Option(name: .long, help: ArgumentHelp("Read ids (or printed outbox lines) from this file, or - for standard input.", valueName: "file"))
    var from: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if ids.isEmpty, from == nil { throw ValidationError("give the ids to acknowledge, or --from FILE") }
    }

    func run() throws {
        try Self.acknowledge(ids: ids, from: from, store: store)
    }

    static func acknowledge(ids: [Int64], from path: String?, store: StoreOptions) throws {
        var all = ids
        var refused = 0
        if let path {
            var reader = try LineReader.open(path, maxLineBytes: InputLines.maxLineBytes)
            var number = 0
            while let line = reader.next() {
                number += 1
                guard case .text(let bytes) = line else {
                    refused += 1
                    InputLines.warn("line \(number): too long to hold an outbox id")
                    continue
                }
                let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                if let id = outboxID(text) {
                    all.append(id)
                } else {
                    refused += 1
                    InputLines.warn("line \(number): expected an outbox id or a line printed by `baton outbox`")
                }
            }
            if let failure = reader.readFailure {
                refused += 1
                InputLines.warn("line \(number + 1): \(failure)")
            }
        }
        let result = try store.openStore().acknowledge(outboxIDs: all, now: try StoreOptions.now())
        var summary = "acknowledged \(result.newlyDelivered)"
        if result.alreadyDelivered > 0 { summary += ", \(result.alreadyDelivered) already acknowledged" }
        Output.text(summary)
        if !result.unknown.isEmpty {
            InputLines.warn("no outbox message with id \(result.unknown.map(String.init).joined(separator: ", "))")
        }
        if !result.unknown.isEmpty || refused > 0 { throw ExitCode(1) }
    }

    /// `42`, or the `id` of a JSON line printed by `baton outbox`.
    private static func outboxID(_ text: String) -> Int64? {
        if let id = Int64(text), id > 0 { return id }
        guard case .number(let number)? = (try? JSONReader.parse(text))?["id"], number == number.rounded(),
              number > 0, number < 9e15 else { return nil }
        return Int64(number)
    }
}
