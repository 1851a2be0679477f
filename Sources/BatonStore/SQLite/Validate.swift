import Foundation
import BatonCore

/// Argument checks that run before a transaction opens, with errors that name the field and the value.
enum Validate {
    /// Ids and queue names: the rule of `Identifier`. `what` is only built for an error, since callers
    /// name the field with the id it belongs to.
    static func identifier(_ value: String, _ what: @autoclosure () -> String) throws {
        if let problem = Identifier.problem(value) {
            throw StoreError.invalidInput("\(what()) \(problem)")
        }
    }

    /// Free text such as replies and notes: something other than whitespace, and no NUL (SQLite text ends there).
    static func text(_ value: String, _ what: String) throws {
        guard value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw StoreError.invalidInput("\(what) is empty")
        }
        guard !value.utf8.contains(0) else {
            throw StoreError.invalidInput("\(what) contains a NUL character (U+0000)")
        }
    }

    /// Optional free text (a reason, a note): when given, no NUL.
    static func optionalText(_ value: String?, _ what: String) throws {
        if let value, value.utf8.contains(0) {
            throw StoreError.invalidInput("\(what) contains a NUL character (U+0000)")
        }
    }

    static func page(limit: Int, offset: Int = 0, _ what: String) throws {
        guard limit >= 0 else { throw StoreError.invalidInput("\(what): limit must not be negative, got \(limit)") }
        guard offset >= 0 else { throw StoreError.invalidInput("\(what): offset must not be negative, got \(offset)") }
    }
}
