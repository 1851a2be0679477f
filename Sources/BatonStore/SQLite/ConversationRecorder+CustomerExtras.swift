import Foundation
import GRDB
import BatonCore

/// `customer.attributes` and `customer.pages`: what was sent last replaces what is stored; a conversation or
/// event sent without them keeps the stored ones, and the outcome carries them for the packet.
extension ConversationRecorder {
    /// - Parameter stored: the stored JSON of the attributes and pages (read with the conversation's row); nil
    ///   for a conversation inserted just now, which has none.
    func storeCustomerExtras(_ conversation: inout Conversation, stored: (attributes: String?, pages: String?)?) throws {
        let customer = conversation.customer
        if !customer.attributes.isEmpty {
            try db.execute(sql: "UPDATE conversations SET attributes = ? WHERE id = ?",
                           arguments: [String(decoding: try StoreJSON.attributes(customer.attributes), as: UTF8.self), conversation.id])
        }
        if !customer.pages.isEmpty {
            try db.execute(sql: "UPDATE conversations SET pages = ? WHERE id = ?",
                           arguments: [String(decoding: try StoreJSON.pages(customer.pages), as: UTF8.self), conversation.id])
        }
        guard let stored else { return }
        let kept = try SQLiteHandoffStore.customerExtras(attributes: customer.attributes.isEmpty ? stored.attributes : nil,
                                                         pages: customer.pages.isEmpty ? stored.pages : nil, id: conversation.id)
        if customer.attributes.isEmpty { conversation.customer.attributes = kept.attributes }
        if customer.pages.isEmpty { conversation.customer.pages = kept.pages }
    }
}

extension SQLiteHandoffStore {
    /// Attributes and pages from their stored JSON (NULL: none).
    static func customerExtras(attributes: String?, pages: String?, id: String) throws -> (attributes: [CustomerAttribute], pages: [PageVisit]) {
        guard attributes != nil || pages != nil else { return ([], []) }
        let decoder = JSONDecoder()
        do {
            let attributes = try attributes.map { try decoder.decode([CustomerAttribute].self, from: Data($0.utf8)) } ?? []
            let pages = try pages.map { try decoder.decode([PageVisit].self, from: Data($0.utf8)) } ?? []
            return (attributes, pages)
        } catch {
            throw StoreError.corrupt("conversation \(id) has unreadable customer attributes or pages")
        }
    }
}
