import BatonCore
import BatonStore
import Foundation
import Hummingbird

/// `POST /v1/conversations` and the per-conversation POSTs: messages, bot handoff, CSAT.
struct ConversationsController {
    let api: BatonAPI

    func addRoutes(to group: RouterGroup<BatonRequestContext>) {
        group.post { request, context in try await api.post(request, context: context) { try await conversation($0) } }
        group.post(":id/messages") { request, context in
            let id = try context.parameters.require("id")
            return try await api.post(request, context: context, keyed: { try await message(id, $0, idempotency: $1) })
        }
        group.post(":id/handoff") { request, context in
            let id = try context.parameters.require("id")
            return try await api.post(request, context: context) { try await handoff(id, $0) }
        }
        group.post(":id/suggestions") { request, context in
            let id = try context.parameters.require("id")
            return try await api.post(request, context: context) { try await suggestion(id, $0) }
        }
        group.post(":id/left") { request, context in
            let id = try context.parameters.require("id")
            return try await api.post(request, context: context) { try await customerLeft(id, $0) }
        }
        group.post(":id/csat") { request, context in
            let id = try context.parameters.require("id")
            return try await api.post(request, context: context) { try await csat(id, $0) }
        }
    }

    /// A whole conversation in the ingest format; messages already stored (by index) are not stored again.
    func conversation(_ body: [UInt8]) async throws -> APIResponse {
        let record = try APIInput.parse(body)
        guard case .conversation = record else {
            throw APIProblem.invalid("expected a whole conversation with \"id\", \"customer\" and \"messages\"", field: "messages")
        }
        return try await ingest(record)
    }

    /// One message event: `{"message": {…}, "customer"?: {…}, "channel"?: "…"}`.
    /// Recorded with group commit (`MessageBatcher`): one transaction for many concurrent events, the answer for
    /// the `Idempotency-Key` in it.
    func message(_ id: String, _ body: [UInt8], idempotency: IdempotencyContext?) async throws -> APIResponse {
        let value = try APIInput.object(body)
        let record = try APIInput.record(value, conversationID: id)
        if case .suggestion = record { return try await ingest(record) }
        guard case .message(let id, let channel, let customer, let message) = record else {
            throw APIProblem.invalid("missing; a message event needs its message", field: "message")
        }
        let event = MessageEvent(conversationID: id, channel: channel, customer: customer, message: message)
        let answer = try await api.messages.submit(event, idempotency: idempotency)
        await api.watcher.poke()
        return answer
    }

    func handoff(_ id: String, _ body: [UInt8]) async throws -> APIResponse {
        let value = try APIInput.object(body)
        var fields = APIInput.Fields(value)
        let reason = try fields.requiredString("reason")
        let summary = try fields.string("summary")
        let queue = try fields.string("queue")
        try fields.rejectUnknown()
        let dispatcher = api.dispatcher
        let outcome = try await api.run { try dispatcher.botHandoff(conversationID: id, reason: reason, summary: summary, queue: queue) }
        await api.watcher.poke()
        return APIResponse(json: try await IngestAnswer(api: api).json(outcome, conversationID: id))
    }

    func csat(_ id: String, _ body: [UInt8]) async throws -> APIResponse {
        let value = try APIInput.object(body)
        var fields = APIInput.Fields(value)
        guard let score = try fields.number("score") else { throw APIProblem.invalid("missing; a score from 1 to 5", field: "score") }
        guard score == score.rounded(), (1...5).contains(score) else {
            throw APIProblem.invalid("must be a whole number from 1 to 5, got \(score)", field: "score")
        }
        try fields.rejectUnknown()
        let dispatcher = api.dispatcher
        let outcome = try await api.run { try dispatcher.ingest(.csat(conversationID: id, score: Int(score))) }
        return APIResponse(json: try await IngestAnswer(api: api).json(outcome, conversationID: id))
    }

    private func ingest(_ record: InputRecord) async throws -> APIResponse {
        let dispatcher = api.dispatcher
        let outcome = try await api.run { try dispatcher.ingest(record) }
        await api.watcher.poke()
        return APIResponse(json: try await IngestAnswer(api: api).json(outcome, conversationID: record.conversationID))
    }
}
