import BatonCore
import BatonStore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Keys whose first request is still running in this process: a second request with the same key waits for no
/// one and gets 409, as Stripe and the IETF draft do, rather than running the operation twice.
final class IdempotencyGuard: Sendable {
    private let running = Mutex<Set<String>>([])

    func begin(_ key: String) -> Bool { running.withLock { $0.insert(key).inserted } }
    func end(_ key: String) { running.withLock { _ = $0.remove(key) } }
}

/// The `Idempotency-Key` of a request being answered.
struct IdempotencyContext: Sendable {
    let token: String
    let key: String
    /// SHA-256 of the method, path and body.
    let requestHash: [UInt8]
    let now: Date
    let window: TimeInterval

    /// What to store for this answer: successes and client errors other than 409 and 429 (a retry of those may
    /// succeed); nil for server errors, so a retry runs again.
    func receipt(for answer: APIResponse) -> IdempotentReceipt? {
        let status = Int(answer.status.code)
        guard status < 500, status != 409, status != 429 else { return nil }
        return IdempotentReceipt(token: token, key: key,
                                 response: StoredResponse(requestHash: requestHash, status: status, body: answer.body, createdAt: now),
                                 replaces: now.addingTimeInterval(-window))
    }
}

extension BatonAPI {
    /// Answers a POST: checks the content type and the size, reads the body, and honours `Idempotency-Key`.
    ///
    /// With a key, the answer (success or a client error other than 409/429) is stored for `idempotencyWindow`:
    /// the same key with the same method, path and body gets it again (`Idempotent-Replayed: true`); with another
    /// request it gets 422. Server errors are not stored, so a retry runs again.
    func post(_ request: Request, context: BatonRequestContext,
              _ handle: @escaping @Sendable (_ body: [UInt8]) async throws -> APIResponse) async throws -> Response {
        try await post(request, context: context) { body, _ in try await handle(body) }
    }

    /// `post(_:context:_:)` for a handler that stores the answer for the key itself, in the transaction of its
    /// change (it sets `receiptStored`); otherwise the answer is stored after the handler returns.
    func post(_ request: Request, context: BatonRequestContext,
              keyed handle: @escaping @Sendable (_ body: [UInt8], _ idempotency: IdempotencyContext?) async throws -> APIResponse)
        async throws -> Response {
        let body = try await readJSONBody(request)
        guard let key = request.headers[.idempotencyKey] else {
            return try await answer({ try await handle($0, nil) }, body).response
        }
        guard !key.isEmpty, key.utf8.count <= 255, key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw APIProblem(.badRequest, "invalid-idempotency-key", title: "Invalid Idempotency-Key",
                             detail: "the key must be 1 to 255 visible ASCII characters", field: "Idempotency-Key")
        }
        let token = context.integration ?? ""
        var hasher = SHA256()
        hasher.update(data: Array("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        hasher.update(data: body)
        let hash = Array(hasher.finalize())
        let now = clock()
        let window = settings.idempotencyWindow
        let store = self.store
        if let stored = try await run({ try store.idempotentResponse(token: token, key: key, notBefore: now.addingTimeInterval(-window)) }) {
            guard stored.requestHash == hash else { throw Self.keyReused }
            var response = APIResponse(status: .init(code: stored.status), body: stored.body,
                                       contentType: stored.status >= 400 ? "application/problem+json" : "application/json").response
            response.headers[.idempotentReplayed] = "true"
            return response
        }
        let slot = "\(token)\u{0}\(key)"
        guard idempotency.begin(slot) else {
            throw APIProblem(.conflict, "idempotency-key-in-use", title: "A request with this Idempotency-Key is in progress",
                             detail: "retry once the first request has been answered", field: "Idempotency-Key")
        }
        defer { idempotency.end(slot) }
        let keyed = IdempotencyContext(token: token, key: key, requestHash: hash, now: now, window: window)
        let answer = try await answer({ try await handle($0, keyed) }, body)
        if !answer.receiptStored, let receipt = keyed.receipt(for: answer) {
            try await run {
                try store.storeIdempotentResponse(receipt.response, token: token, key: key, replaces: receipt.replaces, now: now)
            }
        }
        return answer.response
    }

    /// Runs the handler, turning refusals into the problem documents they stand for.
    private func answer(_ handle: @Sendable ([UInt8]) async throws -> APIResponse, _ body: [UInt8]) async throws -> APIResponse {
        do {
            return try await handle(body)
        } catch {
            let problem = APIProblem.from(error)
            guard problem.status.code < 500 else { throw error }
            return APIResponse(status: problem.status, body: problem.body, contentType: "application/problem+json")
        }
    }

    static let keyReused = APIProblem(
        .unprocessableContent, "idempotency-key-reused", title: "Idempotency-Key reused with another request",
        detail: "this key was first used with a different method, path or body; use a new key for a new request",
        field: "Idempotency-Key")

    /// The body of a JSON request: `Content-Type` must be JSON (415 otherwise) and the body at most `maxBodyBytes` (413).
    func readJSONBody(_ request: Request) async throws -> [UInt8] {
        let type = Self.mediaType(request.headers[.contentType])
        guard let type, type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            throw APIProblem(.unsupportedMediaType, "unsupported-media-type", title: "The body must be JSON",
                             detail: "send Content-Type: application/json (got \(type ?? "none"))", field: "Content-Type")
        }
        let limit = settings.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Self.tooLarge(limit)
        }
        do {
            return Array(buffer: try await request.body.collect(upTo: limit))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge(limit)
        }
    }

    /// The media type of a `Content-Type` value, lowercased, without parameters and the blanks around it. The
    /// value nearly every client sends, `application/json`, is answered without Foundation's trimming (which
    /// bridges through NSString on Linux).
    static func mediaType(_ value: String?) -> String? {
        guard let value else { return nil }
        if value == "application/json" { return value }
        return value.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func tooLarge(_ limit: Int) -> APIProblem {
        APIProblem(.contentTooLarge, "body-too-large", title: "The body is too large",
                   detail: "bodies are limited to \(limit) bytes")
    }
}

