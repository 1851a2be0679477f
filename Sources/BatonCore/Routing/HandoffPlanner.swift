import Foundation

/// Turns an engine decision into a concrete handoff: queue, deadline, after-hours handling,
/// customer message with a real wait estimate, suggested agent and packet.
public struct HandoffPlanner: Sendable {
    public var config: BatonConfig

    public init(config: BatonConfig) { self.config = config }

    /// What the planner needs to know about the queues right now.
    public struct Situation: Sendable {
        public var counts: [QueueCounts]
        public var agents: [Agent]
        public var openHandoffs: Int

        public init(counts: [QueueCounts], agents: [Agent], openHandoffs: Int = 0) {
            self.counts = counts
            self.agents = agents
            self.openHandoffs = openHandoffs
        }
    }

    /// The packet `plan` would build for a conversation, before anything is known about the queues: only
    /// its profile's open handoffs depend on them, and `plan(... packet:)` fills those in. Nil when
    /// `decision` does not hand off.
    public func packet(conversation: Conversation, decision: HandoffDecision, now: Date) -> ContextPacket? {
        guard decision.handoff else { return nil }
        return PacketBuilder(templates: config.templates, engine: config.engine)
            .build(conversation: conversation, decision: decision, now: now)
    }

    /// Plans a handoff; nil when `decision` does not hand off.
    /// - Parameter prebuilt: what `packet(conversation:decision:now:)` returned for the same arguments, so
    ///   the packet can be built ahead, away from the store's write lock; built here when nil.
    public func plan(conversation: Conversation, decision: HandoffDecision, situation: Situation, now: Date,
                     packet prebuilt: ContextPacket? = nil) -> HandoffRequest? {
        guard decision.handoff, let primary = decision.primary,
              var packet = prebuilt ?? self.packet(conversation: conversation, decision: decision, now: now)
        else { return nil }
        packet.profile.openHandoffs = situation.openHandoffs
        let queue = config.queue(named: decision.queue)
        let language = conversation.customer.language ?? "en"
        let name = Templates.firstName(of: conversation.customer.name)
        let afterHours = !queue.hours.isOpen(at: now)
        let suggested = afterHours ? nil : Router.suggestAgent(for: queue, among: situation.agents)
        let message: String
        let deadline = queue.pickupDeadline(waitStartingAt: now)
        var callbackAt: Date?
        if afterHours {
            let opening = queue.hours.nextOpening(after: now)
            if queue.afterHours == .callback { callbackAt = opening }
            message = Templates.fill(config.templates.afterHoursMessage(policy: queue.afterHours, language: language), [
                "opens": opening.map { describe(opening: $0, in: queue.hours.timeZone, language: language) }
                    ?? config.templates.waitText(WaitEstimate(seconds: nil), language: language),
                "name": name,
            ])
        } else {
            let counts = situation.counts.first { $0.queue == queue.name }
            let staffing = Router.staffing(of: queue, among: situation.agents)
            let estimate = WaitEstimate.estimate(ahead: counts?.waiting ?? 0, freeSlots: staffing.freeSlots,
                                                 agentsOnShift: staffing.onShift,
                                                 recentHandleTimes: Array((counts?.recentHandleTimes ?? []).prefix(config.waitEstimateSampleSize)))
            message = Templates.fill(config.templates.handoffMessage(kind: primary.kind, topic: primary.topic, language: language), [
                "wait": config.templates.waitText(estimate, language: language),
                "name": name,
                "topic": config.templates.topicPhrase(primary.topic, language: language),
            ])
        }
        return HandoffRequest(threadID: conversation.id, queue: queue.name, priority: decision.priority, packet: packet,
                              afterHours: afterHours, pickupDeadline: deadline, customerMessage: message,
                              callbackAt: callbackAt, suggestedAgent: suggested?.id,
                              // The customer's name is known now; the agent's when someone claims the thread.
                              introduction: Templates.fill(config.templates.introduction(language: language), ["name": name]))
    }

    /// "Mon 09:00 America/Mexico_City", in the customer's language.
    func describe(opening: Date, in zone: TimeZone, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: opening)
        return config.templates.opening(weekday: parts.weekday ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0,
                                        zone: zone.identifier, language: language)
    }
}
