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
