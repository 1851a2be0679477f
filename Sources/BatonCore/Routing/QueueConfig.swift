import Foundation

/// A queue of handed-off threads: who may work it, when it is open and how long a thread may wait.
public struct QueueConfig: Sendable, Equatable {
    public var name: String
    /// Skills an agent needs to take threads from this queue (any one of them suffices).
    public var skills: [String]
    public var hours: BusinessHours
    public var afterHours: AfterHoursPolicy
    /// Unclaimed past this, the thread is re-queued with a raised escalation level.
    public var pickupWindow: TimeInterval
    /// A claim with no agent activity past this expires per `expiryPolicy`.
    public var expiry: TimeInterval
    public var expiryPolicy: ExpiryPolicy
    /// At most this many threads wait in the queue before a new customer gets the hold message (the wait, and
    /// the offer to be answered later); nil: no limit.
    public var capacity: Int?
    /// A waiting customer who has not written for this long since the handoff is taken to have left: the
    /// thread is kept as a follow-up (answered in writing, no more wait updates) by the sweep; nil: never.
    public var leaveAfter: TimeInterval?
    /// An agent-to-agent transfer offer unanswered for this long returns the thread to the queue (`TransferOffer`).
    public var offerTimeout: TimeInterval = 120
    /// Soft: the AI keeps helping the human with suggestions after the claim; hard: the bot stays silent.
    public var handoff: HandoffMode = .soft

    public init(name: String, skills: [String]? = nil, hours: BusinessHours = .alwaysOpen,
                afterHours: AfterHoursPolicy = .queueWithETA, pickupWindow: TimeInterval = 300,
                expiry: TimeInterval = 1800, expiryPolicy: ExpiryPolicy = .returnToAI) {
        self.name = name
        self.skills = skills ?? [name]
        self.hours = hours
        self.afterHours = afterHours
        self.pickupWindow = pickupWindow
        self.expiry = expiry
        self.expiryPolicy = expiryPolicy
    }

    /// When the pickup window of a wait that starts at `start` runs out. A closed queue's window
    /// starts at its next opening, so nobody breaches a window while nobody can pick up.
    public func pickupDeadline(waitStartingAt start: Date) -> Date {
        let opens = hours.isOpen(at: start) ? start : (hours.nextOpening(after: start) ?? start)
        return opens.addingTimeInterval(pickupWindow)
    }
}

/// What happens to a handoff that arrives while the queue is closed.
public enum AfterHoursPolicy: String, Sendable, Codable, CaseIterable {
    /// Capture the request and a callback time; surface it at opening.
    case callback
    /// Queue it and tell the customer when someone will be there.
    case queueWithETA = "queue_with_eta"
    /// Acknowledge, tell the customer when to come back, and close.
    case acknowledgeClose = "acknowledge_close"
}

extension Array where Element == QueueConfig {
    /// The queue called `name`, or a default queue of that name (always open, 5-minute window) when none is.
    public func named(_ name: String) -> QueueConfig {
        first { $0.name == name } ?? QueueConfig(name: name)
    }
}
