/// A yes/no question before an action that reaches the customer.
public struct Confirmation: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case sendSuggested(threadID: String, text: String)
    }

    public var purpose: Purpose
    public var question: String
    /// The text the action would send, shown under the question.
    public var detail: String

    public init(purpose: Purpose, question: String, detail: String) {
        self.purpose = purpose
        self.question = question
        self.detail = detail
    }
}
