import Foundation

/// Who can take a queue's threads right now: the basis of every wait the customer is told.
public struct Staffing: Sendable, Equatable {
    /// Spare capacity of available agents with one of the queue's skills.
    public var freeSlots: Int
    /// Agents with the skill whose status is `available`, busy or not.
    public var available: Int
    /// Agents with the skill who are on shift: `available` or `away` (on a break), not `offline`.
    public var onShift: Int

    public init(freeSlots: Int, available: Int, onShift: Int) {
        self.freeSlots = freeSlots
        self.available = available
        self.onShift = onShift
    }

    /// The staffing of `queue` among `agents` (with their current load).
    public init(of queue: QueueConfig, among agents: [Agent]) {
        let able = agents.filter { Router.canWork($0, queue: queue) }
        let available = able.filter { $0.status == .available }
        self.init(freeSlots: available.reduce(0) { $0 + max(0, $1.capacity - $1.load) },
                  available: available.count,
                  onShift: able.filter { $0.status != .offline }.count)
    }

    /// Nobody who can work the queue is on shift (all offline, or none known): the customer is told so
    /// and offered the queue's after-hours option instead of a wait.
    public var nobodyOnShift: Bool { onShift == 0 }

    /// The wait of a customer with `ahead` threads before them in the queue.
    public func estimate(ahead: Int, recentHandleTimes: [TimeInterval]) -> WaitEstimate {
        WaitEstimate.estimate(ahead: ahead, freeSlots: freeSlots, agentsOnShift: available, recentHandleTimes: recentHandleTimes)
    }
}
