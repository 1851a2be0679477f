import Foundation

/// An agent's rating of the context packet they worked from, given after resolving: 1 (useless) to 5 (had
/// everything), with an optional note of what was missing. One of the handoff quality score's components.
public struct PacketRating: Sendable, Equatable, Codable {
    public var threadID: String
    public var agent: String
    public var rating: Int
    public var note: String?
    public var at: Date

    /// The scale ratings are given on.
    public static let scale = 1...5

    public init(threadID: String, agent: String, rating: Int, note: String? = nil, at: Date) {
        self.threadID = threadID
        self.agent = agent
        self.rating = rating
        self.note = note
        self.at = at
    }

    /// Why `rating` is refused, naming the thread; nil when it is on the scale.
    public static func problem(with rating: Int, threadID: String) -> String? {
        scale.contains(rating) ? nil
            : "packet rating for thread \(threadID) must be a whole number from \(scale.lowerBound) to \(scale.upperBound), got \(rating)"
    }

    /// The line the audit trail keeps: "packet rated 4/5: no order number".
    public static func auditReason(rating: Int, note: String?) -> String {
        let head = "packet rated \(rating)/\(scale.upperBound)"
        guard let note, !note.isEmpty else { return head }
        return "\(head): \(note)"
    }
}
