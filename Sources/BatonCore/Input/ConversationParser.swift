/// Turns JSON lines from the bot platform into `InputRecord`s, refusing bad lines with a precise error.
///
/// Strict on purpose: wrong types, missing text, out-of-range confidence, invalid UTF-8 and oversized lines are
/// errors naming the line and field, so a broken integration is noticed at once instead of silently losing data.
/// Fields Baton does not know are kept as `BotField`s, or refused too when `strict`.
public struct ConversationParser: Sendable {
    /// Lines longer than this are refused without being parsed.
    public var maxLineBytes: Int
    /// Refuse fields Baton does not know (`baton ingest --strict`). Otherwise they are kept as `BotField`s on the
    /// conversation (whole conversations) or the message (message events); CSAT events always refuse them.
    public var strict: Bool

    public init(maxLineBytes: Int = 1 << 20, strict: Bool = false) {
        self.maxLineBytes = maxLineBytes
        self.strict = strict
    }

    /// Largest lifetime value accepted: a quadrillion in the account currency.
    public static let maxLTV = 1e15
    /// Oldest prior contact accepted: a hundred years.
    public static let maxDaysAgo = 36_500
    /// Longest platform message id (`id` on a message) accepted, in UTF-8 bytes.
    public static let maxMessageIDBytes = 256

    /// Parses one line. `lineNumber` is 1-based and only used in errors.
    public func parse(line bytes: [UInt8], lineNumber: Int) throws(InputError) -> InputRecord {
        guard bytes.count <= maxLineBytes else {
            throw InputError(line: lineNumber, field: nil,
                             message: "line is \(bytes.count) bytes, over the \(maxLineBytes)-byte limit; skipped")
        }
        // The common shapes straight from the bytes; anything else, and every error, the generic way.
        if let record = Self.direct(bytes) { return record }
        return try parseGeneric(line: bytes, lineNumber: lineNumber)
    }

    /// Parses a record already read as JSON (the HTTP API's bodies).
    public func parse(value: JSONValue, lineNumber: Int) throws(InputError) -> InputRecord {
        let sink = strict ? nil : BotFieldSink()
        var fields = FieldReader(value: value, path: "", line: lineNumber, sink: sink)
        return try Self.record(&fields, sink: sink)
    }

    public func parse(line text: String, lineNumber: Int) throws(InputError) -> InputRecord {
        try parse(line: Array(text.utf8), lineNumber: lineNumber)
    }

    private static func record(_ root: inout FieldReader, sink: BotFieldSink?) throws(InputError) -> InputRecord {
        try root.requireObject()
        if root.has("messages") {
            var conversation = try conversation(&root)
            conversation.botFields = sink?.fields ?? []
            return .conversation(conversation)
        }
        if root.has("id"), !root.has("conversation_id") {
            throw root.error(field: "messages", "missing; a conversation needs its messages (or send a message event with \"conversation_id\" and \"message\")")
        }
        let id = try root.identifier("conversation_id")
        if root.has("customer_left") {
            guard try root.bool("customer_left") else {
                throw root.error(field: "customer_left", "only true is meaningful: the platform reports the customer left")
            }
            try root.rejectUnknown(keeping: false)
            return .customerLeft(conversationID: id)
        }
        if root.has("csat") {
            let score = try root.wholeNumber("csat", in: 1...5)
            try root.rejectUnknown(keeping: false)
            return .csat(conversationID: id, score: score)
        }
        guard root.has("message") else {
            throw root.error(field: nil, "expected a conversation (with \"messages\"), a message event (\"conversation_id\" and \"message\"), a csat event or a customer_left event")
        }
        let channel = try root.optionalIdentifier("channel").map(Channel.init(rawValue:))
        var customer: Customer?
        if var reader = try root.optionalChild("customer") {
            customer = try Self.customer(&reader)
        }
        var messageReader = try root.child("message")
        if messageReader.value["role"] == .string(Suggestion.role) {
            let suggestion = try Self.suggestion(&messageReader)
            try root.rejectUnknown()
            return .suggestion(conversationID: id, suggestion: suggestion)
        }
        var message = try Self.message(&messageReader)
        try root.rejectUnknown()
        message.botFields = sink?.fields ?? []
        return .message(conversationID: id, channel: channel, customer: customer, message: message)
    }

