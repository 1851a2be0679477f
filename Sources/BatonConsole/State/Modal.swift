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
        case .confirmation(let confirmation): confirmation.purpose.isDraft ? .draft : .confirm
        }
    }
}
