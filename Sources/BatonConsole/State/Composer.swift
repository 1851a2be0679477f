import BatonCore

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
        /// `override` names why the agent is not a fit (skills, capacity), recorded with the reason.
        case reassignReason(threadID: String, agent: String, override: String?)
        /// What the packet rated `rating` was missing (optional).
        case ratingNote(threadID: String, rating: Int)
        /// The note of an agent-to-agent transfer offer: why, what is done, what is left (required).
        case offerNote(threadID: String, agent: String)
        /// The one-line prompts at the bottom of the screen.
        case search
        case filter

        /// Supervisor actions must say why; the audit trail keeps the reason.
        var requiresText: Bool {
            switch self {
            case .reply, .note, .forceReleaseReason, .reassignReason, .offerNote: true
            case .releaseNote, .requeueReason, .transferReason, .ratingNote, .search, .filter: false
            }
        }

        /// The kind of draft the store keeps for this text; nil for reasons and prompts.
        public var draftKind: (threadID: String, kind: Draft.Kind)? {
            switch self {
            case .reply(let threadID): (threadID, .reply)
            case .note(let threadID): (threadID, .note)
            default: nil
            }
        }

        /// A one-line prompt (search, filter) rather than a box.
        public var isPrompt: Bool { self == .search || self == .filter }
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