extension APIProblem {
    /// The problem document for an error thrown by the dispatcher, the store or the parser.
    static func from(_ error: any Error) -> APIProblem {
        switch error {
        case let problem as APIProblem:
            return problem
        case let error as InputError:
            return .invalid(error.message, field: error.field)
        case IngestError.unknownConversation(let id):
            return APIProblem(.notFound, "unknown-conversation", title: "Unknown conversation",
                              detail: "conversation \(id) is unknown; its first message must carry \"customer\" (or POST the whole conversation)",
                              field: "customer")
        case IngestError.heldByHuman(let id, let holder, let owner):
            return APIProblem(.conflict, "held-by-human", title: "A human holds this conversation",
                              detail: "conversation \(id) is held by \(holder.rawValue)\(owner.map { " (\($0))" } ?? ""); the AI must stay silent until it is released",
                              extensions: [("holder", .string(holder.rawValue)), ("owner", .from(owner))])
        case IngestError.suggestionRefused(let id, let reason):
            return APIProblem.suggestionRefused(conversationID: id, reason)
        case LifecycleError.noSuchThread(let id):
            return .notFound("no conversation \(id)")
        case LifecycleError.noSuchQueue(let name):
            return .invalid("no queue \(name)", field: "queue")
        case LifecycleError.notAllowed(let action, let state):
            return APIProblem(.conflict, "not-allowed", title: "Not allowed in the conversation's state",
                              detail: "cannot \(action.rawValue) a conversation that is \(state.rawValue)",
                              extensions: [("holder", .string(Holder(state).rawValue))])
        case let error as LifecycleError:
            return APIProblem(.conflict, "refused", title: "Refused", detail: error.description)
        case StoreError.invalidInput(let detail):
            return .invalid(detail, field: nil)
        case StoreError.busy:
            return APIProblem(.serviceUnavailable, "busy", title: "The store is busy", detail: "the database was locked; retry shortly")
        default:
            return APIProblem(.internalServerError, "internal", title: "Internal error", detail: "\(error)")
        }
    }
}
