import Foundation

/// Text an agent is writing on a thread and has not sent yet, kept by the store so that a crash, a
/// closed terminal or another console of the same agent finds it again.
public struct Draft: Sendable, Equatable {
    /// What the text is for.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case reply
        case note
    }

    public var threadID: String
    public var agent: String
    public var kind: Kind
    public var text: String
    public var updatedAt: Date

    public init(threadID: String, agent: String, kind: Kind, text: String, updatedAt: Date) {
        self.threadID = threadID
        self.agent = agent
        self.kind = kind
        self.text = text
        self.updatedAt = updatedAt
    }
}
