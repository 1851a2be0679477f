/// The rule every id and name Baton stores and shows follows: conversation, customer, agent and thread
/// ids, queue names, skills.
///
/// Checked where input enters (the parser, config, the CLI) so a refusal names its line or field, and
/// again by the store as a last line of defence.
public enum Identifier {
    /// Longest identifier, in characters.
    public static let maxLength = 200

    /// Why `value` cannot be an identifier, or nil when it can: empty, over `maxLength` characters,
    /// white space at either end, or a control or format character (Unicode Cc and Cf: C0 and C1 controls,
    /// bidi overrides, zero-width characters).
    ///
    /// Checked scalar by scalar: this runs for every ingested conversation, and Foundation's trimming is
    /// many times slower.
    public static func problem(_ value: String) -> String? {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return "is empty" }
        // At most 200 UTF-8 bytes means at most 200 characters; only longer strings need counting.
        if value.utf8.count > maxLength, value.count > maxLength {
            return "is \(value.count) characters long, over the \(maxLength)-character limit"
        }
        if isWhitespace(first) || isWhitespace(last) { return "has white space at its start or end" }
        if let control = value.unicodeScalars.first(where: isControl) {
            return "contains the control character \(Self.code(control)); ids and names must be printable"
        }
        return nil
    }

    /// Unicode's White_Space property, answered without a table lookup for ASCII (tab to carriage return,
    /// and space).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII letters, digits and punctuation are the common case and never control characters.
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// `U+001B`: how a scalar is named in error messages, never the scalar itself.
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
