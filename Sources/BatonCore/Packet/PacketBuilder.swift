import Foundation

/// Builds the context packet at the moment of handoff.
public struct PacketBuilder: Sendable {
    public var templates: Templates
    public var engine: EngineConfig

    public init(templates: Templates = Templates(), engine: EngineConfig = EngineConfig()) {
        self.templates = templates
        self.engine = engine
    }

    /// - Parameters:
    ///   - openHandoffs: other waiting or claimed threads of the same customer.
    public func build(conversation: Conversation, decision: HandoffDecision, openHandoffs: Int = 0, now: Date) -> ContextPacket? {
        guard let primary = decision.primary, let at = decision.at else { return nil }
        let upTo = Array(conversation.messages.prefix(at + 1))
        let aiMessages = upTo.filter { $0.role == .ai }
        let attempts = AIAttempts(
            answers: aiMessages.map(\.text),
            links: aiMessages.flatMap(\.links),
            kb: aiMessages.flatMap(\.kb),
            toolCalls: aiMessages.flatMap(\.tools))
        let customerScores = zip(conversation.messages, 0...).filter { $0.0.role == .customer && $0.1 <= at }.count
        let trajectory = Array(decision.sentiment.prefix(max(customerScores, 1)))
        let sentiment = SentimentReading(current: trajectory.last ?? 0, trajectory: trajectory)
        let customer = conversation.customer
        var profile = CustomerProfile(
            id: customer.id, name: customer.name ?? customer.id, channel: conversation.channel,
            language: customer.language ?? "en", tier: customer.tier ?? "standard", ltv: customer.ltv,
            tags: customer.tags, priorContacts: customer.priorContacts, openHandoffs: openHandoffs)
        profile.attributes = customer.attributes
        profile.pages = customer.pages
        profile.pageSignals = PageVisitRule.signals(conversation, at: at, config: engine)
        let lastAI = aiMessages.last
        return ContextPacket(
            conversationID: conversation.id,
            builtAt: now,
            summary: PacketSummary.lines(messages: upTo, attempts: attempts, primary: primary,
                                         intent: lastAI?.intent, confidence: lastAI?.confidence),
            primary: primary,
            otherTriggers: decision.triggers.filter { $0 != primary },
            intent: lastAI?.intent,
            confidence: lastAI?.confidence,
            sentiment: sentiment,
            aiTried: attempts,
            profile: profile,
            recommendedAction: recommendedAction(primary: primary, attempts: attempts, intent: lastAI?.intent, sentiment: sentiment),
            suggestedReply: Templates.fill(templates.suggestedReply(kind: primary.kind, topic: primary.topic, language: profile.language), [
                "name": Templates.firstName(of: customer.name),
                "topic": templates.topicPhrase(primary.topic, language: profile.language),
            ]),
            transcript: conversation.messages,
            whatsappWindow: replyWindow(conversation: conversation, now: now),
            queue: decision.queue,
            priority: decision.priority)
    }

    func recommendedAction(primary: FiredTrigger, attempts: AIAttempts, intent: String?, sentiment: SentimentReading) -> String {
        var action: String
        switch primary.kind {
        case .explicitRequest:
            action = "Introduce yourself as a person and take over; the customer asked for a human."
        case .botRequest:
            action = "The bot asked for help: read its last message and take over from there."
        case .sentiment:
            action = "Acknowledge the frustration first, then fix the underlying issue; don't repeat the AI's answer."
        case .repeatContact:
            action = "Repeat contact\(primary.topic.map { " about \($0)" } ?? ""): review the earlier contacts and own the fix end to end."
        case .policyTopic:
            action = Self.topicActions[primary.topic ?? ""] ?? "Policy topic: handle per policy; the AI must not answer this."
        case .customerTag:
            action = "Priority customer: answer personally and quickly; check account notes before replying."
        case .toolFailure:
            let failed = attempts.failedTools.map { "\($0.name)\($0.error.map { " (\($0))" } ?? "")" }.joined(separator: ", ")
            action = "Look it up by hand: \(failed.isEmpty ? "a tool" : failed) failed, so the AI had no real answer."
        case .buyingIntent:
            action = "Sales lead: qualify quantity, timeline and budget, then prepare a quote."
        case .agentTakeover:
            action = "You stepped in before any trigger fired: the customer has not been told anything yet, so take it from the last message."
        case .lowConfidence:
            action = "Answer what the AI could not\(intent.map { " (\(Self.spaced($0)))" } ?? "")\(attempts.kb.isEmpty ? "" : "; it looked at \(attempts.kb.joined(separator: ", "))")."
        }
        if primary.kind != .sentiment, sentiment.band == .negative {
            action += " Customer is upset: acknowledge that first."
        }
        return action
    }

    static let topicActions: [String: String] = [
        "refund": "Refund request: check the order and eligibility, then confirm amount and timeline.",
        "billing_dispute": "Billing dispute: verify the charge; if unrecognised, open a dispute and check for fraud.",
        "legal": "Legal: don't admit liability or argue; collect the facts and follow the legal escalation policy.",
        "privacy": "Privacy request: verify identity, then log the deletion/export request within its legal deadline.",
        "medical": "Safety first: if anyone is in danger, tell them to call emergency services now; then collect product details.",
        "security": "Security: secure the account (lock, reset credentials, review recent activity); never ask for full card numbers.",
        "lockout": "Account lockout: verify identity, then unlock or reset access.",
        "cancellation": "Cancellation: confirm what they want cancelled and when; offer alternatives once, don't push.",
    ]

    /// WhatsApp's 24-hour window runs from the customer's last message.
    func replyWindow(conversation: Conversation, now: Date) -> ReplyWindow? {
        guard conversation.channel == .whatsapp else { return nil }
        let last = conversation.messages.last { $0.role == .customer }?.at ?? now
        return ReplyWindow.whatsapp(lastCustomerMessageAt: last)
    }

    /// `snake_case` names as words. (Pure Swift: Foundation's string functions cost more than the packet.)
    static func spaced(_ name: String) -> String {
        String(name.map { $0 == "_" ? " " : $0 })
    }
}

extension ContextPacket {
    /// The suggested reply with the agent's name filled in.
    public func suggestedReply(agentName: String) -> String {
        Templates.fill(suggestedReply, ["agent": agentName])
    }
}
