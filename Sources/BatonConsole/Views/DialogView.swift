import Foundation
import BatonCore
/// Modal dialogs and the overlays (help, message history), drawn in bordered boxes over the screen.
/// Their key hints come from the key map, so they say what the keys really do.
enum DialogView {
    /// Rows the composer box takes for `composer` at `size` (the body gives them up while it is open).
    static func composerHeight(_ composer: Composer, size: TerminalSize) -> Int {
        composerBody(composer, size: size).visible.count + 3
    }

    /// The composer's wrapped text around the cursor: at most a quarter of the screen.
    private static func composerBody(_ composer: Composer, size: TerminalSize) -> (visible: [String], total: Int) {
        let inner = size.columns - 4
        var body: [String] = []
        var cursorRow = 0
        for paragraph in composer.textWithCursor.split(separator: "\n", omittingEmptySubsequences: false) {
            for row in TextFit.wrap(String(paragraph), to: max(1, inner - 1)) {
                if row.contains("▏") { cursorRow = body.count }
                body.append(row)
            }
        }
        if body.isEmpty { body = [""] }
        let room = max(1, min(4, size.rows / 4))
        let first = max(0, min(cursorRow - room + 1, body.count - room))
        return (Array(body[first..<min(body.count, first + room)]), body.count)
    }

    static func draw(_ modal: Modal, keyMap: KeyMap, size: TerminalSize, statusRow: Int, into buffer: inout ScreenBuffer) {
        switch modal {
        case .composer(let composer):
            guard !composer.purpose.isPrompt else { return }
            let editor = keyMap.keyLabel(for: .openEditor, in: .composer)
            let hints = composer.purpose.draftKind != nil
                ? "Enter send · Tab suggested · \(editor) editor · Esc close (drafts are kept)"
                : "Enter ok · \(editor) editor · Esc cancel"
            let body = composerBody(composer, size: size)
            let lines = body.visible.map { StyledLine([($0, .normal)]) } + [StyledLine([(hints, .muted)])]
            let height = lines.count + 2
            let title = body.total > body.visible.count ? composer.title + " (\(Plural.count(body.total, "line")))" : composer.title
            box(title: title, lines: lines, x: 0, y: max(0, statusRow - height), width: size.columns, into: &buffer)
        case .picker(let picker):
            let room = max(1, size.rows - 6)
            let first = picker.values.count <= room ? 0 : min(max(0, picker.selected - room / 2), picker.values.count - room)
            var lines: [StyledLine] = []
            for index in first..<min(picker.values.count, first + room) {
                let selected = index == picker.selected
                var line = StyledLine([((selected ? "▸ " : "  ") + picker.labels[index], selected ? .selected : .normal)])
                if let warning = picker.warnings[index] { line.append("  ⚠ " + warning, selected ? .selected : .warning) }
                lines.append(line)
            }
            let more = picker.values.count > room ? " · \(picker.selected + 1)/\(picker.values.count)" : ""
            lines.append(StyledLine([("↑↓ choose · Enter ok · Esc cancel" + more, .muted)]))
            centered(title: picker.title, lines: lines, size: size, into: &buffer)
        case .confirmation(let confirmation):
            var lines = [StyledLine([(confirmation.question, .normal)])]
            for part in TextFit.wrap(confirmation.detail.replacingOccurrences(of: "\n", with: " ⏎ "),
                                     to: max(10, min(70, size.columns - 8))).prefix(6) {
                lines.append(StyledLine([("  " + part, confirmation.purpose.isDraft ? .normal : .positive)]))
            }
            let context = modal.keyContext
            let hints = keyMap.bindings.filter { $0.context == context }.map { "\($0.keys.map(\.label).joined(separator: "/")) \($0.help)" }
            lines.append(StyledLine([(hints.joined(separator: " · "), .muted)]))
            centered(title: confirmation.purpose.isDraft ? "Draft" : "Confirm", lines: lines, size: size, into: &buffer)
        }
    }

