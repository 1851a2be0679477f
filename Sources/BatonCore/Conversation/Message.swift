import Foundation

/// Who wrote a message.
public enum Role: String, Sendable, Codable, CaseIterable {
    case customer
    case ai
    /// A human agent's reply, recorded after the handoff.
    case agent
}

/// One message of a conversation. Only `role` and `text` are required.
public struct Message: Sendable, Equatable, Codable {
    public var role: Role
    public var text: String
    public var at: Date?
    /// The AI's confidence in its reply, 0 to 1.
    public var confidence: Double?
    public var intent: String?
    public var tools: [ToolCall]
    public var kb: [String]
    public var links: [String]
    /// The bot platform's own id for the message (`id` in the input): a message sent again with the same id
    /// is stored once.
    public var platformID: String?
    /// Fields of a message event Baton does not know, kept for the agent ("from the bot"); not part of its JSON.
    public var botFields: [BotField] = []

    public init(role: Role, text: String, at: Date? = nil, confidence: Double? = nil, intent: String? = nil,
                tools: [ToolCall] = [], kb: [String] = [], links: [String] = [], platformID: String? = nil) {
        self.role = role
        self.text = text
        self.at = at
        self.confidence = confidence
        self.intent = intent
        self.tools = tools
        self.kb = kb
        self.links = links
        self.platformID = platformID
    }

    enum CodingKeys: String, CodingKey {
        case role, text, at, confidence, intent, tools, kb, links
        case platformID = "id"
    }

    /// Decodes a message where only `role` and `text` are required, as the conversation format allows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decode(Role.self, forKey: .role)
        text = try container.decode(String.self, forKey: .text)
        at = try container.decodeIfPresent(Date.self, forKey: .at)
        confidence = try container.decodeIfPresent(Double.self, forKey: .confidence)
        intent = try container.decodeIfPresent(String.self, forKey: .intent)
        tools = try container.decodeIfPresent([ToolCall].self, forKey: .tools) ?? []
        kb = try container.decodeIfPresent([String].self, forKey: .kb) ?? []
        links = try container.decodeIfPresent([String].self, forKey: .links) ?? []
        platformID = try container.decodeIfPresent(String.self, forKey: .platformID)
    }
}

/// A tool the AI called while composing a reply.
public struct ToolCall: Sendable, Equatable, Codable {
    public var name: String
    public var ok: Bool
    public var error: String?

    public init(name: String, ok: Bool, error: String? = nil) {
        self.name = name
        self.ok = ok
        self.error = error
    }
}
