import BatonCore

/// What `HandoffStore.record(_:now:plan:)` stored: the recorded conversations and the planned handoffs.
public struct RecordedBatch: Sendable {
    /// One outcome per conversation, in order.
    public var recorded: [RecordOutcome]
    /// One result per handoff request the plan returned, in order; a refusal stored nothing for that thread.
    public var handoffs: [Result<ThreadSummary, LifecycleError>]

    public init(recorded: [RecordOutcome], handoffs: [Result<ThreadSummary, LifecycleError>]) {
        self.recorded = recorded
        self.handoffs = handoffs
    }
}
