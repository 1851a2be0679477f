import Foundation
import BatonCore

/// One message event from the bot platform: a message for a conversation, with the customer and channel when the
/// conversation may be new.
public struct MessageEvent: Sendable {
    public var conversationID: String
    public var channel: Channel?
    public var customer: Customer?
    public var message: Message

    public init(conversationID: String, channel: Channel?, customer: Customer?, message: Message) {
        self.conversationID = conversationID
        self.channel = channel
        self.customer = customer
        self.message = message
    }
}

/// The answer to keep for an `Idempotency-Key`, written in the same transaction as the change it answers.
public struct IdempotentReceipt: Sendable, Equatable {
    public var token: String
    public var key: String
    public var response: StoredResponse
    /// An entry for the key stored before this is overwritten, a newer one kept.
    public var replaces: Date

    public init(token: String, key: String, response: StoredResponse, replaces: Date) {
        self.token = token
        self.key = key
        self.response = response
        self.replaces = replaces
    }
}

/// The reads an answer to a bot needs, as of an open write transaction (so they include its own changes).
///
/// Handed to the `receipts` closure of `HandoffStore.recordEvents`; valid only while that closure runs.
public protocol AnswerFacts: PlanningFacts {
    /// `HandoffStore.thread(id:)` as of the open transaction.
    func thread(id: String) throws -> ThreadDetail?
    /// `IntegrationStore.events(threadID:afterSequence:limit:)` as of the open transaction.
    func events(threadID: String, afterSequence: Int, limit: Int) throws -> [OutboxMessage]
}

/// What `HandoffStore.recordEvents` stored.
public struct RecordedEvents: Sendable {
    /// One result per event, in order: what was recorded, or why the event was refused (nothing of it stored).
    public var recorded: [Result<RecordOutcome, any Error>]
    /// One result per handoff request the plan returned, in order; a refusal stored nothing for that thread.
    public var handoffs: [Result<ThreadSummary, LifecycleError>]

    public init(recorded: [Result<RecordOutcome, any Error>], handoffs: [Result<ThreadSummary, LifecycleError>]) {
        self.recorded = recorded
        self.handoffs = handoffs
    }
}
