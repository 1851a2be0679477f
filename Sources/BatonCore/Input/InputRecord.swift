/// One line of bot input: a whole conversation, a single new message, or a satisfaction score.
public enum InputRecord: Sendable, Equatable {
    case conversation(Conversation)
    /// A message event for a conversation; `customer` and `channel` are needed when the conversation is new.
    case message(conversationID: String, channel: Channel?, customer: Customer?, message: Message)
    /// A post-handoff customer satisfaction score, 1 to 5.
    case csat(conversationID: String, score: Int)
    /// The AI's suggestion for the human who has the conversation (`role: "ai_suggestion"`); never sent to the customer.
    case suggestion(conversationID: String, suggestion: Suggestion)
    /// The platform reports the customer left (closed the chat) before anyone connected:
    /// `{"conversation_id": "…", "customer_left": true}`.
    case customerLeft(conversationID: String)

    public var conversationID: String {
        switch self {
        case .conversation(let conversation): conversation.id
        case .message(let id, _, _, _), .csat(let id, _), .suggestion(let id, _), .customerLeft(let id): id
        }
    }
}

/// Why one input line was refused, naming the line and the field.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number in the input.
    public var line: Int
    /// Path of the offending field such as `messages[2].confidence`; nil for whole-line problems.
    public var field: String?
    public var message: String

    public init(line: Int, field: String?, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { "line \(line): \(field): \(message)" } else { "line \(line): \(message)" }
    }
}
