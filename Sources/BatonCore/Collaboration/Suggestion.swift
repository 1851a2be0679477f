import Foundation

/// What the AI offers the human who holds a conversation (collaborative mode): a draft reply, a
/// knowledge-base article, or a fact it looked up. Never sent to the customer by itself: the agent reads it,
/// and may put it into the composer (and edit it) before sending.
public struct Suggestion: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A draft reply: `text` is the reply.
        case reply
        /// A knowledge-base article: `title` and `url`, `text` an optional excerpt.
        case article
        /// A looked-up fact: `title` names it (`order status`, `refund amount`), `text` is its value.
        case fact
    }

    public var kind: Kind
    public var text: String
    public var title: String?
    public var url: String?
    /// When the bot sent it (the time it was stored when not given).
    public var at: Date?

    public init(kind: Kind, text: String, title: String? = nil, url: String? = nil, at: Date? = nil) {
        self.kind = kind
        self.text = text
        self.title = title
        self.url = url
        self.at = at
    }

    /// Longest text, in UTF-8 bytes.
    public static let maxTextBytes = 4096
    /// Longest title or URL, in UTF-8 bytes.
    public static let maxFieldBytes = 2048

    /// What the composer receives: the reply, the article's title and link, or the fact as `label: value`.
    public var composerText: String {
        switch kind {
        case .reply: text
        case .article: [title, url].compactMap { $0 }.joined(separator: " ") + (text.isEmpty ? "" : " — " + text)
        case .fact: (title.map { $0 + ": " } ?? "") + text
        }
    }

    /// The problem with this suggestion's fields, naming the field; nil when it is complete.
    public var problem: (field: String, message: String)? {
        switch kind {
        case .reply where text.isEmpty: return ("text", "missing; a reply suggestion needs its text")
        case .article where (title ?? "").isEmpty: return ("title", "missing; an article suggestion needs its title")
        case .article where (url ?? "").isEmpty: return ("url", "missing; an article suggestion needs its url")
        case .fact where (title ?? "").isEmpty: return ("title", "missing; a fact needs its name, such as \"order status\"")
        case .fact where text.isEmpty: return ("text", "missing; a fact needs its value")
        default: break
        }
        if text.utf8.count > Self.maxTextBytes { return ("text", "is \(text.utf8.count) bytes, over the \(Self.maxTextBytes)-byte limit") }
        if let title, title.utf8.count > Self.maxFieldBytes { return ("title", "is over the \(Self.maxFieldBytes)-byte limit") }
        if let url, url.utf8.count > Self.maxFieldBytes { return ("url", "is over the \(Self.maxFieldBytes)-byte limit") }
        return nil
    }
}

/// Whether the AI keeps helping after a human claims (`handoff = "soft"`, the default: suggestions are
/// accepted and shown to the agent) or goes silent (`"hard"`: suggestions are refused).
public enum HandoffMode: String, Sendable, Codable, CaseIterable {
    case soft
    case hard
}
