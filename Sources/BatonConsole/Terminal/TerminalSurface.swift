/// Something a screen buffer can be drawn on: the ncurses terminal, or a recorder in tests.
public protocol TerminalSurface: AnyObject {
    /// The size to render for.
    var size: TerminalSize { get }
    /// Shows `buffer`, redrawing only the cells that differ from what is on screen.
    func present(_ buffer: ScreenBuffer)
}
