import Foundation
import BatonCore

extension Dispatcher {
    /// What one message event of `ingest(events:respond:)` led to.
    public struct EventResult: Sendable {
        /// The outcome, or why the event was refused (nothing of it stored).
        public var outcome: Result<Outcome, any Error>
        /// Whether `respond` was called for it inside the transaction that stored it (and its receipt, if it
        /// returned one, was stored with the change). False when its outcome needed a second transaction: a
        /// resolved thread reopened, a waiting customer who chose to be answered later, or an after-hours handoff acknowledged and given back to the AI.
        public var respondedInTransaction: Bool
    }

    /// Ingests many message events with group commit: the events, their handoffs and the idempotent answers
    /// `respond` returns are stored in ONE transaction (per run of distinct conversations: a conversation's second
    /// event in the same call starts a new transaction, so it sees the first one's handoff).
    ///
    /// A refused event (unknown conversation, an AI message while humans hold the thread, invalid input) is
    /// reported in its slot and stores nothing; the others still apply. `respond` runs inside the transaction,
    /// once per event whose outcome is final there, with the facts an answer needs as of that transaction; it
    /// must not call the store. A storage fault throws and stores nothing of that transaction.
    public func ingest(events: [MessageEvent],
                       respond: (_ slot: Int, _ outcome: Result<Outcome, any Error>, _ facts: any AnswerFacts) throws -> IdempotentReceipt?)
        throws -> [EventResult] {
        var results: [EventResult] = []
        var start = 0
        while start < events.count {
            var seen = Set<String>()
            var end = start
            while end < events.count, seen.insert(events[end].conversationID).inserted { end += 1 }
            results += try ingestRun(Array(events[start..<end]), offset: start, respond: respond)
            start = end
        }
        return results
    }

    /// What is left to do for an event after its transaction commits.
    private enum FollowUp {
        case revisit(RecordOutcome)
        case settle(HandoffRequest, ThreadSummary)
    }

    /// One transaction's worth of events: no conversation twice.
    private func ingestRun(_ events: [MessageEvent], offset: Int,
                           respond: (Int, Result<Outcome, any Error>, any AnswerFacts) throws -> IdempotentReceipt?) throws -> [EventResult] {
        let now = self.now
        var outcomes = [Result<Outcome, any Error>?](repeating: nil, count: events.count)
        var responded = [Bool](repeating: false, count: events.count)
        var followUps: [(slot: Int, step: FollowUp)] = []
        var planned: [(slot: Int, request: HandoffRequest)] = []
        _ = try store.recordEvents(events, now: now, plan: { recorded, facts in
            var situation = SituationCache(facts: facts)
            for (slot, result) in recorded.enumerated() {
                switch result {
                case .failure(let refusal):
                    outcomes[slot] = .failure(refusal)
                case .success(let outcome):
                    switch try process(outcome, decision: decision(outcome), now: now, situation: &situation) {
                    case .done(let outcome): outcomes[slot] = .success(outcome)
                    case .revisit(let outcome): followUps.append((slot, .revisit(outcome)))
                    case .handoff(let request): planned.append((slot, request))
                    }
                }
            }
            return planned.map(\.request)
        }, receipts: { handoffs, facts in
            for ((slot, request), result) in zip(planned, handoffs) {
                switch result {
                case .success where request.shadow:
                    outcomes[slot] = .success(.shadowed(ShadowDecision(request, at: now)))
                case .success(let thread) where needsSettling(request):
                    followUps.append((slot, .settle(request, thread)))
                case .success(let thread):
                    outcomes[slot] = .success(.handedOff(thread))
                case .failure(.notAllowed(_, let state)):
                    // Another process handed the thread off (or closed it) after this event was recorded.
                    outcomes[slot] = .success(.appended(threadID: request.threadID, state: state))
                case .failure(let refusal):
                    outcomes[slot] = .failure(refusal)
                }
            }
            var receipts: [IdempotentReceipt] = []
            // Every handoff is applied by now: the answers share one reading of the queues and agents.
            let facts = MemoizedAnswerFacts(facts)
            for (slot, outcome) in outcomes.enumerated() {
                guard let outcome else { continue }
                responded[slot] = true
                if let receipt = try respond(offset + slot, outcome, facts) { receipts.append(receipt) }
            }
            return receipts
        })
        for (slot, step) in followUps {
            outcomes[slot] = Result {
                switch step {
                case .revisit(let outcome): try revisit(outcome, now: now)
                case .settle(let request, let thread): try settle(request, thread, now: now)
                }
            }
        }
        return zip(outcomes, responded).map { outcome, responded in
            EventResult(outcome: outcome ?? .failure(StoreError.corrupt("a message event was left without an outcome")),
                        respondedInTransaction: responded)
        }
    }
}
