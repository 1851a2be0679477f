import Foundation
import GRDB
import BatonCore

/// Turns `messages` rows back into `Message` values.
enum MessageRow {
    static let columns = "role, text, at, confidence, intent, tools, kb, links, platform_id"

    static func message(_ row: Row, conversationID: String) throws -> Message {
        let decoder = JSONDecoder()
        func list<T: Decodable>(_ column: Int, _ name: String, _ type: [T].Type) throws -> [T] {
            guard let text = row[column] as String? else { return [] }
            do {
                return try decoder.decode(type, from: Data(text.utf8))
            } catch {
                throw StoreError.corrupt("conversation \(conversationID) has an message with an unreadable \(name) list")
            }
        }
        let role: String = row[0]
        guard let decodedRole = Role(rawValue: role) else {
            throw StoreError.corrupt("conversation \(conversationID) has a message with unknown role '\(role)'")
        }
        return Message(role: decodedRole, text: row[1], at: Date(storeValue: row[2] as Double?), confidence: row[3],
                       intent: row[4], tools: try list(5, "tools", [ToolCall].self), kb: try list(6, "kb", [String].self),
                       links: try list(7, "links", [String].self), platformID: row[8])
    }

    /// The bot-side messages of a conversation (`idx` not NULL) in order, read column by column through SQLite's C
    /// API (`DirectRow`); the same values `message(_:conversationID:)` reads from the same columns.
    static func botMessages(of conversationID: String, in db: Database) throws -> [Message] {
        var binding = DirectBinding(try db.cachedStatement(sql: """
            SELECT \(columns) FROM messages WHERE conversation_id = ? AND idx IS NOT NULL ORDER BY idx
            """))
        binding.bind(conversationID)
        var messages: [Message] = []
        var decoder: JSONDecoder?
        try binding.forEachRow { row in
            func list<T: Decodable>(_ column: CInt, _ name: String, _ type: [T].Type) throws -> [T] {
                guard let text = row.text(column) else { return [] }
                do {
                    let reader = decoder ?? JSONDecoder()
                    decoder = reader
                    return try reader.decode(type, from: Data(text.utf8))
                } catch {
                    throw StoreError.corrupt("conversation \(conversationID) has an message with an unreadable \(name) list")
                }
            }
            let role = row.text(0) ?? ""
            guard let decodedRole = Role(rawValue: role) else {
                throw StoreError.corrupt("conversation \(conversationID) has a message with unknown role '\(role)'")
            }
            guard let text = row.text(1) else { throw StoreError.corrupt("conversation \(conversationID) has a message without text") }
            messages.append(Message(role: decodedRole, text: text, at: Date(storeValue: row.double(2)), confidence: row.double(3),
                                    intent: row.text(4), tools: try list(5, "tools", [ToolCall].self), kb: try list(6, "kb", [String].self),
                                    links: try list(7, "links", [String].self), platformID: row.text(8)))
        }
        return messages
    }
}
