import BatonCore
import BatonServer
import Foundation
import Testing

/// Checks answers against the OpenAPI document the server serves: the status must be documented for the
/// operation, and the body must match its schema (types, required members, enums, items, $ref, oneOf).
enum OpenAPICheck {
    static let document: JSONValue = (try? JSONReader.parse(OpenAPIDocument.json)) ?? .null

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    static func response(_ answer: APIClient.Answer, path: String, method: String) throws {
        guard let operation = document["paths"]?[path]?[method] else { throw Mismatch(description: "\(method) \(path) is not documented") }
        let code = String(answer.status.code)
        guard var response = operation["responses"]?[code] else {
            throw Mismatch(description: "\(method) \(path) answered \(code), which is not documented")
        }
        if let ref = response["$ref"]?.string { response = resolve(ref) }
        guard case .object(let contents)? = response["content"], let (mediaType, media) = contents.first else { return }
        let contentType = answer.headers[.contentType]?.split(separator: ";").first.map(String.init)
        guard contentType == mediaType else {
            throw Mismatch(description: "\(method) \(path) \(code): content type \(contentType ?? "none"), documented \(mediaType)")
        }
        guard let schema = media["schema"] else { return }
        let body = try JSONReader.parse(answer.body)
        try check(body, against: schema, at: "$")
    }

    static func resolve(_ ref: String) -> JSONValue {
        var node = document
        for part in ref.dropFirst(2).split(separator: "/") { node = node[String(part)] ?? .null }
        return node
    }

    static func check(_ value: JSONValue, against schema: JSONValue, at path: String) throws {
        if let ref = schema["$ref"]?.string { return try check(value, against: resolve(ref), at: path) }
        if let options = schema["oneOf"]?.array {
            let matches = options.filter { (try? check(value, against: $0, at: path)) != nil }
            guard matches.count == 1 else { throw Mismatch(description: "\(path): matches \(matches.count) of oneOf") }
            return
        }
        let types: [String] = schema["type"]?.string.map { [$0] } ?? schema["type"]?.array?.compactMap(\.string) ?? []
        if !types.isEmpty, !types.contains(where: { matches(value, type: $0) }) {
            throw Mismatch(description: "\(path): \(value.typeName) is not \(types.joined(separator: " or "))")
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) {
            throw Mismatch(description: "\(path): \(value) is not one of \(allowed)")
        }
        if case .object(let members) = value {
            for required in schema["required"]?.array?.compactMap(\.string) ?? [] where !members.contains(where: { $0.key == required }) {
                throw Mismatch(description: "\(path): missing required member \(required)")
            }
            for member in members {
                if let property = schema["properties"]?[member.key] {
                    try check(member.value, against: property, at: "\(path).\(member.key)")
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() { try check(element, against: items, at: "\(path)[\(index)]") }
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }
}
