import Foundation
import BatonCore

extension Dispatcher {
    /// The platform reports the customer left: a waiting thread is kept for a written follow-up (no more wait
    /// updates, its place kept); a thread the AI or an agent holds, or a closed one, is left as it is.
    func customerLeft(conversationID id: String, now: Date) throws -> Outcome {
        guard let thread = try store.thread(id: id) else { throw IngestError.unknownConversation(id) }
        guard thread.summary.state.isWaiting else { return .appended(threadID: id, state: thread.summary.state) }
        do {
            try store.answerLater(threadID: id, reason: "the platform reports the customer left before anyone connected: kept for a written follow-up",
                                  customerMessage: nil, now: now)
        } catch LifecycleError.notAllowed(_, let state) {
            // Claimed (or closed) in the meantime: whoever has it now answers the customer.
            return .appended(threadID: id, state: state)
        }
        return .appended(threadID: id, state: thread.summary.state)
    }
}
