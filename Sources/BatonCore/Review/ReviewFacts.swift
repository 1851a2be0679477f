import Foundation

/// What the review is built from, read by the store in one read transaction: conversations and handoffs
/// since the start of the previous period, and customers' contacts from a repeat window before that.
public struct ReviewFacts: Sendable, Equatable {
    public var conversations: [ConversationFacts]
    public var handoffs: [HandoffFacts]
    public var contacts: [CustomerContact]

    public init(conversations: [ConversationFacts] = [], handoffs: [HandoffFacts] = [], contacts: [CustomerContact] = []) {
        self.conversations = conversations
        self.handoffs = handoffs
        self.contacts = contacts
    }
}
