import BatonCore
import Foundation

/// JSON shapes of the domain values the CLI prints, with stable key order.
enum JSONOutput {
    static func decision(_ decision: HandoffDecision) -> JSONValue {
        .object([
            ("id", .string(decision.conversationID)),
            ("handoff", .bool(decision.handoff)),
            ("at", .from(decision.at)),
            ("trigger", .from(decision.primary?.kind.rawValue)),
            ("triggers", .array(decision.triggers.map(trigger))),
            ("queue", .string(decision.queue)),
            ("priority", .string(decision.priority.rawValue)),
            ("sentiment", .array(decision.sentiment.map { .number(($0 * 1000).rounded() / 1000) })),
        ])
    }

    /// Appends exactly the bytes of `decision(_:).write(into:)` without building the value first: the hot path of
    /// `baton triggers`, which writes one line per conversation.
    static func writeDecision(_ decision: HandoffDecision, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        JSONValue.string(decision.conversationID).write(into: &out)
        out.append(contentsOf: #","handoff":"#.utf8)
        out.append(contentsOf: (decision.handoff ? "true" : "false").utf8)
        out.append(contentsOf: #","at":"#.utf8)
        JSONValue.from(decision.at).write(into: &out)
        out.append(contentsOf: #","trigger":"#.utf8)
        JSONValue.from(decision.primary?.kind.rawValue).write(into: &out)
        out.append(contentsOf: #","triggers":["#.utf8)
        for (index, fired) in decision.triggers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"kind":"#.utf8)
            JSONValue.string(fired.kind.rawValue).write(into: &out)
            out.append(contentsOf: #","message":"#.utf8)
            JSONValue.from(fired.message).write(into: &out)
            out.append(contentsOf: #","reason":"#.utf8)
            JSONValue.string(fired.reason).write(into: &out)
            out.append(contentsOf: #","rule":"#.utf8)
            JSONValue.string(fired.rule).write(into: &out)
            if let topic = fired.topic {
                out.append(contentsOf: #","topic":"#.utf8)
                JSONValue.string(topic).write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #"],"queue":"#.utf8)
        JSONValue.string(decision.queue).write(into: &out)
        out.append(contentsOf: #","priority":"#.utf8)
        JSONValue.string(decision.priority.rawValue).write(into: &out)
        out.append(contentsOf: #","sentiment":["#.utf8)
        for (index, score) in decision.sentiment.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.number((score * 1000).rounded() / 1000).write(into: &out)
        }
        out.append(contentsOf: "]}".utf8)
    }

    static func trigger(_ trigger: FiredTrigger) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string(trigger.kind.rawValue)),
            ("message", .from(trigger.message)),
            ("reason", .string(trigger.reason)),
            ("rule", .string(trigger.rule)),
        ]
        if let topic = trigger.topic { members.append(("topic", .string(topic))) }
        return .object(members)
    }

    static func thread(_ thread: ThreadSummary, now: Date) -> JSONValue {
        .object([
            ("id", .string(thread.id)),
            ("customer", .string(thread.customerName)),
            ("channel", .string(thread.channel.rawValue)),
            ("language", .string(thread.language)),
            ("queue", .string(thread.queue)),
            ("state", .string(thread.state.rawValue)),
            ("owner", .from(thread.owner)),
            ("priority", .string(thread.priority.rawValue)),
            ("trigger", .from(thread.trigger?.rawValue)),
            ("sentiment", .number((thread.sentiment * 1000).rounded() / 1000)),
            ("escalation_level", .from(thread.escalationLevel)),
            ("queued_at", .from(thread.queuedAt)),
            ("pickup_deadline", .from(thread.pickupDeadline)),
            ("pickup_remaining_s", .from(thread.pickupRemaining(at: now).map { $0.rounded() })),
            ("claimed_at", .from(thread.claimedAt)),
            ("suggested_agent", .from(thread.suggestedAgent)),
        ])
    }

    static func outbox(_ message: OutboxMessage) -> JSONValue {
        .object([
            ("id", .number(Double(message.id))),
            ("thread", .string(message.threadID)),
            ("kind", .string(message.kind.rawValue)),
            ("customer_facing", .bool(message.kind.isCustomerFacing)),
            ("text", .from(message.text)),
            ("actor", .string(message.actor)),
            ("created_at", .from(message.createdAt)),
            ("delivered_at", .from(message.deliveredAt)),
        ])
    }

    static func agent(_ agent: Agent) -> JSONValue {
        .object([
            ("id", .string(agent.id)),
            ("name", .string(agent.name)),
            ("skills", .array(agent.skills.map(JSONValue.string))),
            ("capacity", .from(agent.capacity)),
            ("load", .from(agent.load)),
            ("status", .string(agent.status.rawValue)),
            ("role", .string(agent.role.rawValue)),
        ])
    }

    static func audit(_ entry: AuditEntry) -> JSONValue {
        .object([
            ("id", .number(Double(entry.id))),
            ("thread", .string(entry.threadID)),
            ("action", .string(entry.action.rawValue)),
            ("actor", .string(entry.actor)),
            ("reason", .from(entry.reason)),
            ("from", .from(entry.fromState?.rawValue)),
            ("to", .string(entry.toState.rawValue)),
            ("at", .from(entry.at)),
        ])
    }

    /// Encodes any Codable value (packets, stats) with ISO 8601 dates and sorted keys; `snakeCase` spells
    /// every key in snake_case, as the hand-built shapes above are.
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false, snakeCase: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A `JSONValue` inside a Codable value, so hand-built shapes and Codable ones share one encoder.
struct EncodableJSON: Encodable {
    let value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        switch value {
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for member in members { try container.encode(EncodableJSON(member.value), forKey: Key(stringValue: member.key)) }
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(EncodableJSON(item)) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number == number.rounded(), abs(number) < 1e15 { try container.encode(Int64(number)) } else { try container.encode(number) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }
}
