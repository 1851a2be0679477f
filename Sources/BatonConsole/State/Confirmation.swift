/// A question before an action that reaches the customer or drops text.
public struct Confirmation: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case sendSuggested(threadID: String, text: String)
        /// Esc in a composer holding text: keep it as a draft, discard it, or go back to writing.
        case closeDraft(Composer)
        /// Ctrl-C while writing: the draft is already saved; quit or keep writing (the composer).
        case quit(Composer?)

        var isDraft: Bool {
            if case .closeDraft = self { return true }
            return false
        }
    }

    public var purpose: Purpose
    public var question: String
    /// What the action would send or drop, shown under the question.
    public var detail: String

    public init(purpose: Purpose, question: String, detail: String) {
        self.purpose = purpose
        self.question = question
        self.detail = detail
    }
}
