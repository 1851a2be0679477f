import BatonCore
import Foundation

/// Handoff requests for benchmark setup: a fixed explicit-request trigger, planned the real way,
/// so large stores fill quickly without depending on what the engine decides.
enum BenchHandoff {
    static let planner = HandoffPlanner(config: BatonConfig())

    static func request(for conversation: Conversation, queue: String, priority: Priority, now: Date) -> HandoffRequest? {
        let primary = FiredTrigger(kind: .explicitRequest, message: 0, reason: "benchmark", rule: "bench")
        let decision = HandoffDecision(conversationID: conversation.id, handoff: true, at: 0, primary: primary,
                                       triggers: [primary], queue: queue, priority: priority, sentiment: [0])
        return planner.plan(conversation: conversation, decision: decision, situation: .init(counts: [], agents: []), now: now)
    }
}
