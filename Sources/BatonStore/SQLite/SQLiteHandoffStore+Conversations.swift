import Foundation
import GRDB
import BatonCore

/// Single message events and conversation lookups.
extension SQLiteHandoffStore {
    public func recordEvent(conversationID: String, channel: Channel?, customer: Customer?, message: Message, now: Date) throws -> RecordOutcome {
        let event = MessageEvent(conversationID: conversationID, channel: channel, customer: customer, message: message)
        return try write { db in try Self.recordEvent(event, now: now, in: db) }
    }

    /// `recordEvent` inside an open write transaction.
    static func recordEvent(_ event: MessageEvent, now: Date, in db: Database) throws -> RecordOutcome {
        let conversationID = event.conversationID
        let message = event.message
        var conversation: Conversation
        if let stored = try Self.loadConversation(db, id: conversationID) {
            conversation = stored
            if let customer = event.customer { conversation.customer = customer }
            if let channel = event.channel { conversation.channel = channel }
            if message.role == .ai, let held = try Self.humanHold(db, conversationID: conversationID) {
                throw IngestError.heldByHuman(conversationID: conversationID, holder: held.holder, owner: held.owner)
            }
            // The same platform message sent again (a retry, a duplicate webhook) is stored once.
            if try !Self.hasMessage(db, conversationID: conversationID, platformID: message.platformID) {
                conversation.messages.append(message)
            }
        } else {
            guard let customer = event.customer else { throw IngestError.unknownConversation(conversationID) }
            conversation = Conversation(id: conversationID, channel: event.channel ?? .webchat, customer: customer, messages: [message])
        }
        try ConversationRecorder.validate(conversation)
        var recorder = try ConversationRecorder(db)
        return try recorder.record(conversation, now: now)
    }

    /// Who holds the thread when it is not the AI's to answer (queued, claimed or after hours); nil otherwise.
    private static func humanHold(_ db: Database, conversationID: String) throws -> (holder: Holder, owner: String?)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT state, owner FROM threads WHERE id = ?"),
                                         arguments: [conversationID]) else { return nil }
        let holder = Holder(try ThreadRow.decode(ThreadState.self, row[0], "state", conversationID))
        return holder.botMayAnswer ? nil : (holder, row[1])
    }

    private static func hasMessage(_ db: Database, conversationID: String, platformID: String?) throws -> Bool {
        guard let platformID else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM messages WHERE conversation_id = ? AND platform_id = ?
            """), arguments: [conversationID, platformID]) ?? false
    }

    public func conversation(id: String) throws -> Conversation? {
        try read { db in try Self.loadConversation(db, id: id) }
    }

    public func openThreadCount(customerID: String) throws -> Int {
        try read { db in
            try Int.fetchOne(db.cachedStatement(sql: """
                SELECT COUNT(*) FROM conversations c JOIN threads t ON t.id = c.id
                WHERE c.customer_id = ? AND t.state IN ('queued', 'after_hours', 'claimed')
                """), arguments: [customerID]) ?? 0
        }
    }

    public func openThreadCounts(customerIDs: [String]) throws -> [String: Int] {
        guard !customerIDs.isEmpty else { return [:] }
        return try readOnWriter { db in try Self.openThreadCounts(customerIDs: customerIDs, in: db) }
    }

    /// `openThreadCounts(customerIDs:)` inside an open transaction.
    static func openThreadCounts(customerIDs: [String], in db: Database) throws -> [String: Int] {
        let unique = Array(Set(customerIDs))
        var counts = Dictionary(uniqueKeysWithValues: unique.map { ($0, 0) })
        // Chunks stay below SQLite's bound-parameter limit.
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = unique[start..<min(start + 500, unique.count)]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.customer_id, COUNT(*) FROM conversations c JOIN threads t ON t.id = c.id
                WHERE c.customer_id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))
                AND t.state IN ('queued', 'after_hours', 'claimed') GROUP BY c.customer_id
                """), arguments: StatementArguments(Array(chunk))) {
                counts[row[0]] = row[1]
            }
        }
        return counts
    }

    static func loadConversation(_ db: Database, id: String) throws -> Conversation? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT channel, customer_id, customer_name, language, tier, ltv, tags, prior_contacts, attributes, pages
            FROM conversations WHERE id = ?
            """), arguments: [id]) else { return nil }
        let decoder = JSONDecoder()
        func list<T: Decodable>(_ column: Int, _ type: [T].Type) throws -> [T] {
            guard let text = row[column] as String? else { return [] }
            do { return try decoder.decode(type, from: Data(text.utf8)) } catch {
                throw StoreError.corrupt("conversation \(id) has an unreadable customer field")
            }
        }
        var customer = Customer(id: row[1], name: row[2], language: row[3], tier: row[4], ltv: row[5],
                                tags: try list(6, [String].self), priorContacts: try list(7, [PriorContact].self))
        (customer.attributes, customer.pages) = try customerExtras(attributes: row[8], pages: row[9], id: id)
        let messages = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(MessageRow.columns) FROM messages WHERE conversation_id = ? AND idx IS NOT NULL ORDER BY idx
            """), arguments: [id]).map { try MessageRow.message($0, conversationID: id) }
        return Conversation(id: id, channel: Channel(rawValue: row[0]), customer: customer, messages: messages)
    }
}