    private static func conversation(_ root: inout FieldReader) throws(InputError) -> Conversation {
        let id = try root.identifier("id")
        let channel = Channel(rawValue: try root.optionalIdentifier("channel") ?? Channel.webchat.rawValue)
        var customerReader = try root.child("customer")
        let customer = try customer(&customerReader)
        var messages: [Message] = []
        let count = try root.arrayCount("messages")
        messages.reserveCapacity(count)
        for index in 0..<count {
            var reader = try root.element("messages", index)
            messages.append(try message(&reader))
        }
        var expect: Expectation?
        if var reader = try root.optionalChild("expect") {
            expect = try expectation(&reader, messageCount: messages.count)
        }
        try root.rejectUnknown()
        return Conversation(id: id, channel: channel, customer: customer, messages: messages, expect: expect)
    }

    private static func customer(_ reader: inout FieldReader) throws(InputError) -> Customer {
        try reader.requireObject()
        let id = try reader.identifier("id")
        let name = try reader.optionalString("name")
        let language = try reader.optionalString("language")
        let tier = try reader.optionalString("tier")
        let ltv = try reader.optionalNumber("ltv", in: 0...Self.maxLTV)
        let tags = try reader.optionalStrings("tags") ?? []
        var prior: [PriorContact] = []
        if reader.has("prior_contacts") {
            for index in 0..<(try reader.arrayCount("prior_contacts")) {
                var contact = try reader.element("prior_contacts", index)
                let topic = try contact.string("topic")
                let days = try contact.wholeNumber("days_ago", in: 0...Self.maxDaysAgo)
                try contact.rejectUnknown()
                prior.append(PriorContact(topic: topic, daysAgo: days))
            }
        }
        let attributes = try Self.attributes(&reader)
        let pages = try Self.pages(&reader)
        try reader.rejectUnknown()
        return Customer(id: id, name: name, language: language, tier: tier, ltv: ltv, tags: tags, priorContacts: prior,
                        attributes: attributes, pages: pages)
    }

    private static func message(_ reader: inout FieldReader) throws(InputError) -> Message {
        try reader.requireObject()
        let roleText = try reader.string("role")
        guard let role = Role(rawValue: roleText), role != .agent else {
            throw reader.error(field: "role", "must be \"customer\" or \"ai\", got \(FieldReader.quoted(roleText))")
        }
        guard reader.has("text") else { throw reader.error(field: "text", "missing; every message needs its text") }
        let text = try reader.string("text")
        var at: Date?
        if let stamp = try reader.optionalString("at") {
            guard let date = ISO8601.parse(stamp) else {
                throw reader.error(field: "at", "\(FieldReader.quoted(stamp)) is not an ISO 8601 time such as 2026-11-20T10:00:00Z")
            }
            at = date
        }
        let confidence = try reader.optionalNumber("confidence", in: 0...1)
        let intent = try reader.optionalString("intent")
        var tools: [ToolCall] = []
        if reader.has("tools") {
            for index in 0..<(try reader.arrayCount("tools")) {
                var tool = try reader.element("tools", index)
                let name = try tool.string("name")
                let ok = try tool.bool("ok")
                let error = try tool.optionalString("error")
                try tool.rejectUnknown()
                tools.append(ToolCall(name: name, ok: ok, error: error))
            }
        }
        let kb = try reader.optionalStrings("kb") ?? []
        let links = try reader.optionalStrings("links") ?? []
        // The platform's own message id: the same message sent again (a retry, a duplicate webhook) is stored once.
        let platformID = try reader.optionalString("id")
        if let platformID, platformID.isEmpty || platformID.utf8.count > Self.maxMessageIDBytes {
            throw reader.error(field: "id", "must be a non-empty string of at most \(Self.maxMessageIDBytes) bytes")
        }
        try reader.rejectUnknown()
        return Message(role: role, text: text, at: at, confidence: confidence, intent: intent, tools: tools, kb: kb, links: links,
                       platformID: platformID)
    }

