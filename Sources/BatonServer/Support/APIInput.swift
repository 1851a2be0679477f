import BatonCore
import Foundation

/// Request bodies into the ingest format's records, through the same parser as `baton ingest`, so the API and
/// the command line accept and refuse exactly the same things.
enum APIInput {
    /// The body as a JSON object, or a 400 naming what is wrong.
    static func object(_ body: [UInt8]) throws -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONReader.parse(body)
        } catch {
            throw APIProblem.malformed("\(error)")
        }
        guard case .object = value else { throw APIProblem.invalid("the body must be a JSON object, got \(value.typeName)", field: nil) }
        return value
    }

    /// A whole conversation, a message event or a CSAT record in the ingest format.
    static func parse(_ body: [UInt8]) throws -> InputRecord {
        try record(try object(body))
    }

    /// A message event for `conversationID` (taken from the path; a `conversation_id` in the body must agree).
    static func record(_ value: JSONValue, conversationID: String) throws -> InputRecord {
        guard case .object(var members) = value else { throw APIProblem.invalid("the body must be a JSON object", field: nil) }
        if let index = members.firstIndex(where: { $0.key == "conversation_id" }) {
            guard members[index].value == .string(conversationID) else {
                throw APIProblem.invalid("does not match the conversation in the path (\(conversationID))", field: "conversation_id")
            }
        } else {
            members.insert(("conversation_id", .string(conversationID)), at: 0)
        }
        return try record(.object(members))
    }

    private static func record(_ value: JSONValue) throws -> InputRecord {
        do {
            return try ConversationParser().parse(value: value, lineNumber: 1)
        } catch {
            throw APIProblem.invalid(error.message, field: error.field)
        }
    }

    /// Reads the members of a small JSON object (the handoff and CSAT bodies), refusing unknown ones.
    struct Fields {
        private let members: [(key: String, value: JSONValue)]
        private var used: Set<String> = []

        init(_ value: JSONValue) {
            if case .object(let members) = value { self.members = members } else { self.members = [] }
        }

        private mutating func value(_ key: String) -> JSONValue? {
            used.insert(key)
            return members.first { $0.key == key }?.value
        }

        mutating func string(_ key: String) throws -> String? {
            switch value(key) {
            case nil, .null?: return nil
            case .string(let text)?: return text
            case let other?: throw APIProblem.invalid("expected a string, got \(other.typeName)", field: key)
            }
        }

        mutating func requiredString(_ key: String) throws -> String {
            guard let text = try string(key), !text.isEmpty else { throw APIProblem.invalid("missing", field: key) }
            return text
        }

        mutating func number(_ key: String) throws -> Double? {
            switch value(key) {
            case nil, .null?: return nil
            case .number(let number)?: return number
            case let other?: throw APIProblem.invalid("expected a number, got \(other.typeName)", field: key)
            }
        }

        mutating func numbers(_ key: String) throws -> [Double]? {
            switch value(key) {
            case nil, .null?: return nil
            case .array(let elements)?:
                return try elements.enumerated().map { index, element in
                    guard case .number(let number) = element else {
                        throw APIProblem.invalid("expected a number, got \(element.typeName)", field: "\(key)[\(index)]")
                    }
                    return number
                }
            case let other?: throw APIProblem.invalid("expected an array of numbers, got \(other.typeName)", field: key)
            }
        }

        func rejectUnknown() throws {
            if let unknown = members.first(where: { !used.contains($0.key) }) {
                throw APIProblem.invalid("unknown field", field: unknown.key)
            }
        }
    }
}
