import Foundation
import BatonCore

/// What `baton serve` keeps besides conversations and threads: API tokens, idempotent responses and webhook
/// delivery state. A second seam next to `HandoffStore`, so the HTTP layer never reaches for SQL and another
/// database can implement both.
///
/// Every operation is one transaction. Events themselves are the outbox (`HandoffStore.outbox`): deliveries
/// only point at outbox rows, so a webhook can never carry an event that was not committed with its change.
public protocol IntegrationStore: AnyObject, Sendable {
    // MARK: Tokens

    /// Stores a token's hash under `name`; refuses a name already in use by an active token.
    func createToken(name: String, hash: [UInt8], now: Date) throws
    func tokens() throws -> [APIToken]
    /// Revokes the active token `name`; false when there is none.
    @discardableResult
    func revokeToken(name: String, now: Date) throws -> Bool
    /// The name of the active token with this hash, or nil.
    func tokenName(hash: [UInt8]) throws -> String?

    // MARK: Idempotency

    /// The response stored for `key` of `token` at or after `notBefore`, or nil.
    func idempotentResponse(token: String, key: String, notBefore: Date) throws -> StoredResponse?
    /// Stores the response to replay for `key`; an entry older than `replaces` is overwritten, a newer one kept.
    func storeIdempotentResponse(_ response: StoredResponse, token: String, key: String, replaces: Date, now: Date) throws
    /// Forgets responses stored before `before`; returns how many.
    @discardableResult
    func purgeIdempotentResponses(before: Date) throws -> Int

    // MARK: Events

    /// The id of the newest outbox event (0 when there is none): a long poll waits for it to pass its cursor.
    func latestEventID() throws -> Int64
    /// The outbox events of one conversation after sequence number `afterSequence`, oldest first.
    func events(threadID: String, afterSequence: Int, limit: Int) throws -> [OutboxMessage]

    // MARK: Webhooks

    /// Makes sure each endpoint has its row. A new endpoint starts at the end of the outbox: it receives events
    /// from now on (older ones can be replayed from `GET /v1/events`).
    func registerWebhookEndpoints(_ endpoints: [(name: String, url: String)]) throws
    /// Creates the deliveries of up to `limit` outbox events after the endpoint's cursor whose kind is in `kinds`
    /// (all when nil) and moves the cursor past them; returns how many events were read.
    @discardableResult
    func scheduleWebhookDeliveries(endpoint: String, kinds: Set<OutboxKind>?, limit: Int, now: Date) throws -> Int
    /// Pending deliveries due at `now`, at most one per conversation (its oldest pending one, so events of one
    /// conversation go out in order), skipping conversations in `busy`; soonest due first.
    func dueWebhookDeliveries(endpoint: String, now: Date, limit: Int, busy: Set<String>) throws -> [WebhookDelivery]
    /// When the next delivery of `endpoint` that may be sent (the oldest pending one of its conversation) falls
    /// due, or nil when none is pending.
    func nextWebhookDue(endpoint: String) throws -> Date?
    /// Records one attempt and its consequence.
    func recordWebhookAttempt(deliveryID: Int64, result: WebhookAttemptResult, now: Date) throws
    /// Deliveries in `state` (of one endpoint, or all), oldest first.
    func webhookDeliveries(state: WebhookDeliveryState, endpoint: String?, limit: Int) throws -> [WebhookDelivery]
    /// Puts failed deliveries (these ids, or all of the endpoint, or all) back to pending, due now; returns how many.
    @discardableResult
    func redeliverWebhooks(ids: [Int64]?, endpoint: String?, now: Date) throws -> Int
    /// Pending and failed deliveries per endpoint, for /metrics.
    func webhookBacklog() throws -> [WebhookBacklog]
    /// Outbox events not yet acknowledged, for /metrics.
    func outboxBacklog() throws -> Int
}

/// An integration's bearer token, as listed (its hash is never shown).
public struct APIToken: Sendable, Equatable {
    public var name: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(name: String, createdAt: Date, revokedAt: Date?) {
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// A response kept for an `Idempotency-Key`, with a hash of the request it answered.
public struct StoredResponse: Sendable, Equatable {
    public var requestHash: [UInt8]
    public var status: Int
    public var body: [UInt8]
    public var createdAt: Date

    public init(requestHash: [UInt8], status: Int, body: [UInt8], createdAt: Date) {
        self.requestHash = requestHash
        self.status = status
        self.body = body
        self.createdAt = createdAt
    }
}

public enum WebhookDeliveryState: String, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    /// Given up: a final refusal by the receiver, or retries exhausted. `redeliverWebhooks` sends it again.
    case failed
}

/// One event on its way to one endpoint.
public struct WebhookDelivery: Sendable, Equatable {
    public var id: Int64
    public var endpoint: String
    public var event: OutboxMessage
    public var state: WebhookDeliveryState
    public var attempts: Int
    public var nextAttemptAt: Date
    public var firstAttemptAt: Date?
    public var lastAttemptAt: Date?
    public var lastStatus: Int?
    public var lastError: String?

    public init(id: Int64, endpoint: String, event: OutboxMessage, state: WebhookDeliveryState, attempts: Int,
                nextAttemptAt: Date, firstAttemptAt: Date?, lastAttemptAt: Date?, lastStatus: Int?, lastError: String?) {
        self.id = id
        self.endpoint = endpoint
        self.event = event
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.firstAttemptAt = firstAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
    }
}

/// What one attempt led to.
public struct WebhookAttemptResult: Sendable, Equatable {
    public enum Next: Sendable, Equatable {
        case delivered
        case retry(at: Date)
        case failed
    }

    public var next: Next
    /// The HTTP status the receiver answered, nil when there was no answer (timeout, refused connection).
    public var status: Int?
    public var error: String?
    public var seconds: Double

    public init(next: Next, status: Int?, error: String?, seconds: Double) {
        self.next = next
        self.status = status
        self.error = error
        self.seconds = seconds
    }
}

public struct WebhookBacklog: Sendable, Equatable {
    public var endpoint: String
    public var pending: Int
    public var failed: Int

    public init(endpoint: String, pending: Int, failed: Int) {
        self.endpoint = endpoint
        self.pending = pending
        self.failed = failed
    }
}
