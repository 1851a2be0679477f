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
        var promisedWait: TimeInterval?
        var nobodyOnShift = false
        if afterHours, queue.afterHours == .callback, let slot = requestedCallback(conversation, queue: queue, now: now) {
            // The customer said when: the confirmation names that time, or the nearest open slot after it.
            callbackAt = slot.at
            message = Templates.fill(config.templates.callbackConfirmationMessage(moved: slot.moved, language: language), [
                "when": CallbackWording(templates: config.templates).describe(slot.at, now: now, zone: queue.hours.timeZone, language: language),
                "name": name,
            ])
        } else if afterHours {
            let noted = queue.afterHours == .acknowledgeClose
                ? FollowUpNote.noted(conversation, topic: primary.topic, templates: config.templates, language: language) : ""
            if let opening = queue.hours.nextOpening(after: now) {
                if queue.afterHours == .callback { callbackAt = opening }
                let estimate = waitAtOpening(queue: queue, situation: situation)
                if queue.afterHours == .queueWithETA, let seconds = estimate.seconds {
                    promisedWait = opening.timeIntervalSince(now) + seconds
                }
                message = Templates.fill(config.templates.afterHoursMessage(policy: queue.afterHours, language: language), [
                    "opens": describe(opening: opening, in: queue.hours.timeZone, language: language),
                    "name": name,
                    "wait": config.templates.waitText(estimate, language: language),
                    "noted": noted,
                ])
            } else {
                // Hours that never open: no opening time, nor a wait from it, can be promised; only the queue's offer.
                message = Templates.fill(config.templates.afterHoursNoOpeningMessage(policy: queue.afterHours, language: language),
                                         ["name": name, "noted": noted])
            }
        } else {
            let counts = situation.counts.first { $0.queue == queue.name }
            let staffing = Staffing(of: queue, among: situation.agents)
            if staffing.nobodyOnShift {
                nobodyOnShift = true
                message = Templates.fill(config.templates.noOneOnShiftMessage(policy: queue.afterHours, language: language), ["name": name])
            } else {
                // `waiting` counts the threads already in the queue, those of the same batch included.
                let estimate = staffing.estimate(ahead: counts?.waiting ?? 0,
                                                 recentHandleTimes: Array((counts?.recentHandleTimes ?? []).prefix(config.waitEstimateSampleSize)))
                promisedWait = estimate.seconds
                let full = queue.capacity.map { (counts?.waiting ?? 0) >= $0 } ?? false
                // A full queue says so, with the wait, and offers to answer later instead (`AsyncFallback`).
                let template = full ? config.templates.holdMessage(language: language)
                    : config.templates.handoffMessage(kind: primary.kind, topic: primary.topic, language: language)
                message = Templates.fill(template, [
                    "wait": config.templates.waitText(estimate, language: language),
                    "name": name,
                    "topic": config.templates.topicPhrase(primary.topic, language: language),
                ])
            }
        }
        if afterHours || nobodyOnShift {
            // Whoever picks it up when the team is back opens with one key: seen, read, on it.
            packet.suggestedReply = Templates.fill(config.templates.openerMessage(language: language), ["name": name])
        }
        return HandoffRequest(threadID: conversation.id, queue: queue.name, priority: decision.priority, packet: packet,
                              afterHours: afterHours, pickupDeadline: deadline, customerMessage: message,
                              callbackAt: callbackAt, suggestedAgent: suggested?.id,
                              // The customer's name is known now; the agent's when someone claims the thread.
                              introduction: introduction(conversation, topic: primary.topic, language: language, name: name),
                              promisedWait: promisedWait, nobodyOnShift: nobodyOnShift)
    }

    /// The introduction the first agent to claim sends (`{agent}` is filled then), with what the conversation is
    /// about when `introduction = "with_summary"` and something specific is known (a topic, facts).
    func introduction(_ conversation: Conversation, topic: String?, language: String, name: String) -> String {
        let introduction = Templates.fill(config.templates.introduction(language: language), ["name": name])
        guard config.introductionWithSummary else { return introduction }
        let about = FollowUpNote.parts(conversation, topic: topic, templates: config.templates, language: language)
        guard !about.isEmpty, let line = config.templates.introductionSummary.text(kind: nil, topic: nil, language: language) else {
            return introduction
        }
        return introduction + " " + Templates.fill(line, ["about": about.joined(separator: ", ")])
    }

    /// The wait once a closed queue opens: the threads already waiting for the opening are ahead, and the
    /// agents who work the queue (whatever their status now, as they come on at opening) take them.
    func waitAtOpening(queue: QueueConfig, situation: Situation) -> WaitEstimate {
        let counts = situation.counts.first { $0.queue == queue.name }
        let able = situation.agents.filter { Router.canWork($0, queue: queue) }
        return WaitEstimate.estimate(ahead: counts?.waiting ?? 0, freeSlots: able.reduce(0) { $0 + max(0, $1.capacity - $1.load) },
                                     agentsOnShift: able.count,
                                     recentHandleTimes: Array((counts?.recentHandleTimes ?? []).prefix(config.waitEstimateSampleSize)))
    }

    /// The callback slot the customer asked for in their latest message, in the queue's time zone and hours;
    /// nil when that message names no day or time.
    func requestedCallback(_ conversation: Conversation, queue: QueueConfig, now: Date) -> CallbackSlot? {
        guard let text = conversation.messages.last(where: { $0.role == .customer })?.text,
              let request = CallbackTime.read(text) else { return nil }
        return CallbackTime.place(request, now: now, hours: queue.hours)
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