    /// The help overlay: the key map's generated lines and the symbol legend, flowed into as many columns
    /// as fit; when even that is too small, a window of them that j/k scroll (`scroll` lines down).
    static func drawHelp(keyMap: KeyMap, colorless: Bool, scroll: Int, size: TerminalSize, into buffer: inout ScreenBuffer) {
        let all = keyMap.helpLines(colorless: colorless)
        let perColumn = max(1, size.rows - 4)
        let columnWidth = (all.map { TextWidth.width(of: $0) }.max() ?? 0) + 2
        let columnsThatFit = max(1, (size.columns - 4 + 2) / columnWidth)
        let capacity = columnsThatFit * perColumn
        var source = all
        var title = "Keys and symbols (? or Esc closes)"
        if all.count > capacity {
            let start = min(max(0, scroll), all.count - capacity)
            source = Array(all[start..<(start + capacity)])
            title = "Keys \(start + 1)–\(start + capacity) of \(all.count) (j/k PgUp/PgDn scroll, Esc closes)"
        }
        let columnCount = (source.count + perColumn - 1) / perColumn
        var rows = [StyledLine](repeating: StyledLine([]), count: min(perColumn, source.count))
        for (index, line) in source.enumerated() {
            let role: StyleRole = line.hasPrefix("  ") || line.isEmpty ? .normal : .accent
            let isLastColumn = index / perColumn == columnCount - 1
            rows[index % perColumn].append(isLastColumn ? line : TextFit.pad(line, to: columnWidth), role)
        }
        centered(title: title, lines: rows, size: size, into: &buffer)
    }

    /// The message history: every banner with its time, newest at the bottom; `scroll` lines up from it.
    static func drawMessages(_ log: [LoggedMessage], scroll: Int, size: TerminalSize, into buffer: inout ScreenBuffer) {
        let room = max(1, size.rows - 4)
        var lines: [StyledLine]
        if log.isEmpty {
            lines = [StyledLine([("No messages yet.", .muted)])]
        } else {
            let end = max(min(log.count, room), log.count - max(0, scroll))
            lines = log[max(0, end - room)..<end].map { message in
                StyledLine([(Format.clock(message.at) + "  ", .muted), (message.text, message.role == .muted ? .normal : message.role)])
            }
        }
        let title = "Messages (\(log.count)) · j/k PgUp/PgDn scroll · Esc closes"
        let width = size.columns
        box(title: title, lines: lines, x: 0, y: max(0, (size.rows - lines.count - 2) / 2), width: width, into: &buffer)
    }

    private static func centered(title: String, lines: [StyledLine], size: TerminalSize, into buffer: inout ScreenBuffer) {
        let contentWidth = lines.map { TextWidth.width(of: $0.runs.map(\.text).joined()) }.max() ?? 0
        let width = min(size.columns, max(contentWidth, TextWidth.width(of: title) + 2) + 4)
        let height = min(size.rows, lines.count + 2)
        box(title: title, lines: lines, x: (size.columns - width) / 2, y: max(0, (size.rows - height) / 2), width: width,
            into: &buffer, maxHeight: height)
    }

    /// A bordered box; content lines are clipped to the box.
    private static func box(title: String, lines: [StyledLine], x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer,
                            maxHeight: Int? = nil) {
        guard width >= 4 else { return }
        let height = min(maxHeight ?? (lines.count + 2), lines.count + 2)
        let inner = width - 2
        let titleText = TextFit.ellipsize(" " + title + " ", to: inner)
        let topRule = "┌" + titleText + String(repeating: "─", count: max(0, inner - TextWidth.width(of: titleText))) + "┐"
        buffer.write(topRule, x: x, y: y, maxWidth: width, role: .accent)
        for (index, line) in lines.prefix(max(0, height - 2)).enumerated() {
            let row = y + 1 + index
            buffer.write("│", x: x, y: row, role: .accent)
            var padded = StyledLine([(" ", .normal)])
            padded.runs.append(contentsOf: line.runs)
            padded.draw(x: x + 1, y: row, width: inner, into: &buffer)
            buffer.write("│", x: x + width - 1, y: row, role: .accent)
        }
        buffer.write("└" + String(repeating: "─", count: inner) + "┘", x: x, y: y + height - 1, maxWidth: width, role: .accent)
    }
}
