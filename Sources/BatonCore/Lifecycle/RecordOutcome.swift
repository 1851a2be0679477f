/// What `record` changed.
public struct RecordOutcome: Sendable, Equatable {
    /// The conversation as stored now, all messages.
    public var conversation: Conversation
    public var state: ThreadState
    /// Index of the first message the store had not seen before; equals the count when nothing was new.
    public var firstNewMessage: Int
    /// Index from which the escalation engine should look for triggers (after the last release to the AI).
    public var evaluateFrom: Int
    public var isNewThread: Bool

    public init(conversation: Conversation, state: ThreadState, firstNewMessage: Int, evaluateFrom: Int, isNewThread: Bool) {
        self.conversation = conversation
        self.state = state
        self.firstNewMessage = firstNewMessage
        self.evaluateFrom = evaluateFrom
        self.isNewThread = isNewThread
    }

    /// Whether the customer wrote something new in this batch.
    public var customerWroteAgain: Bool {
        conversation.messages[firstNewMessage...].contains { $0.role == .customer }
    }
}
