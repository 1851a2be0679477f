import Foundation
import GRDB
import BatonCore

/// Group commit of message events: many concurrent events, their handoffs and their idempotent answers in one
/// write transaction.
extension SQLiteHandoffStore {
    public func recordEvents(_ events: [MessageEvent], now: Date,
                             plan: (_ recorded: [Result<RecordOutcome, any Error>], _ facts: any PlanningFacts) throws -> [HandoffRequest],
                             receipts: (_ handoffs: [Result<ThreadSummary, LifecycleError>], _ facts: any AnswerFacts) throws -> [IdempotentReceipt])
        throws -> RecordedEvents {
        var seen = Set<String>()
        for event in events where !seen.insert(event.conversationID).inserted {
            throw StoreError.invalidInput("conversation \(event.conversationID) appears twice in one batch of message events")
        }
        return try write { db in
            // Each event in a savepoint of its own: a refused one leaves no trace and the others go on.
            let recorded = events.map { event in
                Result<RecordOutcome, any Error> {
                    var outcome: RecordOutcome?
                    try db.inSavepoint {
                        outcome = try Self.recordEvent(event, now: now, in: db)
                        return .commit
                    }
                    guard let outcome else { throw StoreError.corrupt("recording a message event returned nothing") }
                    return outcome
                }
            }
            // Only refusals of the event itself stay in its slot; a storage fault rolls the whole batch back.
            for case .failure(let error) in recorded where !Self.isRefusal(error) { throw error }
            let facts = SQLitePlanningFacts(db: db, now: now)
            let handoffs = try Self.applyHandoffs(try plan(recorded, facts), now: now, in: db)
            for receipt in try receipts(handoffs, facts) { try Self.store(receipt, now: now, in: db) }
            return RecordedEvents(recorded: recorded, handoffs: handoffs)
        }
    }

    /// Whether recording an event failed because of the event (its slot reports it) rather than the store.
    private static func isRefusal(_ error: any Error) -> Bool {
        switch error {
        case is IngestError: true
        case StoreError.invalidInput: true
        default: false
        }
    }
}
