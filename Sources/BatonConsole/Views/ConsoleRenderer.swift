import Foundation
import BatonCore

/// Draws a whole screen from a `ConsoleState`: pure, no terminal involved.
///
/// Cost is proportional to the visible rows: the state holds only the visible page of threads.
public enum ConsoleRenderer {
    public static func render(_ state: ConsoleState, size: TerminalSize, keyMap: KeyMap = .standard) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: size.columns, height: size.rows)
        if size.isTooSmall {
            drawTooSmall(size: size, into: &buffer)
            return buffer
        }
        // An open composer takes rows at the bottom of the body; the packet above it keeps the newest messages.
        var reserved = 0
        if case .composer(let composer)? = state.modal, !composer.purpose.isPrompt {
            reserved = DialogView.composerHeight(composer, size: size)
        }
        let layout = ScreenLayout(size: size, reserved: reserved)
        drawTitle(state, layout: layout, into: &buffer)
        QueueBarView.draw(state.queues, now: state.now, row: layout.queueBarRow, width: size.columns, into: &buffer)
        ThreadListView.draw(state, in: layout.list, showQueue: state.mode == .supervisor || state.scope != .myQueues, into: &buffer)
        if layout.sideBySide {
            for row in layout.list.y..<(layout.list.y + layout.list.height) {
                buffer.write("│", x: layout.list.width, y: row, role: state.focus == .detail ? .accent : .muted)
            }
        } else {
            buffer.write(String(repeating: "─", count: size.columns), x: 0, y: layout.list.y + layout.list.height,
                         role: state.focus == .detail ? .accent : .muted)
        }
        switch state.mode {
        case .agent: PacketView.draw(state, in: layout.detail, into: &buffer)
        case .supervisor: SupervisorPanelView.draw(state, queueWindows: state.pickupWindows, in: layout.detail, into: &buffer)
        }
        drawStatus(state, layout: layout, keyMap: keyMap, into: &buffer)
        drawHints(state, layout: layout, keyMap: keyMap, into: &buffer)
        if let modal = state.modal { DialogView.draw(modal, keyMap: keyMap, size: size, statusRow: layout.statusRow, into: &buffer) }
        switch state.overlay {
        case .help(let scroll)?: DialogView.drawHelp(keyMap: keyMap, colorless: state.colorless, scroll: scroll, size: size, into: &buffer)
        case .messages(let scroll)?: DialogView.drawMessages(state.messageLog, scroll: scroll, size: size, into: &buffer)
        case nil: break
        }
        return buffer
    }

    private static func drawTooSmall(size: TerminalSize, into buffer: inout ScreenBuffer) {
        let minimum = TerminalSize.minimum
        let lines = ["terminal too small", "(need \(minimum.columns)×\(minimum.rows),", "now \(size.columns)×\(size.rows));", "q quits"]
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let text = TextFit.ellipsize(line, to: size.columns)
            let x = max(0, (size.columns - TextWidth.width(of: text)) / 2)
            buffer.write(text, x: x, y: top + index, role: index == 0 ? .alert : .normal)
        }
    }

    private static func drawTitle(_ state: ConsoleState, layout: ScreenLayout, into buffer: inout ScreenBuffer) {
        let width = layout.size.columns
        buffer.fill(x: 0, y: layout.titleRow, count: width, role: .header)
        let view = state.mode == .supervisor ? "supervisor view" : (state.scope == .myQueues ? "agent view" : "agent view · \(state.scope.rawValue)")
        let left = " Baton · \(state.agentName) · \(view)"
        let right = Format.clock(state.now) + " UTC · ? help "
        let rightWidth = TextWidth.width(of: right)
        buffer.write(TextFit.ellipsize(left, to: max(1, width - rightWidth - 1)), x: 0, y: layout.titleRow, role: .header)
        if rightWidth < width { buffer.write(right, x: width - rightWidth, y: layout.titleRow, role: .header) }
    }

    /// The status line: a banner while it lasts, the search or filter prompt while typing, else what shapes
    /// the list (scope, order, filter, search, a count being typed, the paged thread).
    private static func drawStatus(_ state: ConsoleState, layout: ScreenLayout, keyMap: KeyMap, into buffer: inout ScreenBuffer) {
        let width = layout.size.columns
        let row = layout.statusRow
        if case .composer(let composer)? = state.modal, composer.purpose.isPrompt {
            buffer.fill(x: 0, y: row, count: width, role: .normal)
            let prompt = composer.title + (composer.purpose == .filter ? " " : "")
            let used = buffer.write(prompt, x: 0, y: row, role: .accent)
            let hint = "  Enter " + (composer.purpose == .search ? "search" : "filter") + " · Esc cancel"
            // The end of the text stays visible as it grows.
            var text = composer.textWithCursor
            let room = max(1, width - used - TextWidth.width(of: hint))
            while TextWidth.width(of: text) > room, !text.isEmpty { text.removeFirst() }
            let written = buffer.write(text, x: used, y: row, maxWidth: room)
            buffer.write(hint, x: used + written, y: row, maxWidth: width - used - written, role: .muted)
            return
        }
        if let banner = state.activeBanner {
            buffer.fill(x: 0, y: row, count: width, role: banner.role)
            buffer.write(TextFit.ellipsize(" " + banner.text, to: width), x: 0, y: row, role: banner.role)
            return
        }
        buffer.fill(x: 0, y: row, count: width, role: .normal)
        buffer.write(TextFit.ellipsize(" " + statusParts(state, keyMap: keyMap).joined(separator: " · "), to: width), x: 0, y: row, role: .muted)
    }

    static func statusParts(_ state: ConsoleState, keyMap: KeyMap) -> [String] {
        var parts: [String] = []
        if let count = state.count { parts.append("count \(count)") }
        let listing = state.mode == .supervisor ? "all queues" : state.scope.rawValue
        parts.append(listing + ": " + Plural.count(state.totalRows, "thread") + (state.filter.map { " matching “\($0)”" } ?? ""))
        if state.order != .priority { parts.append(ConsoleSession.orderName(state.order)) }
        if let search = state.search {
            let next = keyMap.firstKey(for: .searchNext, in: .list), previous = keyMap.firstKey(for: .searchPrevious, in: .list)
            if search.matches.isEmpty {
                parts.append("search “\(search.text)”: no match")
            } else {
                let position = search.current.map { "\($0 + 1)/" } ?? ""
                parts.append("search “\(search.text)”: \(position)\(search.matches.count)\(search.truncated ? "+" : "") (\(next)/\(previous))")
            }
        }
        if state.filter != nil || state.search != nil { parts.append("Esc clears") }
        if let paged = state.paged { parts.append("\(keyMap.firstKey(for: .openPaged, in: .list)): \(paged.customer)") }
        return parts
    }

    /// The key hints: the commands that matter where the keys are, as many as fit; `?` lists them all.
    private static func drawHints(_ state: ConsoleState, layout: ScreenLayout, keyMap: KeyMap, into buffer: inout ScreenBuffer) {
        let width = layout.size.columns
        let row = layout.hintRow
        buffer.fill(x: 0, y: row, count: width, role: .muted)
        let context: KeyContext = state.keyContext
        let commands: [(KeyCommand, String)]
        switch (context, state.mode) {
        case (.detail, .agent):
            commands = [(.moveDown, "next message"), (.pageUp, "page up"), (.top, "first"), (.bottom, "last"), (.copy, "copy"),
                        (.focusList, "back"), (.reply, "reply"), (.quit, "quit")]
        case (.detail, .supervisor):
            commands = [(.moveDown, "scroll"), (.pageDown, "page"), (.focusList, "back"), (.quit, "quit")]
        case (_, .supervisor):
            commands = [(.forceRelease, "force-release"), (.reassign, "reassign"), (.search, "search"), (.focusDetail, "breaches"),
                        (.toggleSupervisor, "agent view"), (.quit, "quit")]
        default:
            commands = [(.urgent, "urgent"), (.openPaged, "paged"), (.claim, "claim"), (.sendSuggested, "send suggested"), (.reply, "reply"),
                        (.resolve, "resolve"), (.release, "to AI"), (.search, "search"), (.focusDetail, "transcript"), (.note, "note"),
                        (.transfer, "transfer"), (.quit, "quit")]
        }
        // As many whole hints as fit, most important first; `?` lists the rest.
        var hints = ""
        let lookup: KeyContext = context == .detail ? .detail : .list
        for (command, label) in commands {
            let hint = " " + keyMap.firstKey(for: command, in: lookup) + " " + label + " "
            guard TextWidth.width(of: hints + hint) <= width - 8 else { break }
            hints += hint
        }
        buffer.write(TextFit.ellipsize(hints + " ? more", to: width), x: 0, y: row, role: .muted)
    }
}
