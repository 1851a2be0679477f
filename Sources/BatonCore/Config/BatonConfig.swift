import Foundation

/// Everything configurable: the engine, queues, customer-facing templates and notifications.
public struct BatonConfig: Sendable, Equatable {
    public var engine: EngineConfig
    public var queues: [QueueConfig]
    public var templates: Templates
    /// A shell command run on each pickup-window breach, with BATON_THREAD, BATON_QUEUE and BATON_LEVEL set.
    public var notifyCommand: String?
    /// How far back handle times are taken for wait estimates.
    public var waitEstimateSampleSize: Int
    /// `wait_update_interval`: a waiting customer gets at most one wait update per this many seconds.
    public var waitUpdateInterval: TimeInterval = 600
    /// `introduction = "with_summary"`: the agent's introduction also says, in one line in the customer's
    /// language, what the conversation is about ("I can see this is about a refund, order 8812."), so the
    /// customer knows the agent read it; `"only"` (the default): the introduction alone.
    public var introductionWithSummary: Bool = false
    /// Where `baton serve` delivers outbox events.
    public var webhooks: [WebhookConfig]
    /// `[console] mouse`: clicks select threads and the wheel scrolls (on unless set to false).
    public var consoleMouse: Bool = true
    /// `[security] agent_is_os_user`: the console and command line refuse `--agent` other than the login
    /// name unless the login is a supervisor (a shared host where each agent logs in as themselves).
    public var agentIsOSUser: Bool = false

    public init(engine: EngineConfig = EngineConfig(), queues: [QueueConfig] = BatonConfig.defaultQueues,
                templates: Templates = Templates(), notifyCommand: String? = nil, waitEstimateSampleSize: Int = 20,
                webhooks: [WebhookConfig] = []) {
        self.engine = engine
        self.queues = queues
        self.templates = templates
        self.notifyCommand = notifyCommand
        self.waitEstimateSampleSize = waitEstimateSampleSize
        self.webhooks = webhooks
    }

    /// The queue called `name`, or a default queue of that name (always open, 5-minute window).
    public func queue(named name: String) -> QueueConfig {
        queues.named(name)
    }

    /// Every queue a trigger can route to, configured or not.
    public var allQueueNames: [String] {
        var names = queues.map(\.name)
        let routed = engine.topics.map(\.queue) + engine.queueByKind.values + [engine.defaultQueue]
        for name in routed where !names.contains(name) { names.append(name) }
        return names
    }

    public static let defaultQueues: [QueueConfig] = [
        QueueConfig(name: "general", skills: ["general"]),
        QueueConfig(name: "billing", skills: ["billing"]),
        QueueConfig(name: "security", skills: ["security"], pickupWindow: 180),
        QueueConfig(name: "legal", skills: ["legal"], afterHours: .callback, pickupWindow: 600),
        QueueConfig(name: "safety", skills: ["safety", "general"], pickupWindow: 120),
        QueueConfig(name: "retention", skills: ["retention", "billing"]),
        QueueConfig(name: "vip", skills: ["vip"], pickupWindow: 120),
        QueueConfig(name: "tech", skills: ["tech"]),
        QueueConfig(name: "sales", skills: ["sales"], afterHours: .callback, pickupWindow: 900),
    ]
}
