import Foundation
import BatonCore

/// Collaborative mode: after the handoff the AI may keep helping the human with suggestions, in queues whose
/// `handoff` is `soft` (the default). In a `hard` queue the bot stays silent and suggestions are refused.
extension Dispatcher {
    /// Stores a suggestion for the human on `conversationID`, refusing it (naming why) in a hard-handoff queue
    /// or when no human has the conversation.
    public func suggest(conversationID: String, suggestion: Suggestion) throws -> Outcome {
        let now = self.now
        guard let summary = try store.thread(id: conversationID)?.summary else {
            throw IngestError.unknownConversation(conversationID)
        }
        if summary.state.isWithHumans {
            let mode = config.queue(named: summary.queue).handoff
            guard mode == .soft else {
                throw IngestError.suggestionRefused(conversationID: conversationID, reason: .hardHandoff(queue: summary.queue))
            }
        }
        try store.addSuggestion(suggestion, threadID: conversationID, now: now)
        return .suggestionStored(threadID: conversationID)
    }

    /// The handoff mode of the queue `conversationID` is in (soft when it is in none).
    public func handoffMode(conversationID: String) throws -> HandoffMode {
        guard let queue = try store.thread(id: conversationID)?.summary.queue, !queue.isEmpty else { return .soft }
        return config.queue(named: queue).handoff
    }
}

extension ThreadState {
    /// Queued, claimed or waiting after hours: a human has the conversation or is about to.
    var isWithHumans: Bool { self == .queued || self == .claimed || self == .afterHours }
}

/// Why a suggestion was refused.
public enum SuggestionRefusal: Sendable, Equatable, CustomStringConvertible {
    /// The conversation's queue is set to `handoff = "hard"`: the bot stays silent after the handoff.
    case hardHandoff(queue: String)
    /// Nobody but the AI has the conversation (or it is resolved): the AI answers the customer itself.
    case notWithHumans(ThreadState)

    public var description: String {
        switch self {
        case .hardHandoff(let queue):
            "queue \(queue) is in hard handoff mode (handoff = \"hard\"): the bot stays silent after the handoff"
        case .notWithHumans(let state):
            "the conversation is \(state.rawValue), not with a human; suggestions are for the agent who has it"
        }
    }
}
