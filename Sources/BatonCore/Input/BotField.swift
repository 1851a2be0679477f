/// A field of the bot's input that Baton does not know, kept with the conversation instead of refused so a
/// platform's extra fields never block a handoff (`baton ingest --strict` refuses them instead). Shown to agents
/// under "from the bot".
public struct BotField: Sendable, Equatable, Hashable {
    /// Where it was in the input, such as `order_ref`, `customer.vip_level` or `messages[2].mood`.
    public var path: String
    /// Its value as compact JSON text.
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    /// At most this many fields are kept per record; the rest are dropped (a platform sending hundreds is a bug
    /// to fix there, not context for an agent).
    public static let maxPerRecord = 50
    /// Longer values are cut to this many bytes (at a character boundary) with "…".
    public static let maxValueBytes = 2_048

    /// Keeps the last value per path, in first-seen order.
    public static func merged(_ existing: [BotField], _ new: [BotField]) -> [BotField] {
        var result = existing
        for field in new {
            if let index = result.firstIndex(where: { $0.path == field.path }) { result[index] = field } else { result.append(field) }
        }
        return result
    }
}
