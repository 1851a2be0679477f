import Foundation
import GRDB
import BatonCore

/// Shadow mode: a handoff request marked `shadow` is stored as a decision and the thread stays with the AI.
extension SQLiteHandoffStore {
    /// Records a shadow request's decision inside an open write transaction, instead of handing off: nothing
    /// enters a queue, nothing reaches the outbox. The first decision of a conversation is kept, later ones are
    /// not stored (live, humans would have had the thread from the first one on). Refused, like a handoff,
    /// unless the AI holds the thread; `newThread` is a new conversation's thread not inserted yet (it will be,
    /// with the AI).
    static func recordShadow(_ request: HandoffRequest, newThread: ConversationRecorder.NewThread?, now: Date,
                             in db: Database) throws -> Result<ThreadSummary, LifecycleError> {
        let summary: ThreadSummary
        if let thread = newThread {
            summary = ThreadSummary(
                id: thread.id, customerName: thread.customerName, channel: Channel(rawValue: thread.channel),
                language: thread.language, tier: thread.tier, queue: "", state: .ai, owner: nil, priority: .medium,
                trigger: nil, sentiment: 0, escalationLevel: 0, queuedAt: nil, pickupDeadline: nil, claimedAt: nil,
                lastActivityAt: now)
        } else {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(ThreadRow.columns) FROM threads WHERE id = ?"),
                                             arguments: [request.threadID]) else {
                return .failure(.noSuchThread(request.threadID))
            }
            summary = try ThreadRow.summary(row)
            guard summary.state == .ai else { return .failure(.notAllowed(action: .handoff, state: summary.state)) }
        }
        let decision = ShadowDecision(request, at: now)
        try db.cachedStatement(sql: """
            INSERT INTO shadow_decisions (conversation_id, decided_at, trigger_kind, rule, reason, message_index, queue,
                                          priority, after_hours, customer_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO NOTHING
            """).execute(arguments: [
                decision.conversationID, decision.decidedAt.storeValue, decision.trigger.rawValue, decision.rule,
                decision.reason, decision.message, decision.queue, decision.priority.rawValue, decision.afterHours,
                decision.customerMessage,
            ])
        return .success(summary)
    }

    public func shadowDecisions(since: Date, limit: Int) throws -> [ShadowRecord] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.conversation_id, s.decided_at, s.trigger_kind, s.rule, s.reason, s.message_index, s.queue,
                       s.priority, s.after_hours, s.customer_message, t.state, t.handed_off_at, t.csat
                FROM shadow_decisions s JOIN threads t ON t.id = s.conversation_id
                WHERE s.decided_at >= ? ORDER BY s.decided_at, s.id LIMIT ?
                """, arguments: [since.storeValue, max(0, limit)])
            return try rows.map { row in
                let id: String = row[0]
                let decision = ShadowDecision(
                    conversationID: id, decidedAt: Date(storeValue: row[1] as Double),
                    trigger: try ThreadRow.decode(TriggerKind.self, row[2], "shadow trigger", id), rule: row[3], reason: row[4],
                    message: row[5], queue: row[6], priority: try ThreadRow.decode(Priority.self, row[7], "shadow priority", id),
                    afterHours: row[8], customerMessage: row[9])
                let state = try ThreadRow.decode(ThreadState.self, row[10], "state", id)
                return ShadowRecord(decision: decision,
                                    aftermath: .of(state: state, handedOffAt: Date(storeValue: row[11] as Double?),
                                                   decidedAt: decision.decidedAt),
                                    csat: row[12])
            }
        }
    }
}
