/// Decides whether and where a conversation leaves the AI.
///
/// Walks the messages from `start` (earlier ones are context only) and asks every rule about
/// each message; the handoff fires at the first message where any rule fires, keeping every
/// trigger fired there, ordered by `TriggerKind` precedence (the first is the primary).
/// Each message is normalised once and each customer message scored once, up front. The learned
/// model (`ModelRule`) runs after the rules on each customer message walked, and adds the kinds no
/// rule fired there.
///
/// A policy topic configured `urgency = "soft"` is held for one AI try (`SoftEscalation`).
///
/// Routing: the queue of a fired policy topic's group (`EngineConfig.topics`) wins; otherwise
/// `EngineConfig.queueByKind[primary]`; the default queue when nothing fired or nothing is mapped.
///
/// Priority:
/// - **high** for a VIP (a `customer_tag` trigger, a tag in `vipTags`, or lifetime value over
///   `highLTVAmount`), a policy topic whose configured urgency is high (legal, medical, security
///   by default), or when the latest customer sentiment up to the handoff is ≤ -0.6;
/// - **low** when the primary trigger is `low_confidence`, `buying_intent` or `bot_request` and
///   that sentiment is not negative (above -0.25);
/// - **medium** otherwise, and **low** when nothing fired.
public struct TriggerEngine: Sendable {
    public let config: EngineConfig
    /// One rule per trigger kind, built once from the config, held by their concrete types: calling them
    /// through an `[any TriggerRule]` copied each rule's existential box (and retained its phrase tables)
    /// for every message. `fire` asks them in this order.
    private let explicitRequest = ExplicitRequestRule()
    private let botRequest = BotRequestRule()
    private let sentimentRule = SentimentRule()
    private let repeatContact = RepeatContactRule()
    private let policyTopic: PolicyTopicRule
    private let customerTag = CustomerTagRule()
    private let toolFailure = ToolFailureRule()
    private let buyingIntent = BuyingIntentRule()
    private let lowConfidence = LowConfidenceRule()
    private let pageVisit = PageVisitRule()
    private let scorer = SentimentScorer()
    /// The learned model beside the rules; nil with `[engine] model = false`.
    public var modelRule: ModelRule? { modelBox?.rule }
    /// `modelRule` behind one reference: reaching the rule through an optional struct field copied it (and
    /// retained every table of the model) at each call, several times per message.
    private let modelBox: ModelRuleBox?

    /// Latest sentiment at or below which a handoff is high priority.
    public static let highPrioritySentiment = -0.6

    /// An engine with the shipped model (unless the config turns it off).
    public init(config: EngineConfig = EngineConfig()) {
        self.init(config: config, model: config.model ? EscalationModel.shipped : nil)
    }

    /// An engine with `model` beside the rules, or rules alone when it is nil.
    public init(config: EngineConfig, model: EscalationModel?) {
        self.config = config
        modelBox = model.map { ModelRuleBox(ModelRule(model: $0, config: config)) }
        policyTopic = PolicyTopicRule(config: config)
        hasSoftTopics = config.topics.contains(where: \.soft)
    }

    /// Evaluates messages from index `start` on (earlier messages are context only).
    public func evaluate(_ conversation: Conversation, from start: Int = 0) -> HandoffDecision {
        let messages = conversation.messages
        var texts: [NormalizedText] = []
        texts.reserveCapacity(messages.count)
        var sources: [String] = []
        sources.reserveCapacity(messages.count)
        var sentiment: [Double?] = []
        sentiment.reserveCapacity(messages.count)
        var customerScores: [Double] = []
        for message in messages {
            let source = EngineText.evaluated(message.text, config: config)
            sources.append(source)
            let text = TextNormalizer.normalize(source)
            texts.append(text)
            if message.role == .customer {
                let score = scorer.score(text)
                sentiment.append(score)
                customerScores.append(score)
            } else {
                sentiment.append(nil)
            }
        }
        var context = TriggerContext(conversation: conversation, sources: sources, texts: texts, sentiment: sentiment,
                                     config: config, start: max(0, start))
        var index = max(0, start)
        var scores = [Double](repeating: 0, count: modelBox?.rule.model.labels.count ?? 0)
        if let modelRule = modelBox?.rule {
            context.frustration = Array(repeating: nil, count: messages.count)
            context.frustrationStreakLevel = modelRule.frustrationStreakLevel
        }
        var soft = SoftEscalation()
        if hasSoftTopics && index > 0 {
            holdSoftTopic(before: index, context: &context, scores: &scores, into: &soft)
        }
        while index < messages.count {
            var fired = fire(at: index, context: &context, scores: &scores)
            // Only a held topic is judged: passing the context along for every message copied it each time.
            if soft.pending != nil, let answer = soft.judge(context, at: index) {
                // The customer answered the AI's try and it is not resolved: the held topic hands off here.
                fired.removeAll { $0.kind == .policyTopic && $0.topic == answer.topic }
                fired.append(answer)
            } else if hasSoftTopics && SoftEscalation.isSoft(fired, config: config) {
                soft.hold(fired[0])
                fired = []
            }
            soft.walked(messages[index].role)
            if !fired.isEmpty {
                fired.sort { $0.kind.precedence < $1.kind.precedence }
                // "I've had enough, I'm passing this to my solicitor": a legal threat is a legal matter whatever
                // its tone, so it goes before the anger it is said with.
                if fired[0].kind == .sentiment, PolicyTopicRule.threatensLegalAction(context.texts[index]),
                   let legal = fired.firstIndex(where: { $0.kind == .policyTopic && $0.topic == "legal" }) {
                    fired.insert(fired.remove(at: legal), at: 0)
                }
                // "Quero encerrar a minha conta, vou mudar de banco", "delete my workspace and stop charging me, I'm
                // moving to a competitor": leaving is why, the closing or the charge is what an agent acts on.
                if fired[0].kind == .sentiment, SentimentScorer.threatensToLeave(context.texts[index]),
                   let topic = fired.firstIndex(where: { $0.kind == .policyTopic }) {
                    fired.insert(fired.remove(at: topic), at: 0)
                }
                let primary = fired[0]
                let latest = latestSentiment(sentiment, upTo: index)
                return HandoffDecision(conversationID: conversation.id, handoff: true, at: index, primary: primary,
                                       triggers: fired, queue: queue(for: fired),
                                       priority: PageVisitRule.raise(priority(fired, customer: conversation.customer, latestSentiment: latest),
                                                                     conversation: conversation, at: index, config: config),
                                       sentiment: customerScores)
            }
            index += 1
        }
        return HandoffDecision(conversationID: conversation.id, handoff: false, at: nil, primary: nil, triggers: [],
                               queue: config.defaultQueue, priority: .low, sentiment: customerScores)
    }

