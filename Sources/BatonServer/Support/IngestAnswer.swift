import BatonCore
import BatonStore
import Foundation

/// The answer to a conversation, message, handoff or CSAT POST: whether it handed off, the primary trigger and
/// its reason, the queue, the wait estimate, who holds the conversation now and the customer-facing text Baton
/// will deliver (through the outbox: `GET /v1/events` and webhooks).
struct IngestAnswer {
    let api: BatonAPI

    func json(_ outcome: Dispatcher.Outcome, conversationID: String) async throws -> JSONValue {
        let store = api.store
        let config = api.config
        let now = api.clock()
        switch outcome {
        case .keptByAI:
            // The common case answers without reading anything back.
            return Self.answer(conversationID, outcome: "kept_by_ai", holder: .ai)
        case .handedOff, .reopened, .appended, .acknowledgedAfterHours, .csatRecorded:
            let read = try await api.run { () -> (ThreadDetail?, [OutboxMessage], [QueueCounts], [Agent]) in
                let detail = try store.thread(id: conversationID)
                let events = try store.events(threadID: conversationID, afterSequence: 0, limit: 10_000)
                let waiting = detail.map { $0.summary.state.isWaiting } ?? false
                return (detail, events, waiting ? try store.queueCounts(now: now) : [], waiting ? try store.agents() : [])
            }
            let (detail, events, counts, agents) = read
            guard let detail else { throw LifecycleError.noSuchThread(conversationID) }
            let summary = detail.summary
            let name: String = switch outcome {
            case .handedOff: "handed_off"
            case .reopened: "reopened"
            case .acknowledgedAfterHours: "acknowledged_after_hours"
            case .csatRecorded: "csat_recorded"
            default: "appended"
            }
            let handedOff: Bool = switch outcome {
            case .handedOff, .reopened, .acknowledgedAfterHours: true
            default: false
            }
            // The customer-facing text of this handoff: the newest handoff or after-hours message.
            let text = handedOff
                ? events.last { $0.kind == .handoffMessage || $0.kind == .afterHoursMessage }?.text : nil
            var estimate: WaitEstimate?
            if summary.state == .queued {
                let queue = config.queue(named: summary.queue)
                let staffing = BatonCore.Router.staffing(of: queue, among: agents)
                let mine = counts.first { $0.queue == summary.queue }
                estimate = WaitEstimate.estimate(ahead: max(0, (mine?.waiting ?? 1) - 1), freeSlots: staffing.freeSlots,
                                                 agentsOnShift: staffing.onShift,
                                                 recentHandleTimes: Array((mine?.recentHandleTimes ?? []).prefix(config.waitEstimateSampleSize)))
            }
            return .object([
                ("conversation_id", .string(conversationID)),
                ("outcome", .string(name)),
                ("handed_off", .bool(handedOff)),
                ("holder", .string(Holder(summary.state).rawValue)),
                ("owner", .from(summary.owner)),
                ("trigger", handedOff ? detail.packet.map { APIJSON.trigger($0.primary) } ?? .null : .null),
                ("queue", summary.state == .ai ? .null : .string(summary.queue)),
                ("wait", APIJSON.wait(estimate)),
                ("customer_message", .from(text)),
                ("last_sequence", .from(events.last?.sequence ?? 0)),
            ])
        }
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