    private static func expectation(_ reader: inout FieldReader, messageCount: Int) throws(InputError) -> Expectation {
        try reader.requireObject()
        let handoff = try reader.bool("handoff")
        guard messageCount > 0 || !reader.has("at") else {
            throw reader.error(field: "at", "the conversation has no messages to point at")
        }
        let at = try reader.optionalWholeNumber("at", in: 0...max(0, messageCount - 1), meaning: "a message index")
        var kinds: [TriggerKind] = []
        for (offset, name) in (try reader.optionalStrings("triggers") ?? []).enumerated() {
            guard let kind = TriggerKind(rawValue: name) else {
                throw reader.error(field: "triggers[\(offset)]", "unknown trigger kind \(FieldReader.quoted(name))")
            }
            kinds.append(kind)
        }
        try reader.rejectUnknown()
        return Expectation(handoff: handoff, at: at, triggers: kinds)
    }
}

import struct Foundation.Date

/// Reads the fields of one JSON object, remembering which were used so unknown ones can be refused.
struct FieldReader {
    let value: JSONValue
    let path: String
    let line: Int
    /// Bit i: member i of the object was read (every member with a key that was asked for). Members past
    /// the 64th are known when a marked member has their key. No hashing, no allocation per object.
    private var used: UInt64 = 0
    /// Where unknown fields go instead of being refused; nil when strict.
    let sink: BotFieldSink?

    init(value: JSONValue, path: String, line: Int, sink: BotFieldSink? = nil) {
        self.value = value
        self.path = path
        self.line = line
        self.sink = sink
    }

    func error(field: String?, _ message: String) -> InputError {
        InputError(line: line, field: field.map(qualified) ?? (path.isEmpty ? nil : path), message: message)
    }

    private func qualified(_ field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }

    func requireObject() throws(InputError) {
        guard case .object = value else { throw error(field: nil, "expected an object, got \(value.typeName)") }
    }

    func has(_ key: String) -> Bool {
        if let field = value[key], field != .null { return true }
        return false
    }

