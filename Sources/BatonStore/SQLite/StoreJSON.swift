import Foundation
import BatonCore

/// Writes the JSON the store keeps in its columns (context packets; a customer's tags and prior contacts; a
/// message's tools, KB articles and links) field by field, with the keys and shapes of the types' `Codable`
/// conformances, so `JSONDecoder` reads every column back into the value that was written.
///
/// Codable's generic encoding, even streamed, was a quarter of the time of ingest on the handoff path:
/// one boxed container and one encoder object per nested value. Written by hand it is a few appends.
/// Tests compare this output with `JSONEncoder`'s for fully populated values, so a field added to one of
/// these types and not here fails them.
struct StoreJSON {
    private var bytes: [UInt8] = []
    /// The first field whose number is NaN or infinite; JSON has no way to write it.
    private var notFinite: String?

    private init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    // Results are UTF-8 bytes, bound into statements as they are: making a `String` of them first would
    // only validate them again.

    /// The packet as JSON; a NaN or infinite number in it is refused, naming its field.
    static func packet(_ packet: ContextPacket) throws -> [UInt8] {
        var json = StoreJSON(capacity: 2048)
        json.write(packet)
        if let field = json.notFinite {
            throw StoreError.invalidInput("the context packet of \(packet.conversationID) has \(field) that is not a finite number")
        }
        return json.bytes
    }

    static func strings(_ values: [String]) -> [UInt8] {
        var json = StoreJSON(capacity: 64)
        json.array(values) { $0.string($1) }
        return json.bytes
    }

    static func toolCalls(_ calls: [ToolCall]) -> [UInt8] {
        var json = StoreJSON(capacity: 64)
        json.array(calls) { $0.write($1) }
        return json.bytes
    }

    static func priorContacts(_ contacts: [PriorContact]) -> [UInt8] {
        var json = StoreJSON(capacity: 64)
        json.array(contacts) { $0.write($1) }
        return json.bytes
    }

    // MARK: Types

    private mutating func write(_ packet: ContextPacket) {
        open()
        field("conversationID"); string(packet.conversationID)
        field("builtAt"); date(packet.builtAt, "builtAt")
        field("summary"); array(packet.summary) { $0.string($1) }
        field("primary"); write(packet.primary)
        field("otherTriggers"); array(packet.otherTriggers) { $0.write($1) }
        if let intent = packet.intent { field("intent"); string(intent) }
        if let confidence = packet.confidence { field("confidence"); number(confidence, "confidence") }
        field("sentiment")
        open()
        field("current"); number(packet.sentiment.current, "sentiment.current")
        field("trajectory"); array(packet.sentiment.trajectory) { $0.number($1, "sentiment.trajectory") }
        close()
        field("aiTried")
        open()
        field("answers"); array(packet.aiTried.answers) { $0.string($1) }
        field("links"); array(packet.aiTried.links) { $0.string($1) }
        field("kb"); array(packet.aiTried.kb) { $0.string($1) }
        field("toolCalls"); array(packet.aiTried.toolCalls) { $0.write($1) }
        close()
        field("profile"); write(packet.profile)
        field("recommendedAction"); string(packet.recommendedAction)
        field("suggestedReply"); string(packet.suggestedReply)
        field("transcript"); array(packet.transcript) { $0.write($1) }
        if let window = packet.whatsappWindow {
            field("whatsappWindow")
            open()
            field("lastCustomerMessageAt"); date(window.lastCustomerMessageAt, "whatsappWindow.lastCustomerMessageAt")
            field("closesAt"); date(window.closesAt, "whatsappWindow.closesAt")
            close()
        }
        field("queue"); string(packet.queue)
        field("priority"); string(packet.priority.rawValue)
        close()
    }

    private mutating func write(_ trigger: FiredTrigger) {
        open()
        field("kind"); string(trigger.kind.rawValue)
        field("message"); integer(trigger.message)
        field("reason"); string(trigger.reason)
        field("rule"); string(trigger.rule)
        if let topic = trigger.topic { field("topic"); string(topic) }
        close()
    }

    private mutating func write(_ profile: CustomerProfile) {
        open()
        field("id"); string(profile.id)
        field("name"); string(profile.name)
        field("channel"); string(profile.channel.rawValue)
        field("language"); string(profile.language)
        field("tier"); string(profile.tier)
        if let ltv = profile.ltv { field("ltv"); number(ltv, "profile.ltv") }
        field("tags"); array(profile.tags) { $0.string($1) }
        field("priorContacts"); array(profile.priorContacts) { $0.write($1) }
        field("openHandoffs"); integer(profile.openHandoffs)
        field("attributes"); array(profile.attributes) { $0.write($1) }
        field("pages"); array(profile.pages) { $0.write($1) }
        field("pageSignals"); array(profile.pageSignals) { $0.write($1) }
        close()
    }

