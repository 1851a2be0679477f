/// Where each part of the screen goes for a terminal size: side by side from 120 columns,
/// stacked below that, and nothing but a notice below the minimum size.
///
/// Top to bottom: the title, the queue bar, the list and the detail pane, the status line (banners,
/// search and filter, the prompt) and the key hints, which banners never cover.
public struct ScreenLayout: Sendable, Equatable {
    /// Columns from which list and packet sit side by side.
    public static let sideBySideColumns = 120

    public let size: TerminalSize
    public let sideBySide: Bool
    public let titleRow: Int
    public let queueBarRow: Int
    /// Banners, the search and filter in effect, and the search or filter prompt.
    public let statusRow: Int
    /// The key hints.
    public let hintRow: Int
    /// The thread list including its column-header line.
    public let list: Region
    /// The packet panel (agent view) or the agents/figures panel (supervisor view).
    public let detail: Region

    /// - Parameter reserved: rows at the bottom of the body a dialog takes (the composer); in the stacked
    ///   layout the list gives them up first (down to three threads), so the packet keeps the transcript.
    public init(size: TerminalSize, reserved: Int = 0) {
        self.size = size
        titleRow = 0
        queueBarRow = 1
        hintRow = size.rows - 1
        statusRow = size.rows - 2
        let bodyTop = 2
        let bodyHeight = max(0, size.rows - 4)
        sideBySide = size.columns >= Self.sideBySideColumns
        if sideBySide {
            let listWidth = min(64, size.columns * 45 / 100)
            list = Region(x: 0, y: bodyTop, width: listWidth, height: bodyHeight)
            detail = Region(x: listWidth + 1, y: bodyTop, width: size.columns - listWidth - 1, height: max(0, bodyHeight - reserved))
        } else {
            // Stacked: about two fifths for the list, the rest (after a rule line) for the packet.
            var listHeight = max(4, bodyHeight * 2 / 5)
            if reserved > 0 { listHeight = max(4, min(listHeight, bodyHeight - reserved - 1 - 8)) }
            list = Region(x: 0, y: bodyTop, width: size.columns, height: listHeight)
            detail = Region(x: 0, y: bodyTop + listHeight + 1, width: size.columns, height: max(0, bodyHeight - listHeight - 1 - reserved))
        }
    }

    /// Thread rows visible in the list (its first line holds the column headings).
    public var listRows: Int { max(1, list.height - 1) }
}
