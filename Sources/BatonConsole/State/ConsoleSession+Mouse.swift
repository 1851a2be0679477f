import Foundation

/// The mouse, when enabled: a click selects a thread, the wheel moves through the list or the transcript.
extension ConsoleSession {
    /// Handles one mouse event; clicks and wheel turns outside the list and the packet do nothing.
    public func handle(_ event: MouseEvent) -> [ConsoleEffect] {
        state.now = Self.wholeSecond(clock())
        guard !state.size.isTooSmall, state.overlay == nil, state.modal == nil else { return [] }
        let layout = ScreenLayout(size: state.size)
        let inList = layout.list.contains(x: event.x, y: event.y)
        let inDetail = layout.detail.contains(x: event.x, y: event.y)
        switch event.kind {
        case .press:
            if inList {
                let row = event.y - layout.list.y - 1
                guard row >= 0, row < state.rows.count else { return [] }
                state.focus = .list
                select(state.listOffset + row)
            } else if inDetail, state.mode == .agent {
                focusDetail()
            }
        case .wheelUp, .wheelDown:
            let command: KeyCommand = event.kind == .wheelUp ? .moveUp : .moveDown
            if inDetail, state.mode == .agent, state.packet != nil {
                let geometry = transcriptGeometry()
                let maxScroll = max(0, geometry.layout.lines.count - geometry.room)
                state.transcriptScroll = command == .moveUp ? min(maxScroll, state.transcriptScroll + 3) : max(0, state.transcriptScroll - 3)
                if state.focus == .detail { keepSelectionInView() }
            } else if inDetail, state.mode == .supervisor {
                _ = performInDetail(command, count: 3)
            } else if inList {
                perform(command, count: 3)
            }
        }
        return takeEffects()
    }
}

/// A mouse event in screen cells.
public struct MouseEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case press
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
