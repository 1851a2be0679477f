import Foundation

/// A recorded pickup-window breach, for supervisors.
public struct EscalationNotice: Sendable, Equatable, Codable {
    public var threadID: String
    public var queue: String
    public var level: Int
    public var at: Date

    public init(threadID: String, queue: String, level: Int, at: Date) {
        self.threadID = threadID
        self.queue = queue
        self.level = level
        self.at = at
    }
}
