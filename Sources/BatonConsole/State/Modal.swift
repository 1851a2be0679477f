import BatonCore

/// A dialog over the main screen that takes the keys until it closes.
public enum Modal: Sendable, Equatable {
    case composer(Composer)
    case picker(Picker)
    case confirmation(Confirmation)

    /// The key context the dialog's bindings live in.
    var keyContext: KeyContext {
        switch self {
        case .composer: .composer
        case .picker: .picker
        case .confirmation: .confirm
        }
    }
}

/// A one-field text editor for replies, notes and reasons.
public struct Composer: Sendable, Equatable {
    /// What the text is for, with the choices made before it.
    public enum Purpose: Sendable, Equatable {
        case reply(threadID: String)
        case note(threadID: String)
        case releaseNote(threadID: String)
        case requeueReason(threadID: String)
        case transferReason(threadID: String, queue: String)
        case forceReleaseReason(threadID: String)
        case reassignReason(threadID: String, agent: String)

        /// Supervisor actions must say why; the audit trail keeps the reason.
        var requiresText: Bool {
            switch self {
            case .reply, .note, .forceReleaseReason, .reassignReason: true
            case .releaseNote, .requeueReason, .transferReason: false
            }
        }
    }

    public var purpose: Purpose
    public var title: String
    public private(set) var text: String
    /// Insertion point, in characters from the start of `text`.
    public private(set) var cursor: Int
    /// Inserted by Tab; empty when there is none.
    public var suggestion: String

    public init(purpose: Purpose, title: String, text: String = "", suggestion: String = "") {
        self.purpose = purpose
        self.title = title
        self.text = text
        self.cursor = text.count
        self.suggestion = suggestion
    }

    /// Replaces the whole text (from the editor); the cursor goes to the end.
    mutating func replaceText(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    mutating func insert(_ inserted: String) {
        text.insert(contentsOf: inserted, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += inserted.count
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    mutating func moveCursor(by offset: Int) { cursor = min(text.count, max(0, cursor + offset)) }
    mutating func moveCursorToStart() { cursor = 0 }
    mutating func moveCursorToEnd() { cursor = text.count }

    /// The text with a cursor mark at the insertion point, for display.
    var textWithCursor: String {
        var shown = text
        shown.insert("▏", at: shown.index(shown.startIndex, offsetBy: cursor))
        return shown
    }
}

/// A list to choose one item from: a queue, a disposition or an agent.
public struct Picker: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case transferQueue(threadID: String)
        case disposition(threadID: String)
        case reassignAgent(threadID: String)
    }

    public var purpose: Purpose
    public var title: String
    /// What is shown for each choice.
    public var labels: [String]
    /// The value passed on for each choice (queue name, disposition raw value, agent id).
    public var values: [String]
    public var selected: Int

    public init(purpose: Purpose, title: String, labels: [String], values: [String], selected: Int = 0) {
        self.purpose = purpose
        self.title = title
        self.labels = labels
        self.values = values
        self.selected = selected
    }
}

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
