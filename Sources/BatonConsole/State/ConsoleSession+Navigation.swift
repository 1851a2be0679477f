import Foundation
import BatonCore

/// Moving: the thread list (rows, pages, counts), the transcript and the escalations panel, and overlays.
extension ConsoleSession {
    /// Rows one page moves the list by: a screenful less one, so one row stays in view.
    var listPage: Int { max(1, visibleRows - 1) }

    /// A digit extends the count typed before a move (`12G`); a leading 0 is not a count.
    func takeCountDigit(_ key: Key) -> Bool {
        guard case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII else { return false }
        guard digit > 0 || state.count != nil else { return false }
        // Counts work wherever there is a list to move through; elsewhere digits are text or nothing.
        let context = state.keyContext
        guard [.list, .detail, .picker, .overlay].contains(context) else { return false }
        guard keyMap.command(for: key, in: context) == .count || keyMap.command(for: key, in: .list) == .count || state.count != nil else {
            return false
        }
        state.count = min(9_999, (state.count ?? 0) * 10 + digit)
        return true
    }

    func select(_ index: Int) {
        guard state.totalRows > 0 else { return }
        let target = min(max(0, index), state.totalRows - 1)
        focusPinned = false
        state.selection = target
        if target < state.listOffset || target >= state.listOffset + visibleRows || state.selectedRow == nil {
            // The selection moved off the page: it decides the focus, not the previously focused thread.
            state.focusedID = nil
            do {
                try loadList(recount: false)
            } catch {
                show(error)
            }
            loadPacket()
        } else {
            state.focusedID = state.selectedRow?.id
            loadPacket()
        }
    }

    /// Focuses thread `id` wherever it is in the list; a thread outside the list's page is read and
    /// focused all the same (`focusPinned`).
    func reveal(_ id: String, position: Int?) {
        if let position {
            select(position)
            state.focusedID = id
            loadPacket()
        } else {
            focusPinned = true
            state.focusedID = id
            loadPacket()
        }
        state.transcriptScroll = 0
    }

    // MARK: The detail pane

    /// Tab: the transcript (agent view) or the escalations panel (supervisor view) takes the keys.
    func focusDetail() {
        if state.mode == .supervisor {
            state.focus = .detail
            return
        }
        guard let packet = state.packet, !packet.transcript.isEmpty else {
            return banner("No transcript to read: select a thread first", .muted)
        }
        state.focus = .detail
        if state.selectedMessage == nil { state.selectedMessage = packet.transcript.count - 1 }
        ensureSelectedMessageVisible()
    }

    /// Runs a command meant for the detail pane; nil when the command is not about moving in it.
    func performInDetail(_ command: KeyCommand, count: Int?) -> Bool? {
        let steps = count ?? 1
        if state.mode == .supervisor {
            let notices = state.supervisor?.notices.count ?? 0
            let page = max(1, SupervisorPanelView.escalationRows(state, in: ScreenLayout(size: state.size).detail) - 1)
            let last = max(0, notices - 1)
            switch command {
            case .moveDown: state.escalationScroll = min(last, state.escalationScroll + steps)
            case .moveUp: state.escalationScroll = max(0, state.escalationScroll - steps)
            case .pageDown: state.escalationScroll = min(last, state.escalationScroll + page * steps)
            case .pageUp: state.escalationScroll = max(0, state.escalationScroll - page * steps)
            case .top: state.escalationScroll = 0
            case .bottom: state.escalationScroll = last
            default: return nil
            }
            return true
        }
        guard let packet = state.packet, !packet.transcript.isEmpty else {
            if command == .copy || [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom].contains(command) { return true }
            return nil
        }
        let lastMessage = packet.transcript.count - 1
        let geometry = transcriptGeometry()
        let page = max(1, geometry.room - 1)
        let maxScroll = max(0, geometry.layout.lines.count - geometry.room)
        switch command {
        case .moveDown:
            state.selectedMessage = min(lastMessage, (state.selectedMessage ?? lastMessage) + steps)
            ensureSelectedMessageVisible()
        case .moveUp:
            state.selectedMessage = max(0, (state.selectedMessage ?? lastMessage) - steps)
            ensureSelectedMessageVisible()
        case .pageDown:
            state.transcriptScroll = max(0, state.transcriptScroll - page * steps)
            keepSelectionInView()
        case .pageUp:
            state.transcriptScroll = min(maxScroll, state.transcriptScroll + page * steps)
            keepSelectionInView()
        case .top:
            state.selectedMessage = 0
            state.transcriptScroll = maxScroll
        case .bottom:
            state.selectedMessage = lastMessage
            state.transcriptScroll = 0
        case .copy:
            let entry = packet.transcript[min(lastMessage, state.selectedMessage ?? lastMessage)]
            pendingEffects.append(.copy(entry.paragraphs.joined(separator: "\n")))
            banner("Copied the \(entry.label) message \(entry.at.map { "of " + Format.hourMinute($0) + " " } ?? "")to the clipboard (OSC 52)",
                   .positive)
        default:
            return nil
        }
        return true
    }

