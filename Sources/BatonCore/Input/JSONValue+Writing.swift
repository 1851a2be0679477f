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
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
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
