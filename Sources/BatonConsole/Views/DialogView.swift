import BatonCore
/// Modal dialogs and the help overlay, drawn in a bordered box over the screen.
enum DialogView {
    static func draw(_ modal: Modal, keyMap: KeyMap, size: TerminalSize, into buffer: inout ScreenBuffer) {
        switch modal {
        case .composer(let composer):
            let hints = "Enter send · Tab suggested · " + keyMap.keyLabel(for: .openEditor, in: .composer) + " editor · Esc cancel"
            let inner = size.columns - 4
            // The text wraps; the view follows the end, where the cursor is.
            var body: [String] = []
            var cursorRow = 0
            for paragraph in composer.textWithCursor.split(separator: "\n", omittingEmptySubsequences: false) {
                for row in TextFit.wrap(String(paragraph), to: max(1, inner - 1)) {
                    if row.contains("▏") { cursorRow = body.count }
                    body.append(row)
                }
            }
            if body.isEmpty { body = [""] }
            // Show the rows around the cursor, at most a quarter of the screen.
            let room = max(1, min(4, size.rows / 4))
            let first = max(0, min(cursorRow - room + 1, body.count - room))
            let visible = Array(body[first..<min(body.count, first + room)])
            let lines = visible.map { StyledLine([($0, .normal)]) } + [StyledLine([(hints, .muted)])]
            let height = lines.count + 2
            box(title: composer.title, lines: lines, x: 0, y: max(0, size.rows - 1 - height), width: size.columns, into: &buffer)
        case .picker(let picker):
            let lines = picker.labels.enumerated().map { index, label in
                StyledLine([((index == picker.selected ? "▸ " : "  ") + label, index == picker.selected ? .selected : .normal)])
            } + [StyledLine([("↑↓ choose · Enter ok · Esc cancel", .muted)])]
            centered(title: picker.title, lines: lines, size: size, into: &buffer)
        case .confirmation(let confirmation):
            var lines = [StyledLine([(confirmation.question, .normal)])]
            for part in TextFit.wrap(confirmation.detail, to: max(10, min(70, size.columns - 8))).prefix(6) {
                lines.append(StyledLine([("  " + part, .positive)]))
            }
            lines.append(StyledLine([("y / Enter: yes · n / Esc: no", .muted)]))
            centered(title: "Confirm", lines: lines, size: size, into: &buffer)
        }
    }

    /// The help overlay: the key map's generated lines, flowed into as many columns as fit; when
    /// even that is too small, a window of them that j/k scroll (`scroll` lines down).
    static func drawHelp(keyMap: KeyMap, scroll: Int, size: TerminalSize, into buffer: inout ScreenBuffer) {
        let all = keyMap.helpLines()
        let perColumn = max(1, size.rows - 4)
        let columnWidth = (all.map { TextWidth.width(of: $0) }.max() ?? 0) + 2
        let columnsThatFit = max(1, (size.columns - 4 + 2) / columnWidth)
        let capacity = columnsThatFit * perColumn
        var source = all
        var title = "Keys (? or Esc closes)"
        if all.count > capacity {
            let start = min(max(0, scroll), all.count - capacity)
            source = Array(all[start..<(start + capacity)])
            title = "Keys \(start + 1)–\(start + capacity) of \(all.count) (j/k scroll, Esc closes)"
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
