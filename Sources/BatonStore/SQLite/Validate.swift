import Foundation

/// Argument checks that run before a transaction opens, with errors that name the field and the value.
enum Validate {
    /// Ids and queue names: non-empty, no surrounding whitespace, no control characters, at most 200 characters.
    static func identifier(_ value: String, _ what: String) throws {
        guard !value.isEmpty else { throw StoreError.invalidInput("\(what) is empty") }
        guard value.count <= 200 else { throw StoreError.invalidInput("\(what) is longer than 200 characters") }
        guard value.trimmingCharacters(in: .whitespacesAndNewlines) == value,
              !value.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw StoreError.invalidInput("\(what) \(String(reflecting: value)) has surrounding spaces or control characters")
        }
    }

    /// Free text such as replies and notes: something other than whitespace.
    static func text(_ value: String, _ what: String) throws {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalidInput("\(what) is empty")
        }
    }

    static func page(limit: Int, offset: Int = 0, _ what: String) throws {
        guard limit >= 0 else { throw StoreError.invalidInput("\(what): limit must not be negative, got \(limit)") }
        guard offset >= 0 else { throw StoreError.invalidInput("\(what): offset must not be negative, got \(offset)") }
    }
}
