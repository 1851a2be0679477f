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
    ///
    /// A known conversation is read once (its row with its thread's state, then its messages) and that reading
    /// serves the hold check, the append and the outcome: nothing is read back.
    static func recordEvent(_ event: MessageEvent, now: Date, in db: Database) throws -> RecordOutcome {
        let conversationID = event.conversationID
        let message = event.message
        guard let stored = try StoredConversation.load(db, id: conversationID) else {
            guard let customer = event.customer else { throw IngestError.unknownConversation(conversationID) }
            let conversation = Conversation(id: conversationID, channel: event.channel ?? .webchat, customer: customer, messages: [message])
            try ConversationRecorder.validate(conversation)
            var recorder = try ConversationRecorder(db)
            return try recorder.record(conversation, now: now)
        }
        var conversation = stored.conversation
        if let customer = event.customer { conversation.customer = customer }
        if let channel = event.channel { conversation.channel = channel }
        if message.role == .ai {
            // Queued, claimed or after hours: not the AI's to answer.
            let holder = Holder(stored.existing.state)
            if !holder.botMayAnswer {
                throw IngestError.heldByHuman(conversationID: conversationID, holder: holder, owner: stored.owner)
            }
        }
        // The same platform message sent again (a retry, a duplicate webhook) is stored once.
        if try !Self.hasMessage(db, conversationID: conversationID, platformID: message.platformID) {
            conversation.messages.append(message)
        }
        try ConversationRecorder.validate(conversation)
        return try ConversationRecorder(db).update(conversation, stored.existing, storedMessages: stored.conversation.messages, now: now)
    }

    /// A stored conversation with what recording a message event needs of its thread.
    struct StoredConversation {
        var conversation: Conversation
        var existing: ConversationRecorder.Existing
        var owner: String?

        /// Nil when no conversation `id` is stored; a conversation stored without its thread is corrupt.
        static func load(_ db: Database, id: String) throws -> StoredConversation? {
            var binding = DirectBinding(try db.cachedStatement(sql: """
                SELECT \(SQLiteHandoffStore.conversationColumns), c.bot_message_count, t.state, t.evaluate_from, t.owner
                FROM conversations c LEFT JOIN threads t ON t.id = c.id WHERE c.id = ?
                """))
            binding.bind(id)
            var found: (columns: ConversationColumns, storedCount: Int, state: String?, evaluateFrom: Int, owner: String?)?
            try binding.forEachRow { row in
                found = (try ConversationColumns(row, id: id), row.int(10) ?? 0, row.text(11), row.int(12) ?? 0, row.text(13))
            }
            guard let found else { return nil }
            guard let state = found.state else { throw StoreError.corrupt("conversation \(id) is stored without its thread") }
            let existing = ConversationRecorder.Existing(storedCount: found.storedCount,
                                                         state: try ThreadRow.decode(ThreadState.self, state, "state", id),
                                                         evaluateFrom: found.evaluateFrom, attributes: found.columns.attributes,
                                                         pages: found.columns.pages)
            return StoredConversation(conversation: try found.columns.conversation(id: id, in: db), existing: existing, owner: found.owner)
        }
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
        var binding = DirectBinding(try db.cachedStatement(sql: """
            SELECT \(conversationColumns) FROM conversations c WHERE c.id = ?
            """))
        binding.bind(id)
        var columns: ConversationColumns?
        try binding.forEachRow { row in columns = try ConversationColumns(row, id: id) }
        return try columns?.conversation(id: id, in: db)
    }

    /// The columns `ConversationColumns` reads, in order, of `conversations c`.
    static let conversationColumns = """
        c.channel, c.customer_id, c.customer_name, c.language, c.tier, c.ltv, c.tags, c.prior_contacts, c.attributes, c.pages
        """

    /// A `conversations` row read with `conversationColumns` (copied out of the statement's current row).
    struct ConversationColumns {
        var channel: String
        var customerID: String
        var customerName: String?
        var language: String?
        var tier: String?
        var ltv: Double?
        var tags: String?
        var priorContacts: String?
        var attributes: String?
        var pages: String?

        init(_ row: DirectRow, id: String) throws {
            guard let channel = row.text(0), let customerID = row.text(1) else {
                throw StoreError.corrupt("conversation \(id) has no channel or customer id")
            }
            self.channel = channel
            self.customerID = customerID
            customerName = row.text(2)
            language = row.text(3)
            tier = row.text(4)
            ltv = row.double(5)
            tags = row.text(6)
            priorContacts = row.text(7)
            attributes = row.text(8)
            pages = row.text(9)
        }

        /// The conversation, with its bot-side messages read from `db`.
        func conversation(id: String, in db: Database) throws -> Conversation {
            var decoder: JSONDecoder?
            func list<T: Decodable>(_ text: String?, _ type: [T].Type) throws -> [T] {
                guard let text else { return [] }
                let reader = decoder ?? JSONDecoder()
                decoder = reader
                do { return try reader.decode(type, from: Data(text.utf8)) } catch {
                    throw StoreError.corrupt("conversation \(id) has an unreadable customer field")
                }
            }
            var customer = Customer(id: customerID, name: customerName, language: language, tier: tier, ltv: ltv,
                                    tags: try list(tags, [String].self), priorContacts: try list(priorContacts, [PriorContact].self))
            (customer.attributes, customer.pages) = try customerExtras(attributes: attributes, pages: pages, id: id)
            return Conversation(id: id, channel: Channel(rawValue: channel), customer: customer,
                                messages: try MessageRow.botMessages(of: id, in: db))
        }
    }
}
