import struct Foundation.Date

/// A message event whose role is `ai_suggestion`: the AI's suggestion for the human who has the conversation.
///
/// ```json
/// {"conversation_id": "wa-1", "message": {"role": "ai_suggestion", "kind": "fact", "title": "order status", "text": "shipped 2026-11-18"}}
/// ```
/// `kind` is `reply` (the default: `text` is a draft reply), `article` (`title` and `url`, optional `text`) or
/// `fact` (`title` names it, `text` is its value).
extension Suggestion {
    /// The role of a suggestion in a message event.
    public static let role = "ai_suggestion"
}

extension ConversationParser {
    static func suggestion(_ reader: inout FieldReader) throws(InputError) -> Suggestion {
        _ = try reader.string("role")
        let kindText = try reader.optionalString("kind") ?? Suggestion.Kind.reply.rawValue
        guard let kind = Suggestion.Kind(rawValue: kindText) else {
            throw reader.error(field: "kind", "must be reply, article or fact, got \(FieldReader.quoted(kindText))")
        }
        let text = try reader.optionalString("text") ?? ""
        let title = try reader.optionalString("title")
        let url = try reader.optionalString("url")
        var at: Date?
        if let stamp = try reader.optionalString("at") {
            guard let date = ISO8601.parse(stamp) else {
                throw reader.error(field: "at", "\(FieldReader.quoted(stamp)) is not an ISO 8601 time such as 2026-11-20T10:00:00Z")
            }
            at = date
        }
        // The platform's message id is accepted and not kept: suggestions are not messages.
        _ = try reader.optionalString("id")
        try reader.rejectUnknown()
        let suggestion = Suggestion(kind: kind, text: text, title: title, url: url, at: at)
        if let problem = suggestion.problem { throw reader.error(field: problem.field, problem.message) }
        return suggestion
    }
}
