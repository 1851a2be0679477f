import Foundation

/// Turns an agent's decision to step into a conversation the AI still holds into a handoff: trigger
/// `agent_takeover` with the agent named, routed and prioritised as the engine would, with a full packet.
public struct TakeoverPlanner: Sendable {
    public var config: BatonConfig

    public init(config: BatonConfig) { self.config = config }

    /// The handoff for `agent` taking `conversation` over at `now`; nil for a conversation with no message yet.
    public func request(conversation: Conversation, agent: String, now: Date) -> HandoffRequest? {
        guard !conversation.messages.isEmpty else { return nil }
        let engine = TriggerEngine(config: config.engine).evaluate(conversation)
        let last = conversation.messages.count - 1
        let watch = AIWatch.assess(conversation, decision: engine, config: config.engine)
        let reason = "agent \(agent) took over from the AI" + (watch.nearestMiss.map { " (\($0))" } ?? "")
        let primary = FiredTrigger(kind: .agentTakeover, message: last, reason: reason, rule: "agent_takeover")
        let decision = HandoffDecision(conversationID: conversation.id, handoff: true, at: last, primary: primary,
                                       triggers: [primary], queue: engine.queue, priority: engine.priority, sentiment: engine.sentiment)
        guard let packet = PacketBuilder(templates: config.templates, engine: config.engine)
            .build(conversation: conversation, decision: decision, now: now) else { return nil }
        let language = conversation.customer.language ?? "en"
        let queue = config.queue(named: engine.queue)
        return HandoffRequest(threadID: conversation.id, queue: queue.name, priority: engine.priority, packet: packet,
                              afterHours: false, pickupDeadline: now.addingTimeInterval(queue.pickupWindow), customerMessage: "",
                              suggestedAgent: agent,
                              introduction: Templates.fill(config.templates.introduction(language: language),
                                                           ["name": Templates.firstName(of: conversation.customer.name)]),
                              takenOverBy: agent)
    }
}
