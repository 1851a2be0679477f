import Foundation
import GRDB
import BatonCore

/// Turns `threads` rows into `ThreadSummary` values; the column list and the decoder live together.
enum ThreadRow {
    /// The columns `summary(_:)` reads, in order.
    static let columns = """
        id, customer_name, channel, language, tier, queue, state, owner, priority, trigger_kind, sentiment, \
        escalation_level, queued_at, pickup_deadline, claimed_at, last_activity_at, suggested_agent
        """

    static func summary(_ row: Row) throws -> ThreadSummary {
        let id: String = row[0]
        return ThreadSummary(
            id: id, customerName: row[1], channel: Channel(rawValue: row[2]), language: row[3], tier: row[4],
            queue: row[5], state: try decode(ThreadState.self, row[6], "state", id), owner: row[7],
            priority: try decode(Priority.self, row[8], "priority", id),
            trigger: try (row[9] as String?).map { try decode(TriggerKind.self, $0, "trigger", id) },
            sentiment: row[10], escalationLevel: row[11],
            queuedAt: Date(storeValue: row[12] as Double?), pickupDeadline: Date(storeValue: row[13] as Double?),
            claimedAt: Date(storeValue: row[14] as Double?), lastActivityAt: Date(storeValue: row[15] as Double),
            suggestedAgent: row[16])
    }

    /// Decodes a stored enum value, naming the thread and column when the value is unknown.
    static func decode<T: RawRepresentable>(_ type: T.Type, _ raw: String, _ column: String, _ threadID: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: raw) else {
            throw StoreError.corrupt("thread \(threadID) has unknown \(column) '\(raw)'")
        }
        return value
    }
}
