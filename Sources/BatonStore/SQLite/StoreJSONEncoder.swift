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
            try output.write(value, codingPath: [])
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

    var text = ""
    /// Set when a value asked for something a streaming writer cannot do (nested or super encoders).
    var needsFoundation = false

    init() { text.reserveCapacity(2048) }

    func write<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let date as Date: writeNumber(date.timeIntervalSinceReferenceDate, codingPath: codingPath)
            return
        case is Data, is URL, is Decimal: throw NeedsFoundation()
        default: break
        }
        let encoder = ValueEncoder(output: self, codingPath: codingPath)
        try value.encode(to: encoder)
        encoder.close()
    }

    func writeNumber(_ value: Double, codingPath: [any CodingKey]) {
        text += value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    func checkFinite(_ value: Double, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not valid JSON"))
        }
    }

    func writeString(_ value: String) {
        text.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }
}

/// The encoder one value encodes itself with; remembers which container it opened so it can close it.
private final class ValueEncoder: Encoder {
    enum Opened { case none, keyed, unkeyed, single }

    let output: Output
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var opened = Opened.none
    /// Whether the open keyed or unkeyed container has written an element yet (for commas).
    var hasElements = false

    init(output: Output, codingPath: [any CodingKey]) {
        self.output = output
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened == .none {
            opened = .keyed
            output.text.append("{")
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if opened == .none {
            opened = .unkeyed
            output.text.append("[")
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
        return ValueEncoder(output: Output(), codingPath: codingPath)
    }

    /// Starts the next element of the open container.
    func separate() {
        if hasElements { output.text.append(",") }
        hasElements = true
    }

    func close() {
        switch opened {
        case .none: output.text += "{}"  // what JSONEncoder writes for a value that encodes nothing
        case .keyed: output.text.append("}")
        case .unkeyed: output.text.append("]")
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
        encoder.output.text.append(":")
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); encoder.output.text += "null" }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); encoder.output.text += value ? "true" : "false" }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); encoder.output.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try encoder.output.checkFinite(value, codingPath: codingPath + [key])
        self.key(key)
        encoder.output.writeNumber(value, codingPath: codingPath)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); encoder.output.text += String(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); encoder.output.text += String(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); encoder.output.text += String(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(UInt(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); encoder.output.text += String(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try encoder.output.write(value, codingPath: codingPath + [key])
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

    mutating func encodeNil() throws { next(); encoder.output.text += "null" }
    mutating func encode(_ value: Bool) throws { next(); encoder.output.text += value ? "true" : "false" }
    mutating func encode(_ value: String) throws { next(); encoder.output.writeString(value) }
    mutating func encode(_ value: Double) throws {
        try encoder.output.checkFinite(value, codingPath: codingPath)
        next()
        encoder.output.writeNumber(value, codingPath: codingPath)
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { next(); encoder.output.text += String(value) }
    mutating func encode(_ value: Int64) throws { next(); encoder.output.text += String(value) }
    mutating func encode(_ value: UInt64) throws { next(); encoder.output.text += String(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try encoder.output.write(value, codingPath: codingPath)
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

    mutating func encodeNil() throws { encoder.output.text += "null" }
    mutating func encode(_ value: Bool) throws { encoder.output.text += value ? "true" : "false" }
    mutating func encode(_ value: String) throws { encoder.output.writeString(value) }
    mutating func encode(_ value: Double) throws {
        try encoder.output.checkFinite(value, codingPath: codingPath)
        encoder.output.writeNumber(value, codingPath: codingPath)
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.output.text += String(value) }
    mutating func encode(_ value: Int64) throws { encoder.output.text += String(value) }
    mutating func encode(_ value: UInt64) throws { encoder.output.text += String(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.output.write(value, codingPath: codingPath) }
}
