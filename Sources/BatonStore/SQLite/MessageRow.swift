import Foundation
import GRDB
import BatonCore

/// Turns `messages` rows back into `Message` values.
enum MessageRow {
    static let columns = "role, text, at, confidence, intent, tools, kb, links, platform_id"

    static func message(_ row: Row, conversationID: String) throws -> Message {
        var decoder: JSONDecoder?
        return try message(conversationID: conversationID, role: row[0], text: row[1], at: row[2], confidence: row[3],
                           intent: row[4], tools: row[5], kb: row[6], links: row[7], platformID: row[8], decoder: &decoder)
    }

    /// The bot-side messages of a conversation (`idx` not NULL) in order, read column by column through SQLite's C
    /// API (`DirectRow`) rather than GRDB's rows; one JSON decoder serves them all.
    static func botMessages(of conversationID: String, in db: Database) throws -> [Message] {
        var binding = DirectBinding(try db.cachedStatement(sql: """
            SELECT \(columns) FROM messages WHERE conversation_id = ? AND idx IS NOT NULL ORDER BY idx
            """))
        binding.bind(conversationID)
        var messages: [Message] = []
        var decoder: JSONDecoder?
        try binding.forEachRow { row in
            messages.append(try message(conversationID: conversationID, role: row.text(0), text: row.text(1), at: row.double(2),
                                        confidence: row.double(3), intent: row.text(4), tools: row.text(5), kb: row.text(6),
                                        links: row.text(7), platformID: row.text(8), decoder: &decoder))
        }
        return messages
    }

    /// A message from the values of `columns`, however they were read; `decoder` is made on the first JSON list.
    private static func message(conversationID: String, role: String?, text: String?, at: Double?, confidence: Double?,
                                intent: String?, tools: String?, kb: String?, links: String?, platformID: String?,
                                decoder: inout JSONDecoder?) throws -> Message {
        func list<T: Decodable>(_ json: String?, _ name: String, _ type: [T].Type) throws -> [T] {
            guard let json else { return [] }
            let reader = decoder ?? JSONDecoder()
            decoder = reader
            do {
                return try reader.decode(type, from: Data(json.utf8))
            } catch {
                throw StoreError.corrupt("conversation \(conversationID) has an message with an unreadable \(name) list")
            }
        }
        guard let decodedRole = role.flatMap(Role.init(rawValue:)) else {
            throw StoreError.corrupt("conversation \(conversationID) has a message with unknown role '\(role ?? "")'")
        }
        guard let text else { throw StoreError.corrupt("conversation \(conversationID) has a message without text") }
        return Message(role: decodedRole, text: text, at: Date(storeValue: at), confidence: confidence, intent: intent,
                       tools: try list(tools, "tools", [ToolCall].self), kb: try list(kb, "kb", [String].self),
                       links: try list(links, "links", [String].self), platformID: platformID)
    }
}
