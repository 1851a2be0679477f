import Foundation

/// A customer waiting in a queue, as the wait-update sweep sees them.
public struct WaitingCustomer: Sendable, Equatable {
    public var threadID: String
    public var queue: String
    public var language: String
    public var customerName: String
    /// Threads before this one in the queue's order.
    public var ahead: Int
    public var queuedAt: Date
    /// When the wait the customer was last told runs out; nil when no wait was promised.
    public var promisedUntil: Date?
    /// When the customer last got a wait update; nil when never.
    public var lastUpdateAt: Date?
    /// The latest pickup-window breach that re-queued the thread; nil when none.
    public var lastEscalationAt: Date?

    public init(threadID: String, queue: String, language: String, customerName: String, ahead: Int, queuedAt: Date,
                promisedUntil: Date?, lastUpdateAt: Date?, lastEscalationAt: Date?) {
        self.threadID = threadID
        self.queue = queue
        self.language = language
        self.customerName = customerName
        self.ahead = ahead
        self.queuedAt = queuedAt
        self.promisedUntil = promisedUntil
        self.lastUpdateAt = lastUpdateAt
        self.lastEscalationAt = lastEscalationAt
    }
}

/// An update for a waiting customer: the text for the outbox and the new promise.
public struct WaitUpdate: Sendable, Equatable {
    public var threadID: String
    public var text: String
    /// When the new estimate runs out; nil when it promises no time (nobody available).
    public var promisedUntil: Date?

    public init(threadID: String, text: String, promisedUntil: Date?) {
        self.threadID = threadID
        self.text = text
        self.promisedUntil = promisedUntil
    }
}

/// Decides which waiting customers hear from Baton again, and what: once the wait they were promised has
/// passed, or their thread was re-queued after a breached pickup window, they get a new estimate; never
/// more often than `config.waitUpdateInterval`.
public struct WaitUpdatePlanner: Sendable {
    public var config: BatonConfig

    public init(config: BatonConfig) { self.config = config }

    /// Whether `customer` is owed an update at `now`.
    public func isDue(_ customer: WaitingCustomer, now: Date) -> Bool {
        if let last = customer.lastUpdateAt, now.timeIntervalSince(last) < config.waitUpdateInterval { return false }
        let overrun = customer.promisedUntil.map { $0 <= now } ?? false
        let since = max(customer.lastUpdateAt ?? customer.queuedAt, customer.queuedAt)
        let requeued = customer.lastEscalationAt.map { $0 > since } ?? false
        return overrun || requeued
    }

    /// The updates due at `now`, with estimates from the queues and agents as they are.
    public func updates(for customers: [WaitingCustomer], counts: [QueueCounts], agents: [Agent], now: Date) -> [WaitUpdate] {
        customers.filter { isDue($0, now: now) }.map { customer in
            let queue = config.queue(named: customer.queue)
            let handleTimes = counts.first { $0.queue == queue.name }?.recentHandleTimes ?? []
            let estimate = Staffing(of: queue, among: agents)
                .estimate(ahead: customer.ahead, recentHandleTimes: Array(handleTimes.prefix(config.waitEstimateSampleSize)))
            let text = Templates.fill(config.templates.waitUpdateMessage(language: customer.language), [
                "name": Templates.firstName(of: customer.customerName),
                "wait": config.templates.waitText(estimate, language: customer.language),
            ])
            return WaitUpdate(threadID: customer.threadID, text: text, promisedUntil: estimate.seconds.map { now.addingTimeInterval($0) })
        }
    }
}
