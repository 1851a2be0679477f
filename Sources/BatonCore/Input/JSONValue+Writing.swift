import Foundation

extension JSONValue {
    /// Compact JSON text with keys in the order given: one line, ready for JSON-lines output.
    public var serialized: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 {
                out += String(Int64(number))
            } else {
                out += String(number)
            }
        case .string(let text): Self.writeString(text, into: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.key, into: &out)
                out += ":"
                member.value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where JSONText.mustEscape(scalar): JSONText.appendEscape(scalar, to: &out)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
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
