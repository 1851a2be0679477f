import Foundation
import BatonCore
import BatonStore

/// What the supervisor view shows besides the thread list: agents, escalations and today's figures.
public struct SupervisorModel: Sendable, Equatable {
    /// One agent with their load and the customers of the threads they hold.
    public struct AgentLine: Sendable, Equatable {
        public var id: String
        public var name: String
        public var status: AgentStatus
        public var load: Int
        public var capacity: Int
        public var holding: [String]

        public init(_ agent: Agent, holding: [ThreadSummary]) {
            id = agent.id
            name = Sanitizer.line(agent.name.isEmpty ? agent.id : agent.name)
            status = agent.status
            load = agent.load
            capacity = agent.capacity
            self.holding = holding.map { Sanitizer.line($0.customerName.isEmpty ? $0.id : $0.customerName) }
        }
    }

    /// One pickup-window breach.
    public struct Notice: Sendable, Equatable {
        public var thread: String
        public var queue: String
        public var level: Int
        public var at: Date

        /// Identifies the breach (a thread breaches each level once).
        public var key: String

        public init(_ notice: EscalationNotice) {
            thread = Sanitizer.line(notice.customerName ?? notice.threadID)
            queue = Sanitizer.line(notice.queue)
            level = notice.level
            at = notice.at
            key = "\(notice.threadID)\u{1F}\(notice.level)\u{1F}\(notice.at.timeIntervalSinceReferenceDate)"
        }
    }

    public var agents: [AgentLine]
    /// Breaches in the last 24 hours, newest first.
    public var notices: [Notice]
    public var stats: ConsoleStats?
    /// The most urgent waiting threads of each queue, by queue name (sanitized).
    public var queueHeads: [String: [ThreadRow]]
    /// Webhook deliveries not done yet, per endpoint with any (empty when the store keeps none).
    public var webhooks: [WebhookBacklog] = []

    public init(agents: [AgentLine], notices: [Notice], stats: ConsoleStats?, queueHeads: [String: [ThreadRow]] = [:]) {
        self.agents = agents
        self.notices = notices
        self.stats = stats
        self.queueHeads = queueHeads
    }
}
