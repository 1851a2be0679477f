import Foundation

/// Everything the store needs to move a thread from the AI to a queue, decided by the core.
public struct HandoffRequest: Sendable, Equatable {
    public var threadID: String
    public var queue: String
    public var priority: Priority
    public var packet: ContextPacket
    /// The queue is closed: the thread waits as `.afterHours`.
    public var afterHours: Bool
    public var pickupDeadline: Date
    /// Customer-facing text for the outbox (handoff or after-hours message).
    public var customerMessage: String
    /// For the `callback` after-hours policy: when the customer asked to be called back.
    public var callbackAt: Date?
    /// Suggested agent from routing, if any.
    public var suggestedAgent: String?
    /// The customer-facing introduction sent when an agent claims, in the customer's language;
    /// `{agent}` is filled with the agent's name at claim time.
    public var introduction: String
    /// The wait the customer was told, in seconds from the handoff; nil when no wait was promised (closed
    /// queue, nobody available). `baton sweep` sends an update with a new estimate once it has passed.
    public var promisedWait: TimeInterval?
    /// The queue is open but nobody who works it is on shift: the customer was offered the queue's
    /// after-hours option instead of a wait.
    public var nobodyOnShift: Bool
    /// An agent took the conversation over from the AI: it is claimed by them at once, and the customer hears
    /// their introduction instead of a handoff message.
    public var takenOverBy: String?
    /// Shadow mode: the store records this handoff as a `ShadowDecision` and leaves the thread with the AI;
    /// nothing enters a queue or the outbox.
    public var shadow = false

    public init(threadID: String, queue: String, priority: Priority, packet: ContextPacket, afterHours: Bool,
                pickupDeadline: Date, customerMessage: String, callbackAt: Date? = nil, suggestedAgent: String? = nil,
                introduction: String = Templates.defaultIntroduction["en"] ?? "A member of our team, {agent}, has joined the conversation.",
                promisedWait: TimeInterval? = nil, nobodyOnShift: Bool = false, takenOverBy: String? = nil) {
        self.threadID = threadID
        self.queue = queue
        self.priority = priority
        self.packet = packet
        self.afterHours = afterHours
        self.pickupDeadline = pickupDeadline
        self.customerMessage = customerMessage
        self.callbackAt = callbackAt
        self.suggestedAgent = suggestedAgent
        self.introduction = introduction
        self.promisedWait = promisedWait
        self.nobodyOnShift = nobodyOnShift
        self.takenOverBy = takenOverBy
    }
}
