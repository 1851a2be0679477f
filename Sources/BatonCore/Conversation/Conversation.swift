import Foundation

/// A support conversation as the bot platform hands it over: customer, channel and messages.
///
/// This is the shape of one line of `shared/eval/*.jsonl` and of `baton ingest` input.
public struct Conversation: Sendable, Equatable, Codable {
    public var id: String
    public var channel: Channel
    public var customer: Customer
    public var messages: [Message]
    /// The label of an evaluation conversation; the engine never reads it.
    public var expect: Expectation?
    /// Fields of the input Baton does not know, kept for the agent ("from the bot"); not part of the JSON format.
    public var botFields: [BotField] = []

    enum CodingKeys: String, CodingKey {
        case id, channel, customer, messages, expect
    }

    public init(id: String, channel: Channel = .webchat, customer: Customer, messages: [Message], expect: Expectation? = nil) {
        self.id = id
        self.channel = channel
        self.customer = customer
        self.messages = messages
        self.expect = expect
    }
}

/// Where the conversation takes place; WhatsApp has a 24-hour customer-service reply window.
public struct Channel: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static let whatsapp = Channel("whatsapp")
    public static let webchat = Channel("webchat")
    public static let email = Channel("email")
    public var description: String { rawValue }
}

/// The labelled outcome of an evaluation conversation.
public struct Expectation: Sendable, Equatable, Codable {
    public var handoff: Bool
    /// Index in `messages` of the message on which the handoff must fire.
    public var at: Int?
    /// Acceptable primary trigger kinds, the preferred one first.
    public var triggers: [TriggerKind]

    public init(handoff: Bool, at: Int? = nil, triggers: [TriggerKind] = []) {
        self.handoff = handoff
        self.at = at
        self.triggers = triggers
    }

    /// Decodes a label where only `handoff` is required (`{"handoff": false}` has no `at` or `triggers`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        handoff = try container.decode(Bool.self, forKey: .handoff)
        at = try container.decodeIfPresent(Int.self, forKey: .at)
        triggers = try container.decodeIfPresent([TriggerKind].self, forKey: .triggers) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case handoff, at, triggers
    }
}
