import Foundation
import GRDB
import BatonCore

/// Writes conversations and their new messages inside one open transaction, reusing prepared statements.
///
/// Bot-side messages keep the conversation's own indexes (`messages.idx`), so the platform may send the
/// whole conversation again and only the unseen tail is stored. Agent replies live in the same table with
/// `idx` NULL and never shift those indexes.
///
/// A recorder that defers new threads stores a new conversation and its messages but holds back its
/// thread row, so a batch that hands the conversation off can insert the thread already handed off
/// instead of inserting it and updating it (`HandoffWriter.applyToNewThread`); the rest are inserted
/// with the AI by `insertDeferredThreads`, in the same transaction.
struct ConversationRecorder {
    /// The thread row of a new conversation, not yet inserted.
    struct NewThread {
        var id: String
        var customerName: String
        var channel: String
        var language: String
        var tier: String
    }

    let db: Database
    private let defersNewThreads: Bool
    /// New threads held back, by id, in arrival order.
    private var deferred: [String: NewThread] = [:]
    private var deferredOrder: [String] = []
    private let lookup: Statement
    private let insertConversation: Statement
    private let updateConversation: Statement
    private let insertThread: Statement
    private let touchThread: Statement

    init(_ db: Database, defersNewThreads: Bool = false) throws {
        self.db = db
        self.defersNewThreads = defersNewThreads
        lookup = try db.cachedStatement(sql: """
            SELECT c.bot_message_count, t.state, t.evaluate_from, c.attributes, c.pages FROM conversations c
            JOIN threads t ON t.id = c.id WHERE c.id = ?
            """)
        insertConversation = try db.cachedStatement(sql: """
            INSERT INTO conversations (id, channel, customer_id, customer_name, language, tier, ltv, tags, prior_contacts,
                                       created_at, bot_message_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
            """)
        updateConversation = try db.cachedStatement(sql: """
            UPDATE conversations SET channel = ?, customer_id = ?, customer_name = ?, language = ?, tier = ?, ltv = ?,
                tags = ?, prior_contacts = ?, bot_message_count = ? WHERE id = ?
            """)
        insertThread = try db.cachedStatement(sql: """
            INSERT INTO threads (id, customer_name, channel, language, tier, queue, state, last_activity_at)
            VALUES (?, ?, ?, ?, ?, '', '\(ThreadState.ai.rawValue)', ?)
            """)
        touchThread = try db.cachedStatement(sql: """
            UPDATE threads SET customer_name = ?, channel = ?, language = ?, tier = ?,
                last_activity_at = CASE WHEN ? THEN MAX(last_activity_at, ?) ELSE last_activity_at END WHERE id = ?
            """)
    }

    /// Checks what a conversation from outside must satisfy before it is stored.
    static func validate(_ conversation: Conversation) throws {
        try Validate.identifier(conversation.id, "conversation id")
        try Validate.identifier(conversation.customer.id, "customer id of conversation \(conversation.id)")
        try Validate.identifier(conversation.channel.rawValue, "channel of conversation \(conversation.id)")
        if let index = conversation.messages.firstIndex(where: { $0.role == .agent }) {
            throw StoreError.invalidInput(
                "conversation \(conversation.id) message \(index) has role agent; agent replies are sent with reply, not recorded")
        }
    }

