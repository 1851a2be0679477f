import Foundation
import BatonCore

/// Agent-to-agent transfers with a note and an offer to accept within the queue's `offer_timeout`.
extension Dispatcher {
    /// Offers the thread to `toAgent` with `note`, under the configured queues' fitness and timeout.
    @discardableResult
    public func offerTransfer(threadID: String, actor: String, toAgent: String, note: String) throws -> TransferOffer {
        try store.offerTransfer(threadID: threadID, actor: actor, toAgent: toAgent, note: note, queues: config.queues, now: now)
    }

    @discardableResult
    public func acceptOffer(threadID: String, agent: String) throws -> ThreadSummary {
        try store.acceptOffer(threadID: threadID, agent: agent, now: now)
    }

    public func declineOffer(threadID: String, agent: String, reason: String?) throws {
        try store.declineOffer(threadID: threadID, agent: agent, reason: reason, queues: config.queues, now: now)
    }
}
