import BatonCore
import BatonStore
import Foundation

/// `POST /v1/conversations/{id}/left` with `{}`: the platform reports that the customer left before anyone
/// connected, as `{"conversation_id", "customer_left": true}` does in `baton ingest`. A waiting thread is kept for
/// a written follow-up (its place kept, no more wait updates, `answer_later` in the audit trail); a conversation
/// the AI or an agent holds, or a closed one, is left as it is. The answer is the conversation's state.
extension ConversationsController {
    func customerLeft(_ id: String, _ body: [UInt8]) async throws -> APIResponse {
        let fields = APIInput.Fields(try APIInput.object(body))
        try fields.rejectUnknown()
        let dispatcher = api.dispatcher
        let outcome = try await api.run { try dispatcher.ingest(.customerLeft(conversationID: id)) }
        await api.watcher.poke()
        return APIResponse(json: try await IngestAnswer(api: api).json(outcome, conversationID: id))
    }
}