    /// Whether any configured policy topic is soft (`SoftEscalation`); without one, nothing is ever held.
    private let hasSoftTopics: Bool

    /// Every trigger that fires on message `index`, the rules' first and then the model's. The model scores
    /// first, so the streak rule can count its frustration.
    private func fire(at index: Int, context: inout TriggerContext, scores: inout [Double]) -> [FiredTrigger] {
        let scored = modelBox?.rule.score(context, at: index, into: &scores) ?? false
        if scored, let frustration = modelBox?.frustrationColumn { context.frustration[index] = scores[frustration] }
        return fireRules(at: index, context: context, scored: scored, scores: scores)
    }

    /// The rules' and then the model's triggers on message `index` (`scores` holds the model's when `scored`).
    /// The context is borrowed: handed on from `fire`'s `inout` to each rule, it was copied (and every array
    /// and string in it retained and released) once per rule and message.
    private func fireRules(at index: Int, context: borrowing TriggerContext, scored: Bool, scores: [Double]) -> [FiredTrigger] {
        var fired: [FiredTrigger] = []
        if let trigger = explicitRequest.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = botRequest.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = sentimentRule.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = repeatContact.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = policyTopic.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = customerTag.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = toolFailure.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = buyingIntent.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = lowConfidence.evaluate(context, at: index) { fired.append(trigger) }
        if let trigger = pageVisit.evaluate(context, at: index) { fired.append(trigger) }
        if scored { modelBox?.rule.fire(context, at: index, scores: scores, into: &fired) }
        return fired
    }

    /// Evaluating from `start` after earlier messages were evaluated (one message event at a time): a soft
    /// topic on the customer's last message before `start` is still held, and the AI may have answered it.
    private func holdSoftTopic(before start: Int, context: inout TriggerContext, scores: inout [Double],
                               into soft: inout SoftEscalation) {
        let messages = context.conversation.messages
        guard let last = messages[..<start].lastIndex(where: { $0.role == .customer }) else { return }
        let fired = fire(at: last, context: &context, scores: &scores)
        guard SoftEscalation.isSoft(fired, config: config) else { return }
        soft.hold(fired[0])
        for position in (last + 1)..<start { soft.walked(messages[position].role) }
    }

    /// The queue for triggers fired together, primary first.
    public func queue(for fired: [FiredTrigger]) -> String {
        for trigger in fired where trigger.kind == .policyTopic {
            if let name = trigger.topic, let topic = config.topic(named: name) { return topic.queue }
        }
        guard let primary = fired.first else { return config.defaultQueue }
        return config.queueByKind[primary.kind] ?? config.defaultQueue
    }

    /// The priority for triggers fired together, primary first (see the type's documentation).
    public func priority(_ fired: [FiredTrigger], customer: Customer, latestSentiment: Double?) -> Priority {
        guard let primary = fired.first else { return .low }
        let isVIP = fired.contains { $0.kind == .customerTag }
            || CustomerTagRule.vipTag(of: customer, config: config) != nil
            || (config.highLTVAmount.map { limit in (customer.ltv ?? 0) > limit } ?? false)
        let urgentTopic = fired.contains { trigger in
            trigger.kind == .policyTopic && trigger.topic.flatMap { config.topic(named: $0) }?.urgency == .high
        }
        let sentiment = latestSentiment ?? 0
        if isVIP || urgentTopic || sentiment <= Self.highPrioritySentiment { return .high }
        let calmKind = primary.kind == .lowConfidence || primary.kind == .buyingIntent || primary.kind == .botRequest
        if calmKind && SentimentBand(score: sentiment) != .negative { return .low }
        return .medium
    }

    /// Score of the latest customer message at or before `index`.
    private func latestSentiment(_ sentiment: [Double?], upTo index: Int) -> Double? {
        var position = index
        while position >= 0 {
            if let score = sentiment[position] { return score }
            position -= 1
        }
        return nil
    }
}

/// The engine's model rule, held by reference (see `TriggerEngine.modelBox`).
private final class ModelRuleBox: Sendable {
    let rule: ModelRule
    /// `rule.frustrationColumn`, looked up once.
    let frustrationColumn: Int?

    init(_ rule: ModelRule) {
        self.rule = rule
        frustrationColumn = rule.frustrationColumn
    }
}
