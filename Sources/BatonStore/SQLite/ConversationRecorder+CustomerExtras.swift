import Foundation
import GRDB
import BatonCore

/// `customer.attributes` and `customer.pages`: what was sent last replaces what is stored; a conversation or
/// event sent without them keeps the stored ones, and the outcome carries them for the packet.
extension ConversationRecorder {
    func storeCustomerExtras(_ conversation: inout Conversation) throws {
        let customer = conversation.customer
        if !customer.attributes.isEmpty {
            try db.execute(sql: "UPDATE conversations SET attributes = ? WHERE id = ?",
                           arguments: [String(decoding: try StoreJSON.attributes(customer.attributes), as: UTF8.self), conversation.id])
        }
        if !customer.pages.isEmpty {
            try db.execute(sql: "UPDATE conversations SET pages = ? WHERE id = ?",
                           arguments: [String(decoding: try StoreJSON.pages(customer.pages), as: UTF8.self), conversation.id])
        }
        if customer.attributes.isEmpty || customer.pages.isEmpty {
            let stored = try SQLiteHandoffStore.loadCustomerExtras(db, id: conversation.id)
            if customer.attributes.isEmpty { conversation.customer.attributes = stored.attributes }
            if customer.pages.isEmpty { conversation.customer.pages = stored.pages }
        }
    }
}

extension SQLiteHandoffStore {
    /// The stored attributes and pages of a conversation's customer.
    static func loadCustomerExtras(_ db: Database, id: String) throws -> (attributes: [CustomerAttribute], pages: [PageVisit]) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT attributes, pages FROM conversations WHERE id = ?"),
                                         arguments: [id]) else { return ([], []) }
        let decoder = JSONDecoder()
        do {
            let attributes = try (row[0] as String?).map { try decoder.decode([CustomerAttribute].self, from: Data($0.utf8)) } ?? []
            let pages = try (row[1] as String?).map { try decoder.decode([PageVisit].self, from: Data($0.utf8)) } ?? []
            return (attributes, pages)
        } catch {
            throw StoreError.corrupt("conversation \(id) has unreadable customer attributes or pages")
        }
    }
}
