import Foundation

/// An agent-to-agent transfer, like a reservation: the owner (or a supervisor) offers a claimed thread to a
/// named agent with a note (why, what is done, what is left). Until the receiver accepts, declines or the
/// queue's `offer_timeout` passes, the thread stays held by its owner; nobody else can claim it.
public struct TransferOffer: Sendable, Equatable {
    public var threadID: String
    /// The owner when the offer was made.
    public var from: String
    /// Who made the offer: the owner, or a supervisor on their behalf.
    public var offeredBy: String
    public var to: String
    public var note: String
    public var offeredAt: Date
    /// Unanswered by then, the sweep returns the thread to its queue.
    public var expiresAt: Date
    public var customerName: String
    public var queue: String

    public init(threadID: String, from: String, offeredBy: String, to: String, note: String, offeredAt: Date,
                expiresAt: Date, customerName: String, queue: String) {
        self.threadID = threadID
        self.from = from
        self.offeredBy = offeredBy
        self.to = to
        self.note = note
        self.offeredAt = offeredAt
        self.expiresAt = expiresAt
        self.customerName = customerName
        self.queue = queue
    }
}

/// Something an agent must hear about, written in the transaction of the change that caused it: a thread
/// offered to them, or their offer declined or timed out. The console shows each once.
public struct AgentNotice: Sendable, Equatable {
    public var id: Int64
    public var agent: String
    public var threadID: String
    public var text: String
    public var at: Date

    public init(id: Int64, agent: String, threadID: String, text: String, at: Date) {
        self.id = id
        self.agent = agent
        self.threadID = threadID
        self.text = text
        self.at = at
    }
}