    mutating func record(_ conversation: Conversation, now: Date) throws -> RecordOutcome {
        let customer = conversation.customer
        let name = customer.name ?? customer.id
        let language = customer.language ?? ""
        let tier = customer.tier ?? ""
        let tags = customer.tags.isEmpty ? nil : StoreJSON.strings(customer.tags)
        let prior = customer.priorContacts.isEmpty ? nil : StoreJSON.priorContacts(customer.priorContacts)

        // Insert first: a new conversation (the common case) costs no lookup, since the insert's own
        // uniqueness check finds whether the id is taken.
        let createdAt = conversation.messages.first?.at ?? now
        var row = DirectBinding(insertConversation)
        for text in [conversation.id, conversation.channel.rawValue, customer.id, customer.name, customer.language,
                     customer.tier] { row.bind(text) }
        row.bind(customer.ltv)
        row.bind(utf8: tags)
        row.bind(utf8: prior)
        row.bind(createdAt.storeValue)
        row.bind(conversation.messages.count)
        try row.execute()
        if db.changesCount == 1 {
            let thread = NewThread(id: conversation.id, customerName: name, channel: conversation.channel.rawValue,
                                   language: language, tier: tier)
            if defersNewThreads {
                deferred[thread.id] = thread
                deferredOrder.append(thread.id)
            } else {
                try insert(thread, now: now)
            }
            try insertMessages(of: conversation, from: 0)
            try storeBotFields(of: conversation, from: 0)
            var stored = conversation
            stored.expect = nil
            try storeCustomerExtras(&stored, stored: nil)
            return RecordOutcome(conversation: stored, state: .ai, firstNewMessage: 0, evaluateFrom: 0, isNewThread: true)
        }
        // Sent again in the same batch: its thread is needed now, as the AI's.
        if let thread = takeDeferred(conversation.id) { try insert(thread, now: now) }
        guard let row = try Row.fetchOne(lookup, arguments: [conversation.id]) else {
            throw StoreError.corrupt("conversation \(conversation.id) is stored without its thread")
        }
        let existing = Existing(storedCount: row[0], state: try ThreadRow.decode(ThreadState.self, row[1], "state", conversation.id),
                                evaluateFrom: row[2], attributes: row[3], pages: row[4])
        return try update(conversation, existing, storedMessages: nil, now: now)
    }

    /// What the store holds of a conversation already known, as `lookup` reads it (a message event reads it with
    /// the conversation itself: `SQLiteHandoffStore.StoredConversation`).
    struct Existing {
        /// `conversations.bot_message_count`: the bot-side messages stored, indexes 0..<storedCount.
        var storedCount: Int
        var state: ThreadState
        var evaluateFrom: Int
        /// The stored JSON of the customer's attributes and pages (NULL: none).
        var attributes: String?
        var pages: String?
    }

    /// Stores what is new in `conversation`, which the store already holds as `existing`.
    /// - Parameter known: the stored messages (indexes 0..<storedCount), when the caller has just read them; read
    ///   again otherwise.
    func update(_ conversation: Conversation, _ existing: Existing, storedMessages known: [Message]?, now: Date) throws -> RecordOutcome {
        let customer = conversation.customer
        let tags = customer.tags.isEmpty ? nil : StoreJSON.strings(customer.tags)
        let prior = customer.priorContacts.isEmpty ? nil : StoreJSON.priorContacts(customer.priorContacts)
        let storedCount = existing.storedCount
        let count = max(storedCount, conversation.messages.count)
        var update = DirectBinding(updateConversation)
        for text in [conversation.channel.rawValue, customer.id, customer.name, customer.language, customer.tier] {
            update.bind(text)
        }
        update.bind(customer.ltv)
        update.bind(utf8: tags)
        update.bind(utf8: prior)
        update.bind(count)
        update.bind(conversation.id)
        try update.execute()
        let hasNew = conversation.messages.count > storedCount
        var touch = DirectBinding(touchThread)
        for text in [customer.name ?? customer.id, conversation.channel.rawValue, customer.language ?? "", customer.tier ?? ""] {
            touch.bind(text)
        }
        touch.bind(hasNew)
        touch.bind(now.storeValue)
        touch.bind(conversation.id)
        try touch.execute()
        if hasNew { try insertMessages(of: conversation, from: storedCount) }
        try storeBotFields(of: conversation, from: storedCount)

        // Already-stored messages win over what was sent again: the outcome shows the stored prefix.
        var stored = conversation
        stored.expect = nil
        let prefix = try known.map { Array($0.prefix(storedCount)) } ?? storedMessages(conversation.id, below: storedCount)
        stored.messages = prefix + conversation.messages.dropFirst(storedCount)
        try storeCustomerExtras(&stored, stored: (existing.attributes, existing.pages))
        return RecordOutcome(conversation: stored, state: existing.state, firstNewMessage: storedCount,
                             evaluateFrom: existing.evaluateFrom, isNewThread: false)
    }