    private mutating func raw(_ key: String) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        var found: JSONValue?
        for (index, member) in members.enumerated() where member.key == key {
            if index < 64 { used |= 1 << UInt64(index) }
            if found == nil { found = member.value }
        }
        guard let field = found, field != .null else { return nil }
        return field
    }

    private func wasUsed(_ index: Int, in members: [(key: String, value: JSONValue)]) -> Bool {
        if index < 64 { return used & (1 << UInt64(index)) != 0 }
        let key = members[index].key
        return members.prefix(64).enumerated().contains { used & (1 << UInt64($0.offset)) != 0 && $0.element.key == key }
    }

    mutating func string(_ key: String) throws(InputError) -> String {
        guard let field = raw(key) else { throw error(field: key, "missing") }
        guard case .string(let text) = field else { throw error(field: key, "expected a string, got \(field.typeName)") }
        try Self.refuseNUL(text, field: key, reader: self)
        return text
    }

    /// SQLite text ends at a NUL, so stored text would silently differ from what was sent: refused instead.
    private static func refuseNUL(_ text: String, field: String, reader: FieldReader) throws(InputError) {
        if text.utf8.contains(0) {
            throw reader.error(field: field, "contains a NUL character (\\u0000); remove it, Baton does not store text cut short")
        }
    }

    /// A string that must be an id or a name (`Identifier`'s rule).
    mutating func identifier(_ key: String) throws(InputError) -> String {
        let text = try string(key)
        if let problem = Identifier.problem(text) { throw error(field: key, problem) }
        return text
    }

    mutating func optionalIdentifier(_ key: String) throws(InputError) -> String? {
        guard raw(key) != nil else { return nil }
        return try identifier(key)
    }

    /// A number within `range`, refused (never clamped, never trapping) outside it.
    mutating func optionalNumber(_ key: String, in range: ClosedRange<Double>) throws(InputError) -> Double? {
        guard let number = try optionalNumber(key) else { return nil }
        guard range.contains(number) else {
            throw error(field: key, "\(Self.format(number)) is outside \(Self.format(range.lowerBound))…\(Self.format(range.upperBound))")
        }
        return number
    }

    /// A whole number within `range`; `meaning` says what it counts, for the error.
    mutating func wholeNumber(_ key: String, in range: ClosedRange<Int>, meaning: String = "a whole number") throws(InputError) -> Int {
        let number = try number(key)
        guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw error(field: key, "must be \(meaning) from \(range.lowerBound) to \(range.upperBound), got \(Self.format(number))")
        }
        return Int(number)
    }

    mutating func optionalWholeNumber(_ key: String, in range: ClosedRange<Int>, meaning: String = "a whole number") throws(InputError) -> Int? {
        guard raw(key) != nil else { return nil }
        return try wholeNumber(key, in: range, meaning: meaning)
    }

    /// `1200`, `0.5`, `1e+19`: numbers in errors as people write them.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) <= 1e15 ? String(Int(number)) : "\(number)"
    }

    /// A value from the input quoted for an error message: safe to print, at most 40 characters.
    static func quoted(_ text: String) -> String {
        let safe = Sanitizer.line(text)
        return "\"" + (safe.count > 40 ? safe.prefix(40) + "…" : safe) + "\""
    }

    mutating func optionalString(_ key: String) throws(InputError) -> String? {
        guard raw(key) != nil else { return nil }
        return try string(key)
    }

    mutating func number(_ key: String) throws(InputError) -> Double {
        guard let field = raw(key) else { throw error(field: key, "missing") }
        guard case .number(let number) = field else { throw error(field: key, "expected a number, got \(field.typeName)") }
        return number
    }

    mutating func optionalNumber(_ key: String) throws(InputError) -> Double? {
        guard raw(key) != nil else { return nil }
        return try number(key)
    }

    mutating func bool(_ key: String) throws(InputError) -> Bool {
        guard let field = raw(key) else { throw error(field: key, "missing") }
        guard case .bool(let flag) = field else { throw error(field: key, "expected true or false, got \(field.typeName)") }
        return flag
    }

    mutating func optionalStrings(_ key: String) throws(InputError) -> [String]? {
        guard let field = raw(key) else { return nil }
        guard case .array(let elements) = field else { throw error(field: key, "expected an array of strings, got \(field.typeName)") }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw error(field: "\(key)[\(index)]", "expected a string, got \(element.typeName)")
            }
            try Self.refuseNUL(text, field: "\(key)[\(index)]", reader: self)
            strings.append(text)
        }
        return strings
    }

    mutating func arrayCount(_ key: String) throws(InputError) -> Int {
        guard let field = raw(key) else { throw error(field: key, "missing") }
        guard case .array(let elements) = field else { throw error(field: key, "expected an array, got \(field.typeName)") }
        return elements.count
    }

    mutating func element(_ key: String, _ index: Int) throws(InputError) -> FieldReader {
        guard case .array(let elements)? = raw(key) else { throw error(field: key, "expected an array") }
        let reader = FieldReader(value: elements[index], path: qualified("\(key)[\(index)]"), line: line, sink: sink)
        try reader.requireObject()
        return reader
    }

    mutating func child(_ key: String) throws(InputError) -> FieldReader {
        guard let field = raw(key) else { throw error(field: key, "missing") }
        let reader = FieldReader(value: field, path: qualified(key), line: line, sink: sink)
        try reader.requireObject()
        return reader
    }

    mutating func optionalChild(_ key: String) throws(InputError) -> FieldReader? {
        guard raw(key) != nil else { return nil }
        return try child(key)
    }

    /// A field name from the input, safe to print.
    static func fieldName(_ key: String) -> String { safeName(key) }

    private static func safeName(_ key: String) -> String {
        let safe = Sanitizer.line(key)
        return safe.count > 60 ? safe.prefix(60) + "…" : safe
    }

    /// Refuses the members nothing read, or keeps them in the sink (when there is one and `keeping`).
    func rejectUnknown(keeping: Bool = true) throws(InputError) {
        guard case .object(let members) = value else { return }
        guard let first = members.indices.first(where: { !wasUsed($0, in: members) }) else { return }
        guard keeping, let sink else { throw error(field: Self.safeName(members[first].key), "unknown field") }
        let unknown = members.indices[first...].filter { !wasUsed($0, in: members) }.map { members[$0] }
        for member in unknown where sink.fields.count < BotField.maxPerRecord {
            var text = member.value.serialized
            if text.utf8.count > BotField.maxValueBytes {
                text = String(decoding: text.utf8.prefix(BotField.maxValueBytes), as: UTF8.self)
                // A cut inside a character leaves U+FFFD at the end; drop it.
                if text.hasSuffix("\u{FFFD}") { text.removeLast() }
                text += "…"
            }
            sink.fields.append(BotField(path: qualified(member.key), value: text))
        }
    }
}

/// Collects the unknown fields of one record while it is parsed.
final class BotFieldSink {
    var fields: [BotField] = []
}
