import Foundation

/// What Baton would have done with a conversation in shadow mode: the handoff it decided, not applied.
public struct ShadowDecision: Sendable, Equatable {
    public var conversationID: String
    /// When it was decided.
    public var decidedAt: Date
    /// The primary trigger, the rule that fired and why, on which message (index in the conversation).
    public var trigger: TriggerKind
    public var rule: String
    public var reason: String
    public var message: Int
    public var queue: String
    public var priority: Priority
    /// The queue was closed: the customer would have had the after-hours message.
    public var afterHours: Bool
    /// The customer-facing text Baton would have sent (handoff or after-hours message).
    public var customerMessage: String

    public init(conversationID: String, decidedAt: Date, trigger: TriggerKind, rule: String, reason: String, message: Int,
                queue: String, priority: Priority, afterHours: Bool, customerMessage: String) {
        self.conversationID = conversationID
        self.decidedAt = decidedAt
        self.trigger = trigger
        self.rule = rule
        self.reason = reason
        self.message = message
        self.queue = queue
        self.priority = priority
        self.afterHours = afterHours
        self.customerMessage = customerMessage
    }

    /// The decision a handoff request stands for, taken at `now`.
    public init(_ request: HandoffRequest, at now: Date) {
        self.init(conversationID: request.threadID, decidedAt: now, trigger: request.packet.primary.kind,
                  rule: request.packet.primary.rule, reason: request.packet.primary.reason, message: request.packet.primary.message,
                  queue: request.queue, priority: request.priority, afterHours: request.afterHours,
                  customerMessage: request.customerMessage)
    }
}

/// What happened to a conversation after its shadow decision, as far as the store knows.
public enum ShadowAftermath: String, Sendable, Equatable, CaseIterable {
    /// The AI still holds it (or handed it back): no human stepped in.
    case keptByAI = "kept_by_ai"
    /// A human took it after all (a takeover, a bot handoff in live mode, a pilot handoff).
    case handedOffLater = "handed_off_later"
    /// A human took it and resolved it.
    case resolvedByAgent = "resolved_by_agent"

    /// From the thread as it is now: its state and when it was last handed off, compared with the decision.
    public static func of(state: ThreadState, handedOffAt: Date?, decidedAt: Date) -> ShadowAftermath {
        guard let handedOffAt, handedOffAt >= decidedAt else { return .keptByAI }
        return state == .resolved ? .resolvedByAgent : .handedOffLater
    }
}

/// A stored shadow decision with what became of its conversation.
public struct ShadowRecord: Sendable, Equatable {
    public var decision: ShadowDecision
    public var aftermath: ShadowAftermath
    /// The customer's satisfaction score, when one was recorded.
    public var csat: Int?

    public init(decision: ShadowDecision, aftermath: ShadowAftermath, csat: Int? = nil) {
        self.decision = decision
        self.aftermath = aftermath
        self.csat = csat
    }
}

/// Shadow decisions totalled by trigger, for `baton shadow` and the monthly review.
public struct ShadowSummary: Sendable, Equatable {
    /// One trigger's decisions and what became of their conversations.
    public struct Row: Sendable, Equatable {
        public var trigger: TriggerKind
        public var decisions: Int
        public var afterHours: Int
        /// By `ShadowAftermath`, every case present (zero when none).
        public var aftermath: [ShadowAftermath: Int]

        public init(trigger: TriggerKind, decisions: Int = 0, afterHours: Int = 0,
                    aftermath: [ShadowAftermath: Int] = Dictionary(uniqueKeysWithValues: ShadowAftermath.allCases.map { ($0, 0) })) {
            self.trigger = trigger
            self.decisions = decisions
            self.afterHours = afterHours
            self.aftermath = aftermath
        }
    }

    /// Per trigger, most decisions first (ties by trigger name).
    public var rows: [Row]
    /// All triggers together.
    public var total: Row
    /// Decisions per queue, most first (ties by name).
    public var byQueue: [QueueCount]

    public struct QueueCount: Sendable, Equatable {
        public var queue: String
        public var decisions: Int

        public init(queue: String, decisions: Int) {
            self.queue = queue
            self.decisions = decisions
        }
    }

    public init(_ records: [ShadowRecord]) {
        var rows: [TriggerKind: Row] = [:]
        var total = Row(trigger: .explicitRequest)
        var queues: [String: Int] = [:]
        for record in records {
            let trigger = record.decision.trigger
            var row = rows[trigger] ?? Row(trigger: trigger)
            for index in [0, 1] {
                var counted = index == 0 ? row : total
                counted.decisions += 1
                if record.decision.afterHours { counted.afterHours += 1 }
                counted.aftermath[record.aftermath, default: 0] += 1
                if index == 0 { row = counted } else { total = counted }
            }
            rows[trigger] = row
            queues[record.decision.queue, default: 0] += 1
        }
        self.rows = rows.values.sorted { ($0.decisions, $1.trigger.rawValue) > ($1.decisions, $0.trigger.rawValue) }
        self.total = total
        self.byQueue = queues.map { QueueCount(queue: $0.key, decisions: $0.value) }
            .sorted { ($0.decisions, $1.queue) > ($1.decisions, $0.queue) }
    }
}
