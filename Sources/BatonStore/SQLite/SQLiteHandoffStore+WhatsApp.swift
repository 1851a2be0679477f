import Foundation
import GRDB
import BatonCore

/// WhatsApp's 24-hour rule: a business may write free text only within 24 hours of the customer's last
/// message. An agent who answers a customer who wrote the night before last (a callback, a capture, a
/// thread that waited over a weekend) cannot send free text: the event says a template is required.
extension SQLiteHandoffStore {
    /// `kind` (an agent's introduction or reply) as it must go out on `threadID` now: `template_required` on a
    /// WhatsApp thread whose window has closed, `kind` otherwise.
    static func agentMessageKind(_ kind: OutboxKind, threadID: String, now: Date, in db: Database) throws -> OutboxKind {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT t.channel, (SELECT MAX(m.at) FROM messages m WHERE m.conversation_id = t.id AND m.role = 'customer')
            FROM threads t WHERE t.id = ?
            """), arguments: [threadID]),
              (row[0] as String?) == Channel.whatsapp.rawValue, let last = row[1] as Double? else { return kind }
        return ReplyWindow.whatsapp(lastCustomerMessageAt: Date(storeValue: last)).isOpen(at: now) ? kind : .templateRequired
    }
}
