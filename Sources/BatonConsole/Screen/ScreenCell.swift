/// One terminal cell: the grapheme cluster drawn there, how many columns it takes and its style.
public struct ScreenCell: Sendable, Equatable {
    /// The cluster drawn in this cell; empty for the right half of a wide character.
    public var text: String
    /// 1 or 2 for a cell that starts a character, 0 for the right half of a wide one.
    public var width: Int
    public var role: StyleRole

    public init(text: String, width: Int, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static let blank = ScreenCell(text: " ", width: 1, role: .normal)

    /// Whether this cell is the right half of a wide character drawn in the cell before it.
    public var isContinuation: Bool { width == 0 }
}
