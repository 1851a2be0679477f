import Foundation

/// One time a customer got in touch, as Baton's own store remembers it: a conversation starting, or a
/// resolved thread the customer wrote to again (a reopen).
public struct CustomerContact: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case conversation
        case reopen
    }

    public var conversationID: String
    public var customerID: String
    public var kind: Kind
    /// The conversation's first message (or when it was stored, without message times); the reopen's time.
    public var at: Date
    /// The topic its handoff's trigger named (a policy group such as `refund`), if it had one.
    public var triggerTopic: String?
    /// The customer's first messages, from which the topic is read when no trigger named one.
    public var openingText: String

    public init(conversationID: String, customerID: String, kind: Kind = .conversation, at: Date, triggerTopic: String? = nil,
                openingText: String) {
        self.conversationID = conversationID
        self.customerID = customerID
        self.kind = kind
        self.at = at
        self.triggerTopic = triggerTopic
        self.openingText = openingText
    }

    /// What the contact was about: the trigger's topic, else the first problem family its opening words
    /// name (`delivery` for "my package is late"), else nil (no topic it can be matched on).
    public var topic: String? {
        if let triggerTopic, !triggerTopic.isEmpty { return TextNormalizer.fold(triggerTopic).joined(separator: " ") }
        return ContactHistory.family(of: openingText)
    }
}
