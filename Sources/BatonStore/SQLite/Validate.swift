import Foundation

/// Argument checks that run before a transaction opens, with errors that name the field and the value.
enum Validate {
    /// Ids and queue names: non-empty, no surrounding whitespace, no control characters, at most 200 characters.
    ///
    /// Checked scalar by scalar (Unicode White_Space; categories Cc and Cf, as `CharacterSet.controlCharacters`):
    /// this runs for every ingested conversation, and Foundation's trimming is many times slower. `what` is
    /// only built for an error, since callers name the field with the id it belongs to.
    static func identifier(_ value: String, _ what: @autoclosure () -> String) throws {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else {
            throw StoreError.invalidInput("\(what()) is empty")
        }
        // At most 200 UTF-8 bytes means at most 200 characters; only longer strings need counting.
        guard value.utf8.count <= 200 || value.count <= 200 else {
            throw StoreError.invalidInput("\(what()) is longer than 200 characters")
        }
        guard !first.properties.isWhitespace, !last.properties.isWhitespace,
              !value.unicodeScalars.contains(where: isControl) else {
            throw StoreError.invalidInput("\(what()) \(String(reflecting: value)) has surrounding spaces or control characters")
        }
    }

    /// Free text such as replies and notes: something other than whitespace.
    static func text(_ value: String, _ what: String) throws {
        guard value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw StoreError.invalidInput("\(what) is empty")
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII letters, digits and punctuation are the common case and never control characters.
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }
        switch scalar.properties.generalCategory {
        case .control, .format: return true
        default: return false
        }
    }

    static func page(limit: Int, offset: Int = 0, _ what: String) throws {
        guard limit >= 0 else { throw StoreError.invalidInput("\(what): limit must not be negative, got \(limit)") }
        guard offset >= 0 else { throw StoreError.invalidInput("\(what): offset must not be negative, got \(offset)") }
    }
}