    /// The transcript as laid out now and how many of its lines the packet panel shows.
    func transcriptGeometry() -> (layout: TranscriptLayout, room: Int) {
        let region = ScreenLayout(size: state.size).detail
        guard let packet = state.packet else { return (TranscriptLayout(lines: [], starts: []), 0) }
        let layout = PacketView.transcriptLayout(packet, width: region.width, selected: nil)
        return (layout, PacketView.transcriptRoom(state, in: region))
    }

    /// Scrolls so that the selected message is in view (its first lines, when it is taller than the view).
    func ensureSelectedMessageVisible() {
        guard let selected = state.selectedMessage else { return }
        let (layout, room) = transcriptGeometry()
        guard room > 0, layout.starts.indices.contains(selected) else { return }
        let total = layout.lines.count
        let start = layout.starts[selected]
        let end = selected + 1 < layout.starts.count ? layout.starts[selected + 1] : total
        let viewEnd = total - state.transcriptScroll
        let viewStart = max(0, viewEnd - room)
        if start < viewStart {
            state.transcriptScroll = max(0, total - min(total, start + room))
        } else if end > viewEnd {
            state.transcriptScroll = max(0, total - min(end, start + room))
        }
    }

    /// After paging, a selected message scrolled out of view gives way to the first one in view.
    func keepSelectionInView() {
        let (layout, room) = transcriptGeometry()
        guard room > 0, !layout.starts.isEmpty else { return }
        let total = layout.lines.count
        let viewEnd = total - state.transcriptScroll
        let viewStart = max(0, viewEnd - room)
        if let selected = state.selectedMessage, layout.starts.indices.contains(selected) {
            let start = layout.starts[selected]
            if start >= viewStart, start < viewEnd { return }
        }
        // The message whose first line is the first one in view, else the one the view starts inside.
        state.selectedMessage = layout.starts.firstIndex { $0 >= viewStart && $0 < viewEnd }
            ?? (layout.starts.lastIndex { $0 < viewStart } ?? 0)
    }

    // MARK: Overlays

    func handleOverlay(_ overlay: Overlay, key: Key) {
        if takeCountDigit(key) { return }
        let steps = state.count ?? 1
        state.count = nil
        guard let command = keyMap.command(for: key, in: .overlay) else { return }
        let page = max(1, state.size.rows - 5)
        switch overlay {
        case .help(let scroll):
            let last = max(0, keyMap.helpLines(colorless: state.colorless).count - 1)
            guard let moved = Self.scrolled(scroll, command, steps: steps, page: page, last: last) else { return closeOverlay() }
            state.overlay = .help(scroll: moved)
        case .messages(let scroll):
            // Scrolled up from the newest: "down" moves towards the newest.
            let last = max(0, state.messageLog.count - 1)
            guard let moved = Self.scrolled(last - scroll, command, steps: steps, page: page, last: last) else { return closeOverlay() }
            state.overlay = .messages(scroll: last - moved)
        }
    }

    private func closeOverlay() {
        state.overlay = nil
    }

    /// A position moved by a list command within 0…last; nil for `close`.
    static func scrolled(_ position: Int, _ command: KeyCommand, steps: Int, page: Int, last: Int) -> Int? {
        switch command {
        case .moveDown: return min(last, position + steps)
        case .moveUp: return max(0, position - steps)
        case .pageDown: return min(last, position + page * steps)
        case .pageUp: return max(0, position - page * steps)
        case .top: return 0
        case .bottom: return last
        case .close: return nil
        default: return position
        }
    }
}
