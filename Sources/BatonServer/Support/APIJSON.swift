import BatonCore
import BatonStore
import Foundation

/// The JSON shapes of the API's answers, with stable key order (described in openapi.json).
enum APIJSON {
    static func event(_ message: OutboxMessage) -> JSONValue {
        .object([
            ("id", .number(Double(message.id))),
            ("type", .string(message.kind.rawValue)),
            ("conversation_id", .string(message.threadID)),
            ("sequence", .from(message.sequence)),
            ("holder", .string(message.holder.rawValue)),
            ("customer_facing", .bool(message.kind.isCustomerFacing)),
            ("text", .from(message.text)),
            ("actor", .string(message.actor)),
            ("created_at", .from(message.createdAt)),
            ("delivered_at", .from(message.deliveredAt)),
        ])
    }

    static func trigger(_ trigger: FiredTrigger) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string(trigger.kind.rawValue)),
            ("reason", .string(trigger.reason)),
            ("rule", .string(trigger.rule)),
            ("message", .from(trigger.message)),
        ]
        if let topic = trigger.topic { members.append(("topic", .string(topic))) }
        return .object(members)
    }

    /// The wait in `queue` for a customer with `ahead` threads before them, as the customer is told it: when the
    /// queue is open but nobody who works it is on shift, no estimate but that, with the queue's after-hours
    /// choice (`after_hours`) and the queue's no-one-on-shift text in `language`, as the handoff message says
    /// (`HandoffPlanner`).
    static func wait(in queue: QueueConfig, staffing: Staffing, ahead: Int, recentHandleTimes: [TimeInterval], config: BatonConfig,
                     now: Date, language: String = "en", customerName: String? = nil) -> JSONValue {
        if staffing.nobodyOnShift, queue.hours.isOpen(at: now) {
            let text = Templates.fill(config.templates.noOneOnShiftMessage(policy: queue.afterHours, language: language),
                                      ["name": Templates.firstName(of: customerName)])
            return .object([("seconds", .null), ("text", .string(text)), ("nobody_on_shift", .bool(true)),
                            ("after_hours", .string(queue.afterHours.rawValue))])
        }
        let estimate = staffing.estimate(ahead: ahead, recentHandleTimes: Array(recentHandleTimes.prefix(config.waitEstimateSampleSize)))
        return .object([("seconds", .from(estimate.seconds.map { $0.rounded() })), ("text", .string(estimate.text)),
                        ("nobody_on_shift", .bool(false))])
    }

    /// Any Codable value (the context packet) as a JSON value, dates in ISO 8601.
    static func encoded<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        encoder.outputFormatting = [.sortedKeys]
        return try JSONReader.parse(Array(try encoder.encode(value)))
    }
}
