/// The order in which waiting threads are listed and claimed: captured ones first, then by priority, then
/// escalation level (highest first), then the longest wait.
///
/// A conversation is *captured* when it was handed off while its queue was closed or nobody who works it was
/// on shift: after-hours capture (`queue_with_eta`), callbacks (due at the opening or at the customer's time),
/// follow-ups kept by `acknowledge_close`. Those customers have already waited through the night; when the
/// queue opens or an agent comes on shift they surface ahead of conversations of a higher priority that
/// arrived later. Among captured threads the usual order holds. A thread handed off while the team is there
/// is not captured, even if it later becomes a follow-up (`answer_later`, the customer left): it keeps its
/// place.
///
/// The store keeps this as a sort rank (`rank(_:captured:)`), so listing, `claimNext` and the count of
/// customers ahead of a thread read one index in one order.
public enum QueueOrder {
    /// How far a captured thread's rank is moved ahead: more than the span of priority ranks.
    public static let capturedOffset = 10

    /// The sort rank of a waiting thread: lower is picked up first.
    public static func rank(_ priority: Priority, captured: Bool) -> Int {
        priority.rank - (captured ? capturedOffset : 0)
    }

    /// Whether a handoff captures the conversation: the queue was closed or nobody was on shift.
    public static func captures(afterHours: Bool, nobodyOnShift: Bool) -> Bool {
        afterHours || nobodyOnShift
    }
}
