import Foundation
import GRDB
import BatonCore

/// What an answer to the bot says of a thread, read column by column: no packet decoded, no transcript, notes or
/// audit trail loaded (the answer to every message event asks for it).
extension SQLiteHandoffStore {
    static func answeredThread(id: String, handedOff: Bool, in db: Database) throws -> AnsweredThread? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(ThreadRow.columns),
                   (SELECT MAX(seq) FROM outbox WHERE thread_id = ?1)
            FROM threads WHERE id = ?1
            """), arguments: [id]) else { return nil }
        var answered = AnsweredThread(summary: try ThreadRow.summary(row), primary: nil, handoffText: nil,
                                      lastSequence: row[17] as Int? ?? 0)
        guard handedOff else { return answered }
        // The packet's primary trigger, straight from its JSON (`StoreJSON.packet` writes it under "primary").
        if let trigger = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT json_extract(packet, '$.primary.kind'), json_extract(packet, '$.primary.message'),
                   json_extract(packet, '$.primary.reason'), json_extract(packet, '$.primary.rule'),
                   json_extract(packet, '$.primary.topic')
            FROM threads WHERE id = ? AND packet IS NOT NULL
            """), arguments: [id]) {
            guard let kind = (trigger[0] as String?).flatMap(TriggerKind.init(rawValue:)), let message = trigger[1] as Int?,
                  let reason = trigger[2] as String?, let rule = trigger[3] as String? else {
                throw StoreError.corrupt("thread \(id) has an unreadable context packet: its primary trigger")
            }
            answered.primary = FiredTrigger(kind: kind, message: message, reason: reason, rule: rule, topic: trigger[4])
        }
        answered.handoffText = try String.fetchOne(db.cachedStatement(sql: """
            SELECT text FROM outbox INDEXED BY outbox_by_thread
            WHERE thread_id = ? AND kind IN ('\(OutboxKind.handoffMessage.rawValue)', '\(OutboxKind.afterHoursMessage.rawValue)')
            ORDER BY seq DESC LIMIT 1
            """), arguments: [id])
        return answered
    }
}
