import Foundation
import GRDB
import BatonCore

/// Customers' earlier contacts, for repeat contacts counted from Baton's own history.
extension SQLiteHandoffStore {
    public func customerContacts(customerIDs: [String]?, since: Date) throws -> [CustomerContact] {
        if let customerIDs, customerIDs.isEmpty { return [] }
        return try read { db in
            var contacts: [CustomerContact] = []
            if let customerIDs {
                // In slices, so a batch of many customers stays within SQLite's limit on placeholders.
                let ids = Array(Set(customerIDs)).sorted()
                for start in stride(from: 0, to: ids.count, by: 500) {
                    contacts += try Self.contacts(customerIDs: Array(ids[start..<min(start + 500, ids.count)]), since: since, in: db)
                }
            } else {
                contacts = try Self.contacts(customerIDs: nil, since: since, in: db)
            }
            return contacts.sorted { ($0.at, $0.conversationID) < ($1.at, $1.conversationID) }
        }
    }

    /// Conversations started at or after `since` and reopens since then, of these customers (all when nil).
    static func contacts(customerIDs: [String]?, since: Date, in db: Database) throws -> [CustomerContact] {
        var arguments: [(any DatabaseValueConvertible)?] = []
        var filter = ""
        if let customerIDs {
            filter = "c.customer_id IN (\(Array(repeating: "?", count: customerIDs.count).joined(separator: ", "))) AND"
            arguments += customerIDs
        }
        let opening = """
            (SELECT group_concat(text, ' ') FROM (SELECT m.text FROM messages m
                WHERE m.conversation_id = c.id AND m.role = 'customer' ORDER BY m.id LIMIT 3))
            """
        let conversationRows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.customer_id, COALESCE((SELECT MIN(m.at) FROM messages m WHERE m.conversation_id = c.id), c.created_at) AS started,
                   json_extract(t.packet, '$.primary.topic'), \(opening)
            FROM conversations c LEFT JOIN threads t ON t.id = c.id
            WHERE \(filter) started >= ?
            """, arguments: StatementArguments(arguments + [since.storeValue]))
        let reopenRows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.customer_id, a.at, json_extract(t.packet, '$.primary.topic'), \(opening)
            FROM audit a JOIN conversations c ON c.id = a.thread_id LEFT JOIN threads t ON t.id = c.id
            WHERE \(filter) a.action = 'reopen' AND a.at >= ?
            """, arguments: StatementArguments(arguments + [since.storeValue]))
        func contact(_ row: Row, _ kind: CustomerContact.Kind) -> CustomerContact {
            CustomerContact(conversationID: row[0], customerID: row[1], kind: kind, at: Date(storeValue: row[2] as Double),
                            triggerTopic: row[3], openingText: row[4] ?? "")
        }
        return conversationRows.map { contact($0, .conversation) } + reopenRows.map { contact($0, .reopen) }
    }
}
