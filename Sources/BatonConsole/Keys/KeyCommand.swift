/// Every command a key can trigger. The key map binds keys to these by context.
public enum KeyCommand: String, Sendable, CaseIterable {
    // Thread list and packet
    case moveDown, moveUp, top, bottom, scrollUp, scrollDown
    case next, claim, reply, replyInEditor, sendSuggested, note, transfer, requeue, release, resolve
    case cycleScope, toggleSupervisor, forceRelease, reassign, help, quit
    // Composer (reply, note, reason)
    case submit, insertSuggested, openEditor, deleteBackward, deleteForward, cursorLeft, cursorRight, cursorStart, cursorEnd, cancel
    // Pickers and confirmations
    case pickNext, pickPrevious, choose, confirm
}

/// Where a key binding applies: the main screen or one kind of modal.
public enum KeyContext: String, Sendable, CaseIterable {
    case main
    case supervisor
    case composer
    case picker
    case confirm

    /// The heading of this context in the help overlay.
    var title: String {
        switch self {
        case .main: "Threads and packet"
        case .supervisor: "Supervisor"
        case .composer: "Composer (reply, note, reason)"
        case .picker: "Pickers"
        case .confirm: "Confirmations"
        }
    }
}
