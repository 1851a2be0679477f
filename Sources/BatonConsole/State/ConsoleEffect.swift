/// Something only the terminal driver can do, asked for by the session after a key.
public enum ConsoleEffect: Sendable, Equatable {
    case quit
    /// Ring the terminal bell (a page).
    case bell
    /// Suspend the screen and edit this text in `$EDITOR`; then call `editorFinished`.
    case openEditor(initialText: String)
    /// Put this text on the terminal's clipboard (OSC 52), where the terminal allows it.
    case copy(String)
}
