/// Every named request a key can make. The key map binds keys to these by context; the same command
/// (say `moveDown`) moves through whatever has the keys: the thread list, the transcript, a picker, an overlay.
public enum KeyCommand: String, Sendable, CaseIterable {
    // Moving, in any list
    case moveDown, moveUp, pageDown, pageUp, top, bottom, count
    // Threads
    case urgent, openPaged, claim, sendSuggested, reply, replyInEditor, note, transfer, requeue, release, resolve
    // Agent-to-agent transfer offers
    case offerToAgent, acceptOffer, declineOffer
    // Collaborative mode
    case useAISuggestion
    // Finding threads
    case search, searchNext, searchPrevious, filter, sort, cycleScope, clear
    // Panes and views
    case focusDetail, focusList, copy, messages, help, quit
    // Supervisor
    case toggleSupervisor, forceRelease, reassign
    // Composer (reply, note, reason, search)
    case submit, insertSuggested, openEditor, deleteBackward, deleteForward, cursorLeft, cursorRight, cursorStart, cursorEnd, cancel
    // Dialogs and overlays
    case choose, confirm, keepDraft, discardDraft, close
}
