import struct Foundation.Date

/// The common shapes of an input line read straight from its bytes into an `InputRecord`, without a
/// `JSONValue` tree: a whole conversation (`id`, `channel`, `customer`, `messages`) and a message event
/// (`conversation_id`, `channel`, `customer`, `message`) whose fields are all ones this reader knows.
///
/// It answers only for lines it is sure about and nil for everything else: any syntax error, a field it does
/// not know (`expect`, `tools`, `prior_contacts`, `attributes`, `pages`, CSAT and `customer_left` events, bot
/// fields), `null`, a duplicate key, an escaped key, a value the parser would refuse (an id with white space,
/// a NUL, confidence outside 0…1, a time that is not ISO 8601). `parse(line:lineNumber:)` then reads the line
/// the generic way, so every error and every unusual record is exactly what it was before this reader; a
/// record it does return equals the generic parser's (tests compare the two, and so does `ParserFuzz`).
extension ConversationParser {
    /// The record of `bytes` when it has one of the common shapes and is valid; nil when the generic parser
    /// must decide.
    public static func direct(_ bytes: [UInt8]) -> InputRecord? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = DirectReader(buffer)
            guard let record = reader.record() else { return nil }
            reader.skipWhitespace()
            return reader.index == buffer.count ? record : nil
        }
    }

    /// The generic path alone (a `JSONValue` tree, then its fields): what `parse(line:lineNumber:)` does for
    /// every line `direct` leaves to it. Public for the tests and `ParserFuzz`, which compare the two.
    public func parseGeneric(line bytes: [UInt8], lineNumber: Int) throws(InputError) -> InputRecord {
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw InputError(line: lineNumber, field: nil, message: "malformed JSON: \(error)")
        }
        return try parse(value: value, lineNumber: lineNumber)
    }
}

