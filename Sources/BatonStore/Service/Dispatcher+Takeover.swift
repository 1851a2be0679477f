import Foundation
import BatonCore

extension Dispatcher {
    /// `agent` takes over conversation `threadID` from the AI, before (or without) any trigger firing.
    @discardableResult
    public func takeOver(threadID: String, agent: String) throws -> ThreadSummary {
        let now = self.now
        guard let conversation = try store.conversation(id: threadID) else { throw LifecycleError.noSuchThread(threadID) }
        guard let request = TakeoverPlanner(config: config).request(conversation: conversation, agent: agent, now: now) else {
            throw LifecycleError.notAllowed(action: .claim, state: .ai)
        }
        return try store.takeOver(request, now: now)
    }

    /// Claims `threadID` for `agent`: a waiting thread as usual, a conversation the AI holds by taking it over.
    @discardableResult
    public func claimOrTakeOver(threadID: String, agent: String) throws -> ThreadSummary {
        if try store.thread(id: threadID)?.summary.state == .ai {
            return try takeOver(threadID: threadID, agent: agent)
        }
        return try store.claim(threadID: threadID, agent: agent, now: now)
    }
}
