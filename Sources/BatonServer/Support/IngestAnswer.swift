import BatonCore
import BatonStore
import Foundation

/// The answer to a conversation, message, handoff or CSAT POST: whether it handed off, the primary trigger and
/// its reason, the queue, the wait estimate, who holds the conversation now and the customer-facing text Baton
/// will deliver (through the outbox: `GET /v1/events` and webhooks).
struct IngestAnswer: Sendable {
    let store: BatonAPI.Store
    let config: BatonConfig
    let runner: StoreRunner
    let clock: @Sendable () -> Date

    init(store: BatonAPI.Store, config: BatonConfig, runner: StoreRunner, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.config = config
        self.runner = runner
        self.clock = clock
    }

    init(api: BatonAPI) {
        self.init(store: api.store, config: api.config, runner: api.runner, clock: api.clock)
    }

    func json(_ outcome: Dispatcher.Outcome, conversationID: String) async throws -> JSONValue {
        if case .keptByAI = outcome {
            // The common case answers without reading anything back.
            return Self.answer(conversationID, outcome: "kept_by_ai", holder: .ai)
        }
        let store = self.store
        let config = self.config
        let now = clock()
        return try await runner.run {
            try Self.json(outcome, conversationID: conversationID, facts: StoreAnswerFacts(store: store, now: now), config: config, now: now)
        }
    }

    /// The answer from `facts`: the store's, or those of the transaction that made the change (group commit).
    static func json(_ outcome: Dispatcher.Outcome, conversationID: String, facts: any AnswerFacts, config: BatonConfig,
                     now: Date) throws -> JSONValue {
        switch outcome {
        case .keptByAI:
            return Self.answer(conversationID, outcome: "kept_by_ai", holder: .ai)
        case .shadowed(let decision):
            return Self.shadow(decision)
        case .handedOff, .reopened, .appended, .acknowledgedAfterHours, .csatRecorded, .suggestionStored:
            let handedOff: Bool = switch outcome {
            case .handedOff, .reopened, .acknowledgedAfterHours: true
            default: false
            }
            guard let thread = try facts.answeredThread(id: conversationID, handedOff: handedOff) else {
                throw LifecycleError.noSuchThread(conversationID)
            }
            let summary = thread.summary
            let waiting = summary.state.isWaiting
            let counts = waiting ? try facts.queueCounts() : []
            let agents = waiting ? try facts.agents() : []
            let name: String = switch outcome {
            case .handedOff: "handed_off"
            case .reopened: "reopened"
            case .acknowledgedAfterHours: "acknowledged_after_hours"
            case .csatRecorded: "csat_recorded"
            case .suggestionStored: "suggestion_stored"
            default: "appended"
            }
            // The customer-facing text of this handoff: the newest handoff or after-hours message.
            let text = thread.handoffText
            var wait = JSONValue.null
            if summary.state == .queued {
                let queue = config.queue(named: summary.queue)
                let mine = counts.first { $0.queue == summary.queue }
                wait = APIJSON.wait(in: queue, staffing: Staffing(of: queue, among: agents), ahead: max(0, (mine?.waiting ?? 1) - 1),
                                    recentHandleTimes: mine?.recentHandleTimes ?? [], config: config, now: now,
                                    language: summary.language.isEmpty ? "en" : summary.language, customerName: summary.customerName)
            }
            return .object([
                ("conversation_id", .string(conversationID)),
                ("outcome", .string(name)),
                ("handed_off", .bool(handedOff)),
                ("holder", .string(Holder(summary.state).rawValue)),
                ("owner", .from(summary.owner)),
                ("trigger", thread.primary.map(APIJSON.trigger) ?? .null),
                ("queue", summary.state == .ai ? .null : .string(summary.queue)),
                ("wait", wait),
                ("customer_message", .from(text)),
                ("last_sequence", .from(thread.lastSequence)),
            ])
        }
    }

    /// Shadow mode: nothing was handed off or sent (the AI keeps the conversation); `shadow` says what would have
    /// happened live.
    static func shadow(_ decision: ShadowDecision) -> JSONValue {
        guard case .object(var members) = answer(decision.conversationID, outcome: "shadow", holder: .ai) else { return .null }
        members.append(("shadow", .object([
            ("would_hand_off", .bool(true)),
            ("trigger", .object([
                ("kind", .string(decision.trigger.rawValue)), ("reason", .string(decision.reason)),
                ("rule", .string(decision.rule)), ("message", .from(decision.message)),
            ])),
            ("queue", .string(decision.queue)),
            ("priority", .string(decision.priority.rawValue)),
            ("after_hours", .bool(decision.afterHours)),
            ("customer_message", .string(decision.customerMessage)),
            ("decided_at", .string(ISO8601.format(decision.decidedAt))),
        ])))
        return .object(members)
    }

    static func answer(_ id: String, outcome: String, holder: Holder) -> JSONValue {
        .object([
            ("conversation_id", .string(id)),
            ("outcome", .string(outcome)),
            ("handed_off", .bool(false)),
            ("holder", .string(holder.rawValue)),
            ("owner", .null),
            ("trigger", .null),
            ("queue", .null),
            ("wait", .null),
            ("customer_message", .null),
        ])
    }
}

/// `AnswerFacts` read from the store, each in its own transaction (answers given after the change committed).
struct StoreAnswerFacts: AnswerFacts {
    let store: BatonAPI.Store
    let now: Date

    func queueCounts() throws -> [QueueCounts] { try store.queueCounts(now: now) }
    func agents() throws -> [Agent] { try store.agents() }
    func openThreadCounts(customerIDs: [String]) throws -> [String: Int] { try store.openThreadCounts(customerIDs: customerIDs) }
    func thread(id: String) throws -> ThreadDetail? { try store.thread(id: id) }
    func events(threadID: String, afterSequence: Int, limit: Int) throws -> [OutboxMessage] {
        try store.events(threadID: threadID, afterSequence: afterSequence, limit: limit)
    }
}
