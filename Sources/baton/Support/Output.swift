import BatonCore
import Foundation

/// Where every line the command line prints for people or scripts goes: human-readable text through the one
/// sanitizer, JSON with every control, format and bidi character escaped. Commands never call `print`.
enum Output {
    /// Human-readable text, each of its lines sanitized.
    static func text(_ text: String) {
        print(sanitized(text))
    }

    /// One JSON value on one line (JSON lines output).
    static func json(_ value: JSONValue) {
        print(value.serialized)
    }

    /// JSON text made by another encoder, with Baton's escapes applied.
    static func json(text: String) {
        print(JSONText.escapingUnsafe(text))
    }

    static func sanitized(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.line(String($0)) }.joined(separator: "\n")
    }
}
