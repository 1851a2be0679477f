import Foundation

extension JSONValue {
    /// Compact JSON text with keys in the order given: one line, ready for JSON-lines output.
    public var serialized: String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 of `serialized` to `out`, without building a String.
    public func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 {
                Self.writeInteger(Int64(number), into: &out)
            } else {
                out.append(contentsOf: String(number).utf8)
            }
        case .string(let text): Self.writeString(text, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeInteger(_ value: Int64, into out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let start = out.count
        while magnitude > 0 {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        out[start...].reverse()
    }

    /// A JSON string: ASCII copied byte by byte, other scalars copied as their UTF-8 unless they must be
    /// escaped (`JSONText.mustEscape`).
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            let count = utf8.count
            while index < count {
                // Printable ASCII other than the quote and the backslash is copied a run at a time.
                let run = index
                while index < count, utf8[index] >= 0x20, utf8[index] < 0x7F, utf8[index] != UInt8(ascii: "\""), utf8[index] != UInt8(ascii: "\\") {
                    index += 1
                }
                if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index])) }
                guard index < count else { break }
                let byte = utf8[index]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                    case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                    case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                    case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                    case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                    case 0..<0x20, 0x7F: JSONText.appendEscape(Unicode.Scalar(byte), to: &out)
                    default: out.append(byte)
                    }
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(count, index + length)
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for continuation in (index + 1)..<end { value = value << 6 | UInt32(utf8[continuation] & 0x3F) }
                if let scalar = Unicode.Scalar(value), JSONText.mustEscape(scalar) {
                    JSONText.appendEscape(scalar, to: &out)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                }
                index = end
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Convenience constructors for building output.
    public static func from(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    public static func from(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }
    public static func from(_ number: Int?) -> JSONValue { number.map { .number(Double($0)) } ?? .null }
    public static func from(_ date: Date?) -> JSONValue { date.map { .string(ISO8601.format($0)) } ?? .null }
}

/// What Baton's JSON output escapes beyond what JSON requires, so that no output line can drive a terminal
/// or hide text when it is printed raw (`baton queue --json | less`).
public enum JSONText {
    /// Controls (C0, DEL, C1), format characters (bidi controls and marks, zero-width spaces and joiners,
    /// the BOM, tags) and line and paragraph separators: written as `\uXXXX` escapes, which read back as the
    /// same text.
    @inline(__always)
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return true }
        if value < 0x80 { return false }
        if value < 0xA0 { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// `appendEscape(_:to:)` into UTF-8 bytes.
    public static func appendEscape(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        var text = ""
        appendEscape(scalar, to: &text)
        out.append(contentsOf: text.utf8)
    }

    /// `\u001b`, or a surrogate pair beyond the Basic Multilingual Plane.
    public static func appendEscape(_ scalar: Unicode.Scalar, to out: inout String) {
        func hex(_ unit: UInt32) {
            let digits = String(unit, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        if scalar.value > 0xFFFF {
            let offset = scalar.value - 0x10000
            hex(0xD800 + (offset >> 10))
            hex(0xDC00 + (offset & 0x3FF))
        } else {
            hex(scalar.value)
        }
    }

    /// JSON text from another encoder (Foundation's) with the same escapes applied inside its strings. Such
    /// scalars inside a JSON string stand for themselves, so escaping them leaves the document's meaning
    /// unchanged; outside strings only JSON's white space can stand, and it is kept.
    public static func escapingUnsafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        var inString = false
        var escaped = false
        for scalar in json.unicodeScalars {
            if inString {
                if escaped {
                    // An escape stands for an ASCII letter; anything else makes invalid JSON, still not left raw.
                    escaped = false
                    if mustEscape(scalar) {
                        appendEscape(scalar, to: &out)
                        continue
                    }
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                } else if mustEscape(scalar) {
                    appendEscape(scalar, to: &out)
                    continue
                }
            } else if scalar == "\"" {
                inString = true
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