/// A cursor over one line's bytes that reads the common record shapes; every method answers nil (or false)
/// where the generic parser might answer differently.
struct DirectReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Records

    private enum RootKey: UInt8 { case id, channel, customer, messages, conversationID, message }

    mutating func record() -> InputRecord? {
        var seen: UInt8 = 0
        var id: String?, channel: String?, customer: Customer?, messages: [Message]?, conversationID: String?
        var message: Message?
        let complete = object { reader, key in
            let field: RootKey
            switch key.count {
            case 2 where reader.equals(key, "id"): field = .id
            case 7 where reader.equals(key, "channel"): field = .channel
            case 7 where reader.equals(key, "message"): field = .message
            case 8 where reader.equals(key, "customer"): field = .customer
            case 8 where reader.equals(key, "messages"): field = .messages
            case 15 where reader.equals(key, "conversation_id"): field = .conversationID
            default: return false
            }
            guard seen & (1 << field.rawValue) == 0 else { return false }
            seen |= 1 << field.rawValue
            switch field {
            case .id: id = reader.identifier(); return id != nil
            case .channel: channel = reader.identifier(); return channel != nil
            case .conversationID: conversationID = reader.identifier(); return conversationID != nil
            case .customer: customer = reader.customer(); return customer != nil
            case .message: message = reader.message(); return message != nil
            case .messages:
                var list: [Message] = []
                guard reader.array({ reader in
                    guard let message = reader.message() else { return false }
                    list.append(message)
                    return true
                }) else { return false }
                messages = list
                return true
            }
        }
        guard complete else { return nil }
        if let messages {
            guard let id, let customer, conversationID == nil, message == nil else { return nil }
            return .conversation(Conversation(id: id, channel: Channel(rawValue: channel ?? Channel.webchat.rawValue),
                                              customer: customer, messages: messages))
        }
        guard let conversationID, let message, id == nil else { return nil }
        return .message(conversationID: conversationID, channel: channel.map(Channel.init(rawValue:)), customer: customer,
                        message: message)
    }

    private enum CustomerKey: UInt8 { case id, name, language, tier, ltv, tags }

    mutating func customer() -> Customer? {
        var seen: UInt8 = 0
        var id: String?, name: String?, language: String?, tier: String?, ltv: Double?, tags: [String] = []
        let complete = object { reader, key in
            let field: CustomerKey
            switch key.count {
            case 2 where reader.equals(key, "id"): field = .id
            case 3 where reader.equals(key, "ltv"): field = .ltv
            case 4 where reader.equals(key, "name"): field = .name
            case 4 where reader.equals(key, "tier"): field = .tier
            case 4 where reader.equals(key, "tags"): field = .tags
            case 8 where reader.equals(key, "language"): field = .language
            default: return false
            }
            guard seen & (1 << field.rawValue) == 0 else { return false }
            seen |= 1 << field.rawValue
            switch field {
            case .id: id = reader.identifier(); return id != nil
            case .name: name = reader.text(); return name != nil
            case .language: language = reader.text(); return language != nil
            case .tier: tier = reader.text(); return tier != nil
            case .ltv:
                guard let number = reader.number(), (0...ConversationParser.maxLTV).contains(number) else { return false }
                ltv = number
                return true
            case .tags:
                guard let strings = reader.strings() else { return false }
                tags = strings
                return true
            }
        }
        guard complete, let id else { return nil }
        return Customer(id: id, name: name, language: language, tier: tier, ltv: ltv, tags: tags)
    }

    private enum MessageKey: UInt8 { case role, text, at, confidence, intent, id, kb, links }

    mutating func message() -> Message? {
        var seen: UInt8 = 0
        var role: Role?, text: String?, at: Date?, confidence: Double?, intent: String?, platformID: String?
        var kb: [String] = [], links: [String] = []
        let complete = object { reader, key in
            let field: MessageKey
            switch key.count {
            case 2 where reader.equals(key, "at"): field = .at
            case 2 where reader.equals(key, "id"): field = .id
            case 2 where reader.equals(key, "kb"): field = .kb
            case 4 where reader.equals(key, "role"): field = .role
            case 4 where reader.equals(key, "text"): field = .text
            case 5 where reader.equals(key, "links"): field = .links
            case 6 where reader.equals(key, "intent"): field = .intent
            case 10 where reader.equals(key, "confidence"): field = .confidence
            default: return false
            }
            guard seen & (1 << field.rawValue) == 0 else { return false }
            seen |= 1 << field.rawValue
            switch field {
            case .role:
                guard let name = reader.text(), let value = Role(rawValue: name), value != .agent else { return false }
                role = value
            case .text: text = reader.text(); return text != nil
            case .at:
                guard let date = reader.timestamp() else { return false }
                at = date
            case .confidence:
                guard let number = reader.number(), (0...1).contains(number) else { return false }
                confidence = number
            case .intent: intent = reader.text(); return intent != nil
            case .id:
                guard let value = reader.text(), !value.isEmpty, value.utf8.count <= ConversationParser.maxMessageIDBytes else { return false }
                platformID = value
            case .kb:
                guard let strings = reader.strings() else { return false }
                kb = strings
            case .links:
                guard let strings = reader.strings() else { return false }
                links = strings
            }
            return true
        }
        guard complete, let role, let text else { return nil }
        return Message(role: role, text: text, at: at, confidence: confidence, intent: intent, kb: kb, links: links,
                       platformID: platformID)
    }

    // MARK: Values

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Skips white space, then takes `byte` if it is next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    func equals(_ key: Range<Int>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { name in
            var offset = 0
            for position in key {
                guard bytes[position] == name[offset] else { return false }
                offset += 1
            }
            return true
        }
    }

    /// Reads an object, handing each key (the byte range of a key without escapes) to `member`, which reads
    /// the value; false as soon as `member` is.
    private mutating func object(_ member: (inout DirectReader, Range<Int>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            guard take(UInt8(ascii: "\"")) else { return false }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                // Escaped keys and control characters are left to the generic parser.
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return false }
                index += 1
            }
            guard index < bytes.count else { return false }
            let key = start..<index
            index += 1
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard member(&self, key) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// Reads an array, `element` reading each element; false as soon as `element` is.
    private mutating func array(_ element: (inout DirectReader) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        while true {
            skipWhitespace()
            guard element(&self) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    /// An array of strings, each without a NUL.
    mutating func strings() -> [String]? {
        var strings: [String] = []
        guard array({ reader in
            guard let text = reader.text() else { return false }
            strings.append(text)
            return true
        }) else { return nil }
        return strings
    }

    /// A string that follows `Identifier`'s rule.
    mutating func identifier() -> String? {
        guard let text = text(), Identifier.problem(text) == nil else { return nil }
        return text
    }

    /// An ISO 8601 time, read from the line's bytes when its string has no escapes (then they are its text).
    mutating func timestamp() -> Date? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            guard let stamp = text() else { return nil }
            return ISO8601.parse(stamp)
        }
        let date = ISO8601.parse(utf8: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
        index = end + 1
        return date
    }

    /// A string without a NUL (which the parser refuses), escapes decoded, valid UTF-8.
    mutating func text() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        /// Every byte or-ed together: below 0x80, the text is ASCII and needs no validating.
        var bits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let text = bits < 0x80 ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
                index += 1
                return text
            }
            bits |= byte
            // NUL is a control character: refused here as the parser refuses it.
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                if let simple = JSONReader.simpleEscape(escape) {
                    buffer.append(simple)
                    continue
                }
                switch escape {
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                        index += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = JSONReader.combine(high: scalar, low: low)
                    }
                    // A lone low surrogate, and \u0000 (a NUL the parser refuses), go to the generic path.
                    guard scalar != 0, let unicode = Unicode.Scalar(scalar) else { return nil }
                    UTF8.encode(unicode) { buffer.append($0) }
                default: return nil
                }
            default:
                if byte < 0x20 { return nil }
                buffer.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = JSONReader.hexDigit(bytes[index]) else { return nil }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// A finite number, read with the same grammar and conversion as `JSONReader`.
    mutating func number() -> Double? {
        let start = index
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return nil }
        while isDigit(index) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)),
              value.isFinite else { return nil }
        return value
    }
}
