import Foundation

/// A thread with everything the console's packet panel shows.
public struct ThreadDetail: Sendable, Equatable {
    public var summary: ThreadSummary
    public var packet: ContextPacket?
    /// Every message, including agent replies after the handoff.
    public var messages: [Message]
    public var notes: [ThreadNote]
    public var audit: [AuditEntry]
    public var callbackAt: Date?
    /// Fields of the bot's input Baton does not know, kept with the conversation ("from the bot").
    public var botFields: [BotField] = []
    /// The AI's latest suggestions for the human (collaborative mode), oldest first; never sent to the customer.
    public var suggestions: [Suggestion] = []

    public init(summary: ThreadSummary, packet: ContextPacket?, messages: [Message], notes: [ThreadNote], audit: [AuditEntry], callbackAt: Date? = nil) {
        self.summary = summary
        self.packet = packet
        self.messages = messages
        self.notes = notes
        self.audit = audit
        self.callbackAt = callbackAt
    }
}
