import Foundation
import GRDB
import BatonCore

/// The facts the monthly review and the handoff quality score are computed from, in one read transaction.
extension SQLiteHandoffStore {
    public func reviewFacts(since: Date, contactsSince: Date) throws -> ReviewFacts {
        try read { db in
            ReviewFacts(conversations: try Self.metricFacts(since: since, in: db).conversations,
                        handoffs: try Self.handoffFacts(since: since, in: db),
                        contacts: try Self.contacts(customerIDs: nil, since: contactsSince, in: db))
        }
    }

    /// Threads handed off at or after `since` (their latest handoff), oldest first.
    static func handoffFacts(since: Date, in db: Database) throws -> [HandoffFacts] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.id, c.customer_id, t.queue, t.trigger_kind, t.handed_off_at, t.first_claimed_at, t.disposition, t.csat,
                   t.packet, r.at, r.action, r.reason,
                   (SELECT COUNT(*) FROM audit x WHERE x.thread_id = t.id AND x.action = 'transfer' AND x.at >= t.handed_off_at),
                   (SELECT p.rating FROM packet_ratings p WHERE p.thread_id = t.id ORDER BY p.id DESC LIMIT 1),
                   (SELECT p.note FROM packet_ratings p WHERE p.thread_id = t.id ORDER BY p.id DESC LIMIT 1)
            FROM threads t JOIN conversations c ON c.id = t.id
            LEFT JOIN audit r ON r.id = \(firstResolutionSQL)
            WHERE t.handed_off_at >= ? ORDER BY t.handed_off_at, t.id
            """), arguments: [since.storeValue])
        let before = try db.cachedStatement(sql: """
            SELECT text FROM messages WHERE conversation_id = ? AND role = 'customer' AND idx IS NOT NULL AND idx <= ? ORDER BY id
            """)
        let afterClaim = try db.cachedStatement(sql: """
            SELECT text FROM messages WHERE conversation_id = ? AND role = 'customer' AND at >= ? ORDER BY id
            """)
        return try rows.map { row in
            let id: String = row[0]
            var packet: ContextPacket?
            if let json = row[8] as String? {
                do {
                    packet = try JSONDecoder().decode(ContextPacket.self, from: Data(json.utf8))
                } catch {
                    throw StoreError.corrupt("thread \(id) has an unreadable context packet: \(error)")
                }
            }
            var disposition = try (row[6] as String?).map { try ThreadRow.decode(Disposition.self, $0, "disposition", id) }
            if disposition == nil, (row[10] as String?) == LifecycleAction.resolve.rawValue {
                disposition = Self.disposition(fromAuditReason: row[11])
            }
            let claimedAt = Date(storeValue: row[5] as Double?)
            return HandoffFacts(
                threadID: id, customerID: row[1], queue: row[2],
                trigger: try (row[3] as String?).map { try ThreadRow.decode(TriggerKind.self, $0, "trigger", id) },
                reason: packet?.primary.reason, handedOffAt: Date(storeValue: row[4] as Double), firstClaimedAt: claimedAt,
                resolvedAt: Date(storeValue: row[9] as Double?), disposition: disposition, packet: packet, transfers: row[12],
                customerBefore: try packet.map { try String.fetchAll(before, arguments: [id, $0.primary.message]) } ?? [],
                customerAfterClaim: try claimedAt.map { try String.fetchAll(afterClaim, arguments: [id, $0.storeValue]) } ?? [],
                rating: row[13], ratingNote: row[14], csat: row[7])
        }
    }
}