    /// The deferred thread `id`, left deferred; nil when `id` is not deferred.
    func deferredThread(_ id: String) -> NewThread? {
        deferred[id]
    }

    /// Removes a deferred thread, which its caller then inserts; nil when `id` is not deferred.
    mutating func takeDeferred(_ id: String) -> NewThread? {
        deferred.removeValue(forKey: id)
    }

    /// Inserts the deferred threads that were not handed off, with the AI, and counts them.
    mutating func insertDeferredThreads(now: Date) throws {
        var tally = ThreadCountTally()
        for id in deferredOrder {
            if let thread = deferred.removeValue(forKey: id) { try insertRow(thread, now: now, counting: &tally) }
        }
        deferredOrder = []
        try tally.write(in: db)
    }

    /// Inserts one thread with the AI and counts it.
    private func insert(_ thread: NewThread, now: Date) throws {
        var tally = ThreadCountTally()
        try insertRow(thread, now: now, counting: &tally)
        try tally.write(in: db)
    }

    private func insertRow(_ thread: NewThread, now: Date, counting tally: inout ThreadCountTally) throws {
        var row = DirectBinding(insertThread)
        for text in [thread.id, thread.customerName, thread.channel, thread.language, thread.tier] { row.bind(text) }
        row.bind(now.storeValue)
        try row.execute()
        tally.add(queue: "", state: .ai)
    }

    /// Up to this many messages go into one INSERT; most conversations send fewer at a time.
    private static let messagesPerInsert = 8

    /// `INSERT INTO messages` with 1 ... `messagesPerInsert` rows of values; element `n - 1` has `n` rows.
    private static let insertMessagesSQL: [String] = (1...messagesPerInsert).map { rows in
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        return "INSERT INTO messages (conversation_id, idx, role, text, at, confidence, intent, tools, kb, links, platform_id) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Inserts messages `start...` of the conversation, several rows per statement: one statement per
    /// message cost more in running statements than in storing rows.
    private func insertMessages(of conversation: Conversation, from start: Int) throws {
        var next = start
        while next < conversation.messages.count {
            let rows = min(Self.messagesPerInsert, conversation.messages.count - next)
            var values = DirectBinding(try db.cachedStatement(sql: Self.insertMessagesSQL[rows - 1]))
            for index in next..<(next + rows) {
                let message = conversation.messages[index]
                values.bind(conversation.id)
                values.bind(index)
                values.bind(message.role.rawValue)
                values.bind(message.text)
                values.bind(message.at?.storeValue)
                values.bind(message.confidence)
                values.bind(message.intent)
                values.bind(utf8: message.tools.isEmpty ? nil : StoreJSON.toolCalls(message.tools))
                values.bind(utf8: message.kb.isEmpty ? nil : StoreJSON.strings(message.kb))
                values.bind(utf8: message.links.isEmpty ? nil : StoreJSON.strings(message.links))
                values.bind(message.platformID)
            }
            try values.execute()
            next += rows
        }
    }

    /// Keeps the conversation's unknown input fields and those of its messages from `start`, the last value per path.
    private func storeBotFields(of conversation: Conversation, from start: Int) throws {
        let fields = conversation.botFields + conversation.messages.dropFirst(start).flatMap(\.botFields)
        guard !fields.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO conversation_fields (conversation_id, path, value, seq)
            VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM conversation_fields WHERE conversation_id = ?1))
            ON CONFLICT (conversation_id, path) DO UPDATE SET value = excluded.value
            """)
        // A name no one could read (empty, or with a NUL) is not worth refusing the conversation over.
        for field in fields where (try? Validate.text(field.path, "field name")) != nil {
            try statement.execute(arguments: [conversation.id, field.path, field.value])
        }
    }

    private func storedMessages(_ conversationID: String, below count: Int) throws -> [Message] {
        guard count > 0 else { return [] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(MessageRow.columns) FROM messages WHERE conversation_id = ? AND idx IS NOT NULL AND idx < ? ORDER BY idx
            """), arguments: [conversationID, count])
        return try rows.map { try MessageRow.message($0, conversationID: conversationID) }
    }
}
