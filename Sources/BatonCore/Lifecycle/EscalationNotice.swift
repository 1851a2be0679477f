import Foundation

/// A recorded pickup-window breach, for supervisors.
public struct EscalationNotice: Sendable, Equatable, Codable {
    public var threadID: String
    public var queue: String
    public var level: Int
    public var at: Date
    /// Who is waiting, so a supervisor reads a name rather than an id.
    public var customerName: String?

    public init(threadID: String, queue: String, level: Int, at: Date, customerName: String? = nil) {
        self.threadID = threadID
        self.queue = queue
        self.level = level
        self.at = at
        self.customerName = customerName
    }
}
