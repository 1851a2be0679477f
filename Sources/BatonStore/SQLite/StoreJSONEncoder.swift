import Foundation

/// Writes `Encodable` values as JSON text for the store's own columns (context packets), readable by
/// `JSONDecoder` exactly as `JSONEncoder`'s default output is: same keys, dates as seconds since 2001.
///
/// Foundation's encoder builds a tree of boxed values first and was a third of the handoff path's time;
/// this one appends to one string as the value encodes itself. Types `JSONEncoder` treats specially
/// (Data, URL, Decimal) are handed to `JSONEncoder`, so the output never differs in meaning.
struct StoreJSONEncoder {
    func encode<T: Encodable>(_ value: T) throws -> String {
        let output = Output()
        do {
            try output.write(value, parent: nil, key: nil)
            guard !output.needsFoundation else { throw Output.NeedsFoundation() }
        } catch is Output.NeedsFoundation {
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        }
        return output.text
    }
}

/// The text being written, shared by the nested encoders and containers of one `encode` call.
private final class Output {
    /// A value `JSONEncoder` encodes in its own way was met.
    struct NeedsFoundation: Error {}

    /// UTF-8 bytes: appending a string's bytes is a copy, appending to a `String` scalar by scalar is not.
    ///
    /// The array lives behind a pointer the object owns rather than in a `var` property: every append to a
    /// class's stored property pays a dynamic exclusivity check, and an encode makes thousands of them.
    /// Only this object touches the pointer, and an `Output` never leaves the one `encode` call that made it.
    private let buffer: UnsafeMutablePointer<[UInt8]>
    /// Set when a value asked for something a streaming writer cannot do (nested or super encoders).
    var needsFoundation = false

    init() {
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: [])
        buffer.pointee.reserveCapacity(4096)
    }

    deinit {
        buffer.deinitialize(count: 1)
        buffer.deallocate()
    }

    var text: String { String(decoding: buffer.pointee, as: UTF8.self) }

    func append(_ literal: StaticString) {
        literal.withUTF8Buffer { buffer.pointee.append(contentsOf: $0) }
    }

    func append(_ byte: UInt8) { buffer.pointee.append(byte) }

    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) { buffer.pointee.append(contentsOf: bytes) }

    /// Writes the decimal digits of `value` without building a `String` first.
    func appendNumber<N: BinaryInteger>(_ value: N) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude != 0 else { return append(UInt8(ascii: "0")) }
        // 39 digits hold any 128-bit magnitude; Baton writes 64-bit values at most.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var start = digits.count
            while magnitude != 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    func write<T: Encodable>(_ value: T, parent: ValueEncoder?, key: (any CodingKey)?) throws {
        // Metatype checks, not casts: this runs for every value.
        if T.self == Date.self, let date = value as? Date {
            writeNumber(date.timeIntervalSinceReferenceDate)
            return
        }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw NeedsFoundation() }
        let encoder = ValueEncoder(output: self, parent: parent, key: key)
        try value.encode(to: encoder)
        encoder.close()
    }

    func writeNumber(_ value: Double) {
        if value.rounded() == value && abs(value) < 1e15 {
            appendNumber(Int64(value))
        } else {
            buffer.pointee.append(contentsOf: "\(value)".utf8)
        }
    }

    func checkFinite(_ value: Double, codingPath: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath(), debugDescription: "\(value) is not valid JSON"))
        }
    }

    func writeString(_ value: String) {
        append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Bytes of multi-byte characters are all >= 0x80 and never need escaping.
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                default:
                    let hex = String(byte, radix: 16)
                    append("\\u00")
                    buffer.pointee.append(contentsOf: (hex.count < 2 ? "0" + hex : hex).utf8)
                }
                start = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        append(UInt8(ascii: "\""))
    }
}

/// The encoder one value encodes itself with; remembers which container it opened so it can close it.
private final class ValueEncoder: Encoder {
    enum Opened { case none, keyed, unkeyed, single }

    let output: Output
    /// The enclosing value and this value's key in it; the coding path is only built for errors.
    let parent: ValueEncoder?
    let key: (any CodingKey)?
    var codingPath: [any CodingKey] { (parent?.codingPath ?? []) + (key.map { [$0] } ?? []) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var opened = Opened.none
    /// Whether the open keyed or unkeyed container has written an element yet (for commas).
    var hasElements = false

    init(output: Output, parent: ValueEncoder?, key: (any CodingKey)?) {
        self.output = output
        self.parent = parent
        self.key = key
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened == .none {
            opened = .keyed
            output.append(UInt8(ascii: "{"))
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if opened == .none {
            opened = .unkeyed
            output.append(UInt8(ascii: "["))
        }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        opened = .single
        return SingleContainer(encoder: self)
    }

    /// An encoder whose output is thrown away, after marking the value for `JSONEncoder`.
    func discarded() -> ValueEncoder {
        output.needsFoundation = true
        return ValueEncoder(output: Output(), parent: nil, key: nil)
    }

    /// Starts the next element of the open container.
    func separate() {
        if hasElements { output.append(UInt8(ascii: ",")) }
        hasElements = true
    }

    func close() {
        switch opened {
        case .none: output.append("{}")  // what JSONEncoder writes for a value that encodes nothing
        case .keyed: output.append(UInt8(ascii: "}"))
        case .unkeyed: output.append(UInt8(ascii: "]"))
        case .single: break
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func key(_ key: Key) {
        encoder.separate()
        encoder.output.writeString(key.stringValue)
        encoder.output.append(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); encoder.output.append("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); encoder.output.append(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); encoder.output.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try encoder.output.checkFinite(value, codingPath: codingPath + [key])
        self.key(key)
        encoder.output.writeNumber(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); encoder.output.appendNumber(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); encoder.output.appendNumber(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); encoder.output.appendNumber(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); encoder.output.appendNumber(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try encoder.output.write(value, parent: encoder, key: key)
    }

    // Nested and super encoders cannot be closed by a streaming writer; no Baton type asks for them, and
    // if one does, its output goes nowhere and the whole value is encoded by `JSONEncoder` instead.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        encoder.discarded().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.discarded().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.discarded() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.discarded() }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private(set) var count = 0

    init(encoder: ValueEncoder) { self.encoder = encoder }

    private mutating func next() {
        encoder.separate()
        count += 1
    }

    mutating func encodeNil() throws { next(); encoder.output.append("null") }
    mutating func encode(_ value: Bool) throws { next(); encoder.output.append(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { next(); encoder.output.writeString(value) }
    mutating func encode(_ value: Double) throws {
        try encoder.output.checkFinite(value, codingPath: codingPath)
        next()
        encoder.output.writeNumber(value)
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { next(); encoder.output.appendNumber(value) }
    mutating func encode(_ value: Int64) throws { next(); encoder.output.appendNumber(value) }
    mutating func encode(_ value: UInt64) throws { next(); encoder.output.appendNumber(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try encoder.output.write(value, parent: encoder, key: nil)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.discarded().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder.discarded().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder.discarded() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.output.append("null") }
    mutating func encode(_ value: Bool) throws { encoder.output.append(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.output.writeString(value) }
    mutating func encode(_ value: Double) throws {
        try encoder.output.checkFinite(value, codingPath: codingPath)
        encoder.output.writeNumber(value)
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.output.appendNumber(value) }
    mutating func encode(_ value: Int64) throws { encoder.output.appendNumber(value) }
    mutating func encode(_ value: UInt64) throws { encoder.output.appendNumber(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.output.write(value, parent: encoder.parent, key: encoder.key) }
}
