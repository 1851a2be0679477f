/// Tunables of the escalation engine. Defaults match the product spec; `baton.toml` overrides them.
public struct EngineConfig: Sendable, Equatable {
    /// Two consecutive AI replies under this confidence fire `low_confidence`.
    public var lowConfidenceThreshold: Double = 0.60
    /// How many consecutive AI replies under the threshold fire.
    public var lowConfidenceConsecutive: Int = 2
    /// Any single AI reply under this floor fires at once.
    public var confidenceFloor: Double = 0.35
    /// Customer tags that bypass the AI.
    public var vipTags: [String] = ["vip", "named_account", "high_ltv"]
    /// A customer whose lifetime value exceeds this bypasses the AI; nil disables the rule.
    public var highLTVAmount: Double? = 50_000
    /// Contacts on the same topic (the current one included) that make a repeat contact.
    public var repeatContactCount: Int = 3
    /// Window for counting repeat contacts, in days.
    public var repeatContactWindowDays: Int = 30
    /// Policy topic groups; each routes to its own queue.
    public var topics: [PolicyTopic] = PolicyTopic.defaults
    /// Queue per trigger kind for kinds that are not policy topics.
    public var queueByKind: [TriggerKind: String] = [
        .explicitRequest: "general", .botRequest: "general", .sentiment: "general",
        .repeatContact: "general", .customerTag: "vip", .toolFailure: "tech",
        .buyingIntent: "sales", .lowConfidence: "general", .policyTopic: "general",
    ]
    /// Where a thread goes when nothing more specific applies.
    public var defaultQueue: String = "general"
    /// Behavioural rules over the pages the customer visited (`[[rules.pages]]`), in config order.
    public var pageRules: [PageRule] = []
    /// Whether the learned escalation model (`EscalationModel.shipped`) runs beside the rules; false: rules alone.
    public var model: Bool = true
    /// Probability thresholds per model label (`ModelLabel` raw values), overriding the trained ones.
    public var modelThresholds: [String: Double] = [:]
    /// The engine reads at most this many characters from the start of each message…
    public var evaluateHead: Int = 4000
    /// …and this many from its end; the whole text is still stored, shown and packed. Bounding what the
    /// engine reads keeps one huge message from holding the store (and every agent's claim) up.
    public var evaluateTail: Int = 1000
    /// `live` hands off; `shadow` records what it would have done and leaves the conversation with the AI.
    public var mode: EngineMode = .live
    /// In shadow mode, the share of conversations (0–100, by `PilotShare`) handed off live all the same.
    public var pilotPercent: Int = 0

    public init() {}

    /// The configured policy topic group with this name.
    public func topic(named name: String) -> PolicyTopic? { topics.first { $0.name == name } }
}

/// A policy topic group such as `refund` or `security`, with the queue it routes to.
public struct PolicyTopic: Sendable, Equatable {
    /// Group name used by the built-in lexicon: refund, billing_dispute, legal, privacy, medical,
    /// security, lockout, cancellation. Config may add groups of its own with `phrases` only.
    public var name: String
    public var queue: String
    /// How urgent this topic is; medical and security are high.
    public var urgency: Priority
    /// `urgency = "soft"` in the config: the AI may try once more, and the handoff fires only if the
    /// customer's next message is still unresolved or negative (`SoftEscalation`). A soft topic's priority
    /// is `urgency` (medium).
    public var soft: Bool
    /// Extra phrases from config that match this group, in addition to the built-in lexicon.
    public var phrases: [String]

    public init(name: String, queue: String, urgency: Priority = .medium, soft: Bool = false, phrases: [String] = []) {
        self.name = name
        self.queue = queue
        self.urgency = urgency
        self.soft = soft
        self.phrases = phrases
    }

    public static let defaults: [PolicyTopic] = [
        PolicyTopic(name: "refund", queue: "billing"),
        PolicyTopic(name: "billing_dispute", queue: "billing"),
        PolicyTopic(name: "legal", queue: "legal", urgency: .high),
        PolicyTopic(name: "privacy", queue: "legal"),
        PolicyTopic(name: "medical", queue: "safety", urgency: .high),
        PolicyTopic(name: "security", queue: "security", urgency: .high),
        PolicyTopic(name: "lockout", queue: "security"),
        PolicyTopic(name: "cancellation", queue: "retention"),
    ]
}
