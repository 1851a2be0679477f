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
