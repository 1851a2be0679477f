import BatonCore

extension APIInput {
    /// Takes the platform's message ids (`id` on a message) out of a body before the ingest parser, which does
    /// not know the field yet, sees it: `(body without the ids, the ids by message index, nil where absent)`.
    /// `"message"` (a message event) counts as index 0.
    static func removingMessageIDs(_ value: JSONValue) throws -> (JSONValue, [String?]) {
        guard case .object(var members) = value else { return (value, []) }
        var ids: [String?] = []
        func strip(_ message: JSONValue, field: String) throws -> JSONValue {
            guard case .object(var fields) = message, let index = fields.firstIndex(where: { $0.key == "id" }) else {
                ids.append(nil)
                return message
            }
            switch fields[index].value {
            case .string(let id) where !id.isEmpty && id.utf8.count <= 256: ids.append(id)
            case .null: ids.append(nil)
            default: throw APIProblem.invalid("must be a non-empty string of at most 256 bytes", field: "\(field).id")
            }
            fields.remove(at: index)
            return .object(fields)
        }
        for position in members.indices {
            switch members[position].key {
            case "message":
                members[position].value = try strip(members[position].value, field: "message")
            case "messages":
                if case .array(let elements) = members[position].value {
                    members[position].value = .array(try elements.enumerated().map { try strip($1, field: "messages[\($0)]") })
                }
            default: break
            }
        }
        return (.object(members), ids)
    }

    /// Puts the ids taken by `removingMessageIDs` on the parsed record's messages.
    static func restoring(_ ids: [String?], in record: InputRecord) -> InputRecord {
        switch record {
        case .conversation(var conversation):
            for (index, id) in ids.enumerated() where index < conversation.messages.count { conversation.messages[index].platformID = id }
            return .conversation(conversation)
        case .message(let conversationID, let channel, let customer, var message):
            message.platformID = ids.first ?? nil
            return .message(conversationID: conversationID, channel: channel, customer: customer, message: message)
        case .csat:
            return record
        }
    }
}
