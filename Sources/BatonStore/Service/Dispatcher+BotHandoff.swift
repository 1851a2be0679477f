import Foundation
import BatonCore

extension Dispatcher {
    /// The bot hands the conversation off by itself (`bot_request`), with its reason and, if it has one, its own
    /// summary of what the customer wants (the packet's first line). Routed like any bot request unless `queue`
    /// names one. Refused (`LifecycleError.notAllowed`) when humans already have the thread.
    public func botHandoff(conversationID: String, reason: String, summary: String?, queue: String?) throws -> Outcome {
        let now = self.now
        guard let conversation = try store.conversation(id: conversationID) else { throw LifecycleError.noSuchThread(conversationID) }
        guard !conversation.messages.isEmpty else {
            throw StoreError.invalidInput("conversation \(conversationID) has no messages to hand off")
        }
        if let queue, !config.allQueueNames.contains(queue) { throw LifecycleError.noSuchQueue(queue) }
        let evaluated = engine.evaluate(conversation)
        let fired = FiredTrigger(kind: .botRequest, message: conversation.messages.count - 1, reason: "the bot handed off: \(reason)",
                                 rule: "bot_request/api")
        let decision = HandoffDecision(
            conversationID: conversationID, handoff: true, at: fired.message, primary: fired, triggers: [fired],
            queue: queue ?? engine.queue(for: [fired]),
            priority: engine.priority([fired], customer: conversation.customer, latestSentiment: evaluated.sentiment.last),
            sentiment: evaluated.sentiment)
        let situation = HandoffPlanner.Situation(
            counts: try store.queueCounts(now: now), agents: try store.agents(),
            openHandoffs: try store.openThreadCount(customerID: conversation.customer.id))
        guard var request = HandoffPlanner(config: config).plan(conversation: conversation, decision: decision,
                                                                situation: situation, now: now) else {
            throw StoreError.invalidInput("the handoff of conversation \(conversationID) could not be planned")
        }
        if let summary, !summary.isEmpty {
            request.packet.summary = [summary] + request.packet.summary.dropFirst()
        }
        request = applyingMode(request)
        return try settle(request, try store.handoff(request, now: now), now: now)
    }
}
