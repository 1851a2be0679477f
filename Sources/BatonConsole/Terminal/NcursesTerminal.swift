import Foundation
import CNcurses

/// The only code that talks to ncurses: sets the terminal up, draws changed cells, decodes keys
/// and always gives the terminal back with `endwin`. Used from one thread only (the console loop).
final class NcursesTerminal: TerminalSurface {
    private let theme: Theme
    /// Colour pair and attribute bits per style role.
    private var attributes: [StyleRole: Int32] = [:]
    private var onScreen: ScreenBuffer?
    private var isActive = false

    private let pollMilliseconds: Int32

    /// Takes over the terminal. `pollMilliseconds` bounds how long `nextEvent` waits for a key.
    init(theme: Theme, pollMilliseconds: Int32, mouse: Bool) throws {
        self.pollMilliseconds = pollMilliseconds
        self.theme = theme
        // Wide characters need the user's UTF-8 locale before curses starts.
        setlocale(baton_lc_all(), "")
        guard baton_newterm() != nil else {
            throw ConsoleError.terminalInitFailed("unknown terminal type \(ProcessInfo.processInfo.environment["TERM"] ?? "(TERM not set)")")
        }
        isActive = true
        cbreak()
        noecho()
        nonl()
        _ = baton_keypad(1)
        // Esc must close dialogs at once, not after the default second.
        baton_set_escdelay(25)
        baton_timeout(pollMilliseconds)
        curs_set(0)
        setUpColors()
        if mouse { baton_enable_mouse(1) }
    }

    /// Whether colours are drawn: the terminal has them and the theme uses them.
    private(set) var drawsColor = false

    deinit { shutdown() }

    var size: TerminalSize {
        TerminalSize(columns: Int(baton_getmaxx(baton_stdscr())), rows: Int(baton_getmaxy(baton_stdscr())))
    }

    /// Gives the terminal back; safe to call more than once.
    func shutdown() {
        guard isActive else { return }
        isActive = false
        endwin()
    }

    func bell() { beep() }

    /// Forgets what is on screen so the next `present` redraws everything (after a resize or the editor).
    func invalidate() {
        onScreen = nil
        erase()
    }

    func present(_ buffer: ScreenBuffer) {
        let diff = ScreenDiff(from: onScreen, to: buffer)
        var text: [wchar_t] = []
        for run in diff.runs {
            text.removeAll(keepingCapacity: true)
            for cell in run.cells where !cell.isContinuation { append(cell, to: &text) }
            _ = baton_attrset(attributes[run.role] ?? 0)
            _ = text.withUnsafeBufferPointer { pointer in
                baton_mvaddnwstr(Int32(run.y), Int32(run.x), pointer.baseAddress, Int32(pointer.count))
            }
        }
        _ = baton_attrset(0)
        onScreen = buffer
        refresh()
    }

    /// Waits up to the poll interval for a key; nil when none came.
    func nextEvent() -> TerminalEvent? {
        var character: wint_t = 0
        let result = baton_get_wch(&character)
        if result == baton_err() { return nil }
        let code = Int32(bitPattern: UInt32(character))
        if result == baton_key_code_yes() {
            switch code {
            case baton_key_resize(): return .resize
            case baton_key_up(): return .key(.up)
            case baton_key_down(): return .key(.down)
            case baton_key_left(): return .key(.left)
            case baton_key_right(): return .key(.right)
            case baton_key_ppage(): return .key(.pageUp)
            case baton_key_npage(): return .key(.pageDown)
            case baton_key_home(): return .key(.home)
            case baton_key_end(): return .key(.end)
            case baton_key_enter(): return .key(.enter)
            case baton_key_backspace(): return .key(.backspace)
            case baton_key_dc(): return .key(.delete)
            case baton_key_mouse(): return mouseEvent()
            default: return nil
            }
        }
        return Key.fromCharacterCode(UInt32(character)).map(TerminalEvent.key)
    }

    private func mouseEvent() -> TerminalEvent? {
        var kind: Int32 = 0, x: Int32 = 0, y: Int32 = 0
        guard baton_get_mouse(&kind, &x, &y) == 1 else { return nil }
        switch kind {
        case 1: return .mouse(MouseEvent(.press, x: Int(x), y: Int(y)))
        case 2: return .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y)))
        case 3: return .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y)))
        default: return nil
        }
    }

    /// Leaves curses mode while `body` runs (for `$EDITOR`), then restores and redraws. What the terminal
    /// sends after the program is gone (answers to its queries: `ESC [ 24 ; 1 R` would read as `R`) is
    /// discarded, not taken for keys.
    func suspend<T>(_ body: () -> T) -> T {
        def_prog_mode()
        endwin()
        let result = body()
        reset_prog_mode()
        discardPendingInput()
        invalidate()
        return result
    }

    /// Drops typed-ahead input until the terminal has been quiet for a moment.
    private func discardPendingInput() {
        _ = baton_flushinp()
        baton_timeout(60)
        var character: wint_t = 0
        var discarded = 0
        while baton_get_wch(&character) != baton_err(), discarded < 4_096 { discarded += 1 }
        baton_timeout(pollMilliseconds)
    }

    /// Puts `text` on the terminal's clipboard with OSC 52 (terminals and tmux that allow it act on it;
    /// others ignore it). The text is base64, so it cannot carry control sequences.
    func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        // Straight to the descriptor: curses has flushed its own output by the time effects run.
        var bytes = Array(sequence.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    // MARK: Drawing helpers

    /// Appends a cell's cluster, or a same-width stand-in when curses would measure it differently
    /// (e.g. ZWJ emoji sequences, which wcwidth counts per part): columns must stay aligned.
    private func append(_ cell: ScreenCell, to text: inout [wchar_t]) {
        let scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let measured = scalars.reduce(0) { $0 + max(0, Int(baton_wcwidth($1))) }
        if measured == cell.width {
            text.append(contentsOf: scalars)
            return
        }
        if let first = scalars.first, Int(baton_wcwidth(first)) >= 1, Int(baton_wcwidth(first)) <= cell.width {
            text.append(first)
            text.append(contentsOf: repeatElement(wchar_t(32), count: cell.width - Int(baton_wcwidth(first))))
        } else {
            text.append(contentsOf: repeatElement(wchar_t(63), count: cell.width))  // "?"
        }
    }

    private func setUpColors() {
        let useColor = has_colors() && theme.hasColor
        drawsColor = useColor
        if useColor {
            start_color()
            // Keeps the terminal's own background wherever a theme says "default".
            use_default_colors()
        }
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(for: role)
            var bits: Int32 = 0
            if style.attributes.contains(.bold) { bits |= baton_attr_bold() }
            if style.attributes.contains(.dim) { bits |= baton_attr_dim() }
            if style.attributes.contains(.reverse) { bits |= baton_attr_reverse() }
            if style.attributes.contains(.underline) { bits |= baton_attr_underline() }
            let pair = Int32(index + 1)
            if useColor, pair < baton_color_pairs() {
                init_pair(Int16(pair), color(style.foreground), color(style.background))
                bits |= baton_color_pair(pair)
            }
            attributes[role] = bits
        }
    }

    /// A palette index curses accepts; indexes beyond the terminal's colours fold into the first 8.
    private func color(_ color: TerminalColor) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .index(let index): return Int16(index < baton_colors() ? index : index % 8)
        }
    }
}
