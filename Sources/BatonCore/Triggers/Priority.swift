/// How urgently a handed-off thread should be picked up.
public enum Priority: String, Sendable, Codable, CaseIterable, Comparable {
    case high, medium, low

    /// Sort rank: high sorts first.
    public var rank: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .low: 2
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
