/// What a customer whose request is kept for later (`acknowledge_close`) is told was noted: the policy topic
/// in their language and the facts they gave (order numbers, amounts, dates) as they wrote them, so they can
/// see nothing was lost ("We've noted your request: a refund, order 8812, 28 Nov.").
public enum FollowUpNote {
    /// At most this many facts are repeated back.
    public static let factLimit = 3

    /// ": a refund, order 8812, 28 Nov", or empty when there is nothing specific to repeat back.
    public static func noted(_ conversation: Conversation, topic: String?, templates: Templates, language: String) -> String {
        let parts = self.parts(conversation, topic: topic, templates: templates, language: language)
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
    }

    /// The topic in the customer's language and up to `factLimit` facts in their words, sanitized.
    public static func parts(_ conversation: Conversation, topic: String?, templates: Templates, language: String) -> [String] {
        var parts: [String] = []
        if let topic, templates.topicPhrase.text(kind: nil, topic: topic, language: language, includingDefault: false) != nil {
            parts.append(templates.topicPhrase(topic, language: language))
        }
        let said = conversation.messages.filter { $0.role == .customer }.map(\.text)
        parts += KeyFacts.extract(from: said, asWritten: true).prefix(factLimit)
        return parts.map(Sanitizer.line)
    }
}
