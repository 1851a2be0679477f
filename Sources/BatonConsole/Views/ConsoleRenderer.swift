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
        let layout = ScreenLayout(size: size)
        drawTitle(state, layout: layout, into: &buffer)
        QueueBarView.draw(state.queues, now: state.now, row: layout.queueBarRow, width: size.columns, into: &buffer)
        ThreadListView.draw(state, in: layout.list, showQueue: state.mode == .supervisor || state.scope != .myQueues, into: &buffer)
        if layout.sideBySide {
            for row in layout.list.y..<(layout.list.y + layout.list.height) {
                buffer.write("│", x: layout.list.width, y: row, role: .muted)
            }
        } else {
            buffer.write(String(repeating: "─", count: size.columns), x: 0, y: layout.list.y + layout.list.height, role: .muted)
        }
        switch state.mode {
        case .agent: PacketView.draw(state, in: layout.detail, into: &buffer)
        case .supervisor: SupervisorPanelView.draw(state, queueWindows: state.pickupWindows, in: layout.detail, into: &buffer)
        }
        drawStatus(state, layout: layout, keyMap: keyMap, into: &buffer)
        if let modal = state.modal { DialogView.draw(modal, keyMap: keyMap, size: size, into: &buffer) }
        if state.showHelp { DialogView.drawHelp(keyMap: keyMap, scroll: state.helpScroll, size: size, into: &buffer) }
        return buffer
    }

    private static func drawTooSmall(size: TerminalSize, into buffer: inout ScreenBuffer) {
        let minimum = TerminalSize.minimum
        let lines = ["terminal too small", "(need \(minimum.columns)×\(minimum.rows),", "now \(size.columns)×\(size.rows))"]
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

    private static func drawStatus(_ state: ConsoleState, layout: ScreenLayout, keyMap: KeyMap, into buffer: inout ScreenBuffer) {
        let width = layout.size.columns
        let row = layout.statusRow
        if let banner = state.activeBanner {
            buffer.fill(x: 0, y: row, count: width, role: banner.role)
            buffer.write(TextFit.ellipsize(" " + banner.text, to: width), x: 0, y: row, role: banner.role)
            return
        }
        buffer.fill(x: 0, y: row, count: width, role: .muted)
        let commands: [(KeyCommand, String)] = state.mode == .supervisor
            ? [(.forceRelease, "force-release"), (.reassign, "reassign"), (.toggleSupervisor, "agent view"), (.quit, "quit")]
            : [(.next, "next"), (.claim, "claim"), (.sendSuggested, "send suggested"), (.reply, "reply"), (.resolve, "resolve"),
               (.release, "to AI"), (.note, "note"), (.transfer, "transfer"), (.quit, "quit")]
        let context: (KeyCommand) -> KeyContext = { [.toggleSupervisor, .forceRelease, .reassign].contains($0) ? .supervisor : .main }
        // As many whole hints as fit, most important first; `?` lists the rest.
        var hints = ""
        for (command, label) in commands {
            let key = keyMap.bindings.first { $0.command == command && $0.context == context(command) }?.keys.first?.label ?? "?"
            let hint = " " + key + " " + label + " "
            guard TextWidth.width(of: hints + hint) <= width - 8 else { break }
            hints += hint
        }
        buffer.write(TextFit.ellipsize(hints + " ? more", to: width), x: 0, y: row, role: .muted)
    }
}
