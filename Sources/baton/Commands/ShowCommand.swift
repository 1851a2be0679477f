import ArgumentParser
import BatonCore
import Foundation

/// `baton show ID`: the context packet, readable.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a thread's context packet, transcript, notes and audit trail.")

    @Argument(help: "Thread id (the conversation id).")
    var id: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let handoffs = try store.openStore(.read)
        guard let detail = try handoffs.thread(id: id) else { throw CLIError("no thread \(id)") }
        let now = try StoreOptions.now()
        let offer = try handoffs.openOffer(threadID: id, now: now)
        if output.json {
            Output.json(text: try JSONOutput.encode(ShowJSON(detail: detail, offer: offer, now: now), pretty: true, snakeCase: true))
            return
        }
        Output.text(PacketText.render(detail, offer: offer, now: now))
    }

    /// The `--json` shape: the thread as `queue --json` prints it, then packet, messages, notes and audit,
    /// every key in snake_case.
    struct ShowJSON: Encodable {
        let detail: ThreadDetail
        let offer: TransferOffer?
        let now: Date

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(EncodableJSON(JSONOutput.thread(detail.summary, now: now)), forKey: .thread)
            try container.encodeIfPresent(detail.packet, forKey: .packet)
            try container.encode(detail.messages, forKey: .messages)
            try container.encode(detail.notes, forKey: .notes)
            try container.encode(detail.audit, forKey: .audit)
            try container.encodeIfPresent(detail.callbackAt, forKey: .callbackAt)
            try container.encode(detail.suggestions, forKey: .suggestions)
            try container.encodeIfPresent(offer.map(OfferJSON.init), forKey: .offer)
        }

        enum Key: String, CodingKey { case thread, packet, messages, notes, audit, callbackAt, suggestions, offer }
    }

    /// The thread's open agent-to-agent offer, if any: who offered it to whom, the note, and when it lapses.
    struct OfferJSON: Encodable {
        let from: String
        let offeredBy: String
        let to: String
        let note: String
        let offeredAt: Date
        let expiresAt: Date

        init(_ offer: TransferOffer) {
            from = offer.from
            offeredBy = offer.offeredBy
            to = offer.to
            note = offer.note
            offeredAt = offer.offeredAt
            expiresAt = offer.expiresAt
        }
    }
}
