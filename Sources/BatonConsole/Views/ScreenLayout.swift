/// Where each part of the screen goes for a terminal size: side by side from 120 columns,
/// stacked below that, and nothing but a notice below the minimum size.
public struct ScreenLayout: Sendable, Equatable {
    /// Columns from which list and packet sit side by side.
    public static let sideBySideColumns = 120

    public let size: TerminalSize
    public let sideBySide: Bool
    public let titleRow: Int
    public let queueBarRow: Int
    public let statusRow: Int
    /// The thread list including its column-header line.
    public let list: Region
    /// The packet panel (agent view) or the agents/figures panel (supervisor view).
    public let detail: Region

    public init(size: TerminalSize) {
        self.size = size
        titleRow = 0
        queueBarRow = 1
        statusRow = size.rows - 1
        let bodyTop = 2
        let bodyHeight = max(0, size.rows - 3)
        sideBySide = size.columns >= Self.sideBySideColumns
        if sideBySide {
            let listWidth = min(64, size.columns * 45 / 100)
            list = Region(x: 0, y: bodyTop, width: listWidth, height: bodyHeight)
            detail = Region(x: listWidth + 1, y: bodyTop, width: size.columns - listWidth - 1, height: bodyHeight)
        } else {
            // Stacked: about two fifths for the list, the rest (after a rule line) for the packet.
            let listHeight = max(4, bodyHeight * 2 / 5)
            list = Region(x: 0, y: bodyTop, width: size.columns, height: listHeight)
            detail = Region(x: 0, y: bodyTop + listHeight + 1, width: size.columns, height: bodyHeight - listHeight - 1)
        }
    }

    /// Thread rows visible in the list (its first line holds the column headings).
    public var listRows: Int { max(1, list.height - 1) }
}
