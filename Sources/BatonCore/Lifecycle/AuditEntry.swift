import Foundation

/// One line of the append-only audit trail.
public struct AuditEntry: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64
    public var threadID: String
    public var action: LifecycleAction
    public var actor: String
    public var reason: String?
    public var fromState: ThreadState?
    public var toState: ThreadState
    public var at: Date

    public init(id: Int64, threadID: String, action: LifecycleAction, actor: String, reason: String?,
                fromState: ThreadState?, toState: ThreadState, at: Date) {
        self.id = id
        self.threadID = threadID
        self.action = action
        self.actor = actor
        self.reason = reason
        self.fromState = fromState
        self.toState = toState
        self.at = at
    }
}
