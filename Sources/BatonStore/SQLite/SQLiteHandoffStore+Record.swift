import Foundation
import GRDB
import BatonCore

/// Ingestion: conversations from the bot platform, one at a time or in large batches.
extension SQLiteHandoffStore {
    public func record(_ conversation: Conversation, now: Date) throws -> RecordOutcome {
        try ConversationRecorder.validate(conversation)
        return try write { db in
            var recorder = try ConversationRecorder(db)
            return try recorder.record(conversation, now: now)
        }
    }

    public func record(_ conversations: [Conversation], now: Date) throws -> [RecordOutcome] {
        for conversation in conversations { try ConversationRecorder.validate(conversation) }
        return try write { db in
            // New threads are inserted together at the end, so their count is written once.
            var recorder = try ConversationRecorder(db, defersNewThreads: true)
            let recorded = try conversations.map { try recorder.record($0, now: now) }
            try recorder.insertDeferredThreads(now: now)
            return recorded
        }
    }

    public func record(_ conversations: [Conversation], now: Date,
                       plan: (_ recorded: [RecordOutcome], _ facts: any PlanningFacts) throws -> [HandoffRequest]) throws -> RecordedBatch {
        for conversation in conversations { try ConversationRecorder.validate(conversation) }
        return try write { db in
            // New threads wait for the plan: one handed off is inserted in its handed-off state.
            var recorder = try ConversationRecorder(db, defersNewThreads: true)
            let recorded = try conversations.map { try recorder.record($0, now: now) }
            let requests = try plan(recorded, SQLitePlanningFacts(db: db, now: now))
            let handoffs = try Self.applyHandoffs(requests, now: now, in: db, newThread: { recorder.takeDeferred($0) },
                                                  deferredThread: { recorder.deferredThread($0) })
            try recorder.insertDeferredThreads(now: now)
            return RecordedBatch(recorded: recorded, handoffs: handoffs)
        }
    }
}
