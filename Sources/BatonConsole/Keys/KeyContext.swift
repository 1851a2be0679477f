/// Where a key binding applies: the thread list, the detail pane, or one kind of dialog.
public enum KeyContext: String, Sendable, CaseIterable {
    /// The thread list has the keys (the agent view's and the supervisor view's).
    case list
    /// Supervisor-only keys, available wherever the list's keys are.
    case supervisor
    /// The detail pane has the keys: the transcript (agent view) or the escalations (supervisor view).
    case detail
    case composer
    case picker
    case confirm
    /// Closing a composer that holds a draft.
    case draft
    /// The help and message-history overlays.
    case overlay

    /// The heading of this context in the help overlay.
    var title: String {
        switch self {
        case .list: "Thread list"
        case .supervisor: "Supervisor (--supervisor)"
        case .detail: "Transcript / escalations (Tab)"
        case .composer: "Composer (reply, note, reason, search)"
        case .picker: "Pickers"
        case .confirm: "Confirmations"
        case .draft: "Closing a draft"
        case .overlay: "Help and messages"
        }
    }

    /// The contexts searched for a key, in order: the detail pane falls back to the list's keys, and the
    /// supervisor's keys work wherever the list's do (the session checks the permission).
    var lookupOrder: [KeyContext] {
        switch self {
        case .list: [.list, .supervisor]
        case .detail: [.detail, .list, .supervisor]
        default: [self]
        }
    }
}
