/// Why a message event could not be stored.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first event of a conversation must say who the customer is.
    case unknownConversation(String)

    public var description: String {
        switch self {
        case .unknownConversation(let id):
            "conversation \(id) is unknown; its first message event must carry \"customer\""
        }
    }
}
