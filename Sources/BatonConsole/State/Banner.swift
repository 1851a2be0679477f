import Foundation

/// A one-line message in the status line: the result of a command, a lost race, or a page.
public struct Banner: Sendable, Equatable {
    public var text: String
    public var role: StyleRole
    /// When the banner stops being shown.
    public var until: Date

    public init(text: String, role: StyleRole, until: Date) {
        self.text = text
        self.role = role
        self.until = until
    }
}

/// A banner as kept in the message history.
public struct LoggedMessage: Sendable, Equatable {
    public var at: Date
    public var text: String
    public var role: StyleRole

    public init(at: Date, text: String, role: StyleRole) {
        self.at = at
        self.text = text
        self.role = role
    }
}
