import BatonCore

/// Why a message event could not be stored.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first event of a conversation must say who the customer is.
    case unknownConversation(String)
    /// An AI message arrived while a human holds (or is about to take) the conversation: the bot must stay silent.
    case heldByHuman(conversationID: String, holder: Holder, owner: String?)
    /// A suggestion (collaborative mode) was refused: the queue's handoff is hard, or no human has the conversation.
    case suggestionRefused(conversationID: String, reason: SuggestionRefusal)

    public var description: String {
        switch self {
        case .unknownConversation(let id):
            "conversation \(id) is unknown; its first message event must carry \"customer\""
        case .heldByHuman(let id, let holder, let owner):
            "conversation \(id) is held by \(holder.rawValue)\(owner.map { " (\($0))" } ?? ""); the AI must not answer until it is released"
        case .suggestionRefused(let id, let reason):
            "suggestion for conversation \(id) refused: \(reason)"
        }
    }
}
