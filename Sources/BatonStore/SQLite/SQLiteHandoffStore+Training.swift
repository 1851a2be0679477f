import Foundation
import GRDB
import BatonCore

/// Reads for exporting agents' verdicts as training examples.
extension SQLiteHandoffStore {
    public func resolvedHandoffs(since: Date, limit: Int) throws -> [ResolvedHandoff] {
        try Validate.page(limit: limit, offset: 0, "resolved handoffs")
        return try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, disposition, resolved_at, language, packet FROM threads
                WHERE resolved_at >= ? AND disposition IS NOT NULL AND packet IS NOT NULL
                ORDER BY resolved_at, id LIMIT ?
                """), arguments: [since.storeValue, limit])
            var result: [ResolvedHandoff] = []
            result.reserveCapacity(rows.count)
            for row in rows {
                let id: String = row[0]
                guard let disposition = Disposition(rawValue: row[1]) else {
                    throw StoreError.corrupt("thread \(id) has an unknown disposition \(row[1] as String)")
                }
                let packet: ContextPacket
                do {
                    packet = try JSONDecoder().decode(ContextPacket.self, from: Data((row[4] as String).utf8))
                } catch {
                    throw StoreError.corrupt("thread \(id) has an unreadable context packet: \(error)")
                }
                let message = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT role, text FROM messages WHERE conversation_id = ? AND idx = ?
                    """), arguments: [id, packet.primary.message])
                let text: String? = message.flatMap { $0[0] as String == Role.customer.rawValue ? $0[1] as String : nil }
                result.append(ResolvedHandoff(threadID: id, disposition: disposition,
                                              resolvedAt: Date(storeValue: row[2] as Double), trigger: packet.primary,
                                              text: text, language: row[3]))
            }
            return result
        }
    }
}
