/// What acknowledging outbox messages did: how many were marked delivered now, how many already were,
/// and which ids the outbox does not hold.
public struct OutboxAcknowledgement: Sendable, Equatable {
    public var newlyDelivered: Int
    public var alreadyDelivered: Int
    public var unknown: [Int64]

    public init(newlyDelivered: Int = 0, alreadyDelivered: Int = 0, unknown: [Int64] = []) {
        self.newlyDelivered = newlyDelivered
        self.alreadyDelivered = alreadyDelivered
        self.unknown = unknown
    }
}
