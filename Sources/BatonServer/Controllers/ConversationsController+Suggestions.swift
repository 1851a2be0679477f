import BatonCore
import BatonStore
import Foundation
import Hummingbird

/// `POST /v1/conversations/{id}/suggestions`: the AI's suggestion for the human who has the conversation
/// (collaborative mode), `{"kind": "reply"|"article"|"fact", "text", "title"?, "url"?, "at"?}`. The same as a
/// message event with `role: "ai_suggestion"`. Never delivered to the customer; refused with 409 in a queue
/// whose handoff is hard, or while no human has the conversation.
extension ConversationsController {
    func suggestion(_ id: String, _ body: [UInt8]) async throws -> APIResponse {
        guard case .object(var members) = try APIInput.object(body) else {
            throw APIProblem.invalid("the body must be a JSON object", field: nil)
        }
        if let role = members.first(where: { $0.key == "role" })?.value, role != .string(Suggestion.role) {
            throw APIProblem.invalid("must be \"\(Suggestion.role)\" or left out", field: "role")
        }
        members.removeAll { $0.key == "role" }
        members.insert(("role", .string(Suggestion.role)), at: 0)
        let record: InputRecord
        do {
            record = try APIInput.record(.object([("message", .object(members))]), conversationID: id)
        } catch var problem as APIProblem {
            // The body is the suggestion itself: name its fields without the event's "message." prefix.
            if let field = problem.field, field.hasPrefix("message.") { problem.field = String(field.dropFirst("message.".count)) }
            throw problem
        }
        let dispatcher = api.dispatcher
        let outcome = try await api.run { try dispatcher.ingest(record) }
        return APIResponse(json: try await IngestAnswer(api: api).json(outcome, conversationID: id))
    }
}

extension APIProblem {
    static func suggestionRefused(conversationID: String, _ reason: SuggestionRefusal) -> APIProblem {
        switch reason {
        case .hardHandoff(let queue):
            APIProblem(.conflict, "hard-handoff", title: "The queue is in hard handoff mode",
                       detail: "suggestion for conversation \(conversationID) refused: \(reason)",
                       extensions: [("handoff_mode", .string(HandoffMode.hard.rawValue)), ("queue", .string(queue))])
        case .notWithHumans(let state):
            APIProblem(.conflict, "not-with-humans", title: "No human has this conversation",
                       detail: "suggestion for conversation \(conversationID) refused: \(reason)",
                       extensions: [("holder", .string(Holder(state).rawValue))])
        }
    }
}
