import Foundation
import BatonCore

/// One line of a thread list, built from a `ThreadSummary` with every text field sanitized.
public struct ThreadRow: Sendable, Equatable {
    /// The raw thread id, used only to address the store, never drawn.
    public var id: String
    public var customer: String
    public var queue: String
    public var trigger: String
    public var sentiment: SentimentBand
    public var priority: Priority
    public var state: ThreadState
    public var owner: String?
    public var queuedAt: Date?
    public var pickupDeadline: Date?
    public var escalationLevel: Int
    public var suggestedAgent: String?
    /// For a conversation the AI holds: the engine's nearest miss ("confidence 0.52, one more low reply hands
    /// off") and the sentiment trend, sanitized; nil otherwise.
    public var watch: String?
    /// For a promised callback: when the call is due.
    public var callbackDue: Date?
    /// Offered to the agent viewing the list by this owner (an agent-to-agent transfer), sanitized.
    public var offerFrom: String?

    public init(_ summary: ThreadSummary) {
        id = summary.id
        customer = Sanitizer.line(summary.customerName.isEmpty ? summary.id : summary.customerName)
        queue = Sanitizer.line(summary.queue)
        trigger = summary.trigger?.shortLabel ?? "-"
        sentiment = SentimentBand(score: summary.sentiment)
        priority = summary.priority
        state = summary.state
        owner = summary.owner.map(Sanitizer.line)
        queuedAt = summary.queuedAt
        pickupDeadline = summary.pickupDeadline
        escalationLevel = summary.escalationLevel
        suggestedAgent = summary.suggestedAgent.map(Sanitizer.line)
    }

    /// Seconds left in the pickup window (negative once breached); nil unless waiting.
    public func pickupRemaining(at now: Date) -> TimeInterval? {
        guard state.isWaiting, let pickupDeadline else { return nil }
        return pickupDeadline.timeIntervalSince(now)
    }
}