    private mutating func write(_ attribute: CustomerAttribute) {
        open()
        field("name"); string(attribute.name)
        field("value"); write(attribute.value, "profile.attributes")
        close()
    }

    private mutating func write(_ value: AttributeValue, _ field: String) {
        switch value {
        case .string(let text): string(text)
        case .number(let number): self.number(number, field)
        case .bool(let flag): literal(flag ? "true" : "false")
        }
    }

    private mutating func write(_ page: PageVisit) {
        open()
        field("url"); string(page.url)
        if let title = page.title { field("title"); string(title) }
        field("at"); date(page.at, "profile.pages.at")
        close()
    }

    private mutating func write(_ signal: PageSignal) {
        open()
        field("rule"); string(signal.rule)
        field("pattern"); string(signal.pattern)
        field("visits"); integer(signal.visits)
        field("windowDays"); integer(signal.windowDays)
        field("paths"); array(signal.paths) { $0.string($1) }
        field("effect"); string(signal.effect)
        close()
    }

    static func attributes(_ attributes: [CustomerAttribute]) throws -> [UInt8] {
        var json = StoreJSON(capacity: 256)
        json.array(attributes) { $0.write($1) }
        if let field = json.notFinite { throw StoreError.invalidInput("customer attributes have \(field) that is not a finite number") }
        return json.bytes
    }

    static func pages(_ pages: [PageVisit]) throws -> [UInt8] {
        var json = StoreJSON(capacity: 256)
        json.array(pages) { $0.write($1) }
        if let field = json.notFinite { throw StoreError.invalidInput("customer pages have \(field) that is not a finite time") }
        return json.bytes
    }

    private mutating func write(_ message: Message) {
        open()
        field("role"); string(message.role.rawValue)
        field("text"); string(message.text)
        if let at = message.at { field("at"); date(at, "transcript.at") }
        if let confidence = message.confidence { field("confidence"); number(confidence, "transcript.confidence") }
        if let intent = message.intent { field("intent"); string(intent) }
        field("tools"); array(message.tools) { $0.write($1) }
        field("kb"); array(message.kb) { $0.string($1) }
        field("links"); array(message.links) { $0.string($1) }
        close()
    }

    private mutating func write(_ call: ToolCall) {
        open()
        field("name"); string(call.name)
        field("ok"); literal(call.ok ? "true" : "false")
        if let error = call.error { field("error"); string(error) }
        close()
    }

    private mutating func write(_ contact: PriorContact) {
        open()
        field("topic"); string(contact.topic)
        field("days_ago"); integer(contact.daysAgo)
        close()
    }

    // MARK: JSON text

    private mutating func open() { bytes.append(UInt8(ascii: "{")) }
    private mutating func close() { bytes.append(UInt8(ascii: "}")) }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Starts a field of the open object: a comma unless it is the first, then the key. Keys are plain
    /// ASCII names, so they need no escaping.
    private mutating func field(_ key: StaticString) {
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        literal(key)
        literal("\":")
    }

    private mutating func array<Element>(_ elements: [Element], _ writeElement: (inout StoreJSON, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            writeElement(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Decimal digits, written without building a `String` first.
    private mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude != 0 else { return bytes.append(UInt8(ascii: "0")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            while magnitude != 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Whole numbers as integers, others in Swift's shortest form that reads back as the same `Double`.
    private mutating func number(_ value: Double, _ field: String) {
        guard value.isFinite else {
            if notFinite == nil { notFinite = field }
            return bytes.append(UInt8(ascii: "0"))
        }
        if value.rounded() == value && abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Seconds since 2001-01-01, as `JSONEncoder` writes a `Date` by default.
    private mutating func date(_ value: Date, _ field: String) {
        number(value.timeIntervalSinceReferenceDate, field)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Bytes of multi-byte characters are all >= 0x80 and never need escaping.
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): literal("\\\"")
                case UInt8(ascii: "\\"): literal("\\\\")
                case UInt8(ascii: "\n"): literal("\\n")
                case UInt8(ascii: "\r"): literal("\\r")
                case UInt8(ascii: "\t"): literal("\\t")
                default:
                    literal("\\u00")
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
