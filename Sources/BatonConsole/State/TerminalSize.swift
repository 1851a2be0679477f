/// A terminal's size in columns and rows.
public struct TerminalSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest terminal the console draws its views in; below it a notice is shown instead.
    public static let minimum = TerminalSize(columns: 60, rows: 16)

    public var isTooSmall: Bool { columns < Self.minimum.columns || rows < Self.minimum.rows }
}
