import Foundation
import BatonCore

/// The reads the handoff planner needs, answered inside the transaction that applies its handoffs.
///
/// Handed to the `plan` closure of `HandoffStore.record(_:now:plan:)`; valid only while that closure runs.
public protocol PlanningFacts {
    /// `HandoffStore.queueCounts(now:)` as of the open transaction.
    func queueCounts() throws -> [QueueCounts]
    /// `HandoffStore.agents()` as of the open transaction.
    func agents() throws -> [Agent]
    /// `HandoffStore.openThreadCounts(customerIDs:)` as of the open transaction.
    func openThreadCounts(customerIDs: [String]) throws -> [String: Int]
}
