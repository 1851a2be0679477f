import Testing
import Foundation
import BatonCore
@testable import BatonConsole

/// Properties every rendered screen must have, whatever the data and the size.
@Suite("Screens: alignment, safety and styles")
struct ScreenStructureTests {
    typealias F = ConsoleFixtures

    static let sizes = [TerminalSize(columns: 120, rows: 40), TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 60, rows: 16),
                        TerminalSize(columns: 200, rows: 60)]

    /// Columns of the sentiment dot in each thread row of the list.
    func sentimentColumns(_ buffer: ScreenBuffer, layout: ScreenLayout, rows: Int) -> [Int] {
        (0..<rows).compactMap { index in
            let y = layout.list.y + 1 + index
            return (0..<layout.list.width).first { buffer[$0, y].text == "●" }
        }
    }

    @Test("List columns stay aligned with hostile, emoji, CJK and accented names", arguments: sizes)
    func alignment(_ size: TerminalSize) throws {
        let session = try F.session(try F.scene(), agent: "bob", size: size)
        let buffer = ConsoleRenderer.render(session.state, size: size)
        let columns = sentimentColumns(buffer, layout: ScreenLayout(size: size), rows: session.state.rows.count)
        #expect(columns.count == min(4, ScreenLayout(size: size).listRows))
        #expect(Set(columns).count == 1, "sentiment column moved: \(columns)")
    }

    @Test("No cell of any screen holds a control, escape or bidi character", arguments: sizes)
    func noControlCharacters(_ size: TerminalSize) throws {
        let store = try F.supervisorScene()
        let session = try F.session(store, agent: "sue", supervisor: true, size: size, stats: F.stats)
        var screens: [ScreenBuffer] = []
        for key: Key in [.character("j"), .character("S"), .character("R"), .escape, .character("S"), .character("?")] {
            _ = session.handle(key)
            screens.append(ConsoleRenderer.render(session.state, size: size))
        }
        for buffer in screens {
            for cell in buffer.cells {
                #expect(Sanitizer.unsafeScalars(in: cell.text).isEmpty, "\(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test("Every size renders a well-formed buffer: wide characters whole, rows exactly the width",
          arguments: [(0, 0), (1, 1), (20, 5), (40, 12), (59, 16), (60, 15), (60, 16), (79, 23), (119, 30), (120, 30), (250, 80)])
    func anySize(_ columns: Int, _ rows: Int) throws {
        let size = TerminalSize(columns: columns, rows: rows)
        let session = try F.session(try F.scene(), size: size)
        let buffer = ConsoleRenderer.render(session.state, size: size)
        #expect(buffer.width == columns && buffer.height == rows)
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = buffer[x, y]
                if cell.width == 2 { #expect(x + 1 < columns && buffer[x + 1, y].isContinuation) }
                if cell.isContinuation { #expect(x > 0 && buffer[x - 1, y].width == 2) }
            }
        }
        if size.isTooSmall, rows >= 3, columns >= 18 { #expect(buffer.text.contains("terminal too small")) }
    }

    @Test("The selected row is highlighted and breached pickups use the alert style")
    func styles() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 120, rows: 40))
        let buffer = ConsoleRenderer.render(session.state, size: session.state.size)
        let layout = ScreenLayout(size: session.state.size)
        let firstRow = layout.list.y + 1
        // The selected row is selected everywhere but its sentiment, which keeps its colour on the selection.
        let dot = try #require((0..<layout.list.width).first { buffer[$0, firstRow].text == "●" })
        #expect((0..<layout.list.width).filter { $0 != dot }.allSatisfy { buffer[$0, firstRow].role == .selected })
        #expect(buffer[dot, firstRow].role == .selectedNegative)
        _ = session.handle(.character("j"))
        let moved = ConsoleRenderer.render(session.state, size: session.state.size)
        let late = try #require((0..<layout.list.width).first { moved[$0, firstRow].text == "-" })
        #expect(moved[late, firstRow].role == .alert)
        let dots = (0..<layout.list.width).filter { moved[$0, firstRow + 2].text == "●" }
        #expect(dots.map { moved[$0, firstRow + 2].role } == [.positive])
        #expect(moved[dots[0], firstRow].role == .negative)
    }

    @Test("A WhatsApp thread shows its 24-hour window when closing or closed")
    func whatsappWindow() throws {
        let store = try F.store()
        try F.handoff(store, id: "w1", customer: "Closing Soon", channel: .whatsapp,
                      window: ReplyWindow(lastCustomerMessageAt: F.t0.addingTimeInterval(-23 * 3600), closesAt: F.t0.addingTimeInterval(3600)))
        try F.handoff(store, id: "w2", customer: "Closed", waited: 30, channel: .whatsapp,
                      window: ReplyWindow(lastCustomerMessageAt: F.t0.addingTimeInterval(-25 * 3600), closesAt: F.t0.addingTimeInterval(-3600)))
        let session = try F.session(store, size: TerminalSize(columns: 120, rows: 40))
        #expect(F.screen(session).contains("WhatsApp 24-h window closes in 1h00"))
        _ = session.handle(.character("j"))
        #expect(F.screen(session).contains("WhatsApp 24-h window CLOSED 1h00 ago: templates only"))
    }

    @Test("Supervisors get pickup countdown bars in the thread list when it is wide enough")
    func supervisorBars() throws {
        let session = try F.session(try F.supervisorScene(), agent: "sue", supervisor: true, size: TerminalSize(columns: 80, rows: 24))
        _ = session.handle(.character("S"))
        let lines = ConsoleRenderer.render(session.state, size: session.state.size).lines()
        // t4 (tech, 10 s waited of a 600 s window) is nearly full; t3 is held, so it has no bar.
        let tech = try #require(lines.first { $0.contains("Tech Person") })
        #expect(tech.contains("██████"))
        let held = try #require(lines.first { $0.contains("held by bob") })
        #expect(!held.contains("█") && !held.contains("░"))
    }

    @Test("A lost race shows in the status line")
    func lostRaceBanner() throws {
        let store = try F.scene()
        let session = try F.session(store, size: TerminalSize(columns: 80, rows: 24))
        try store.claim(threadID: "t1", agent: "bob", now: F.t0)
        _ = session.handle(.character("c"))
        let lines = ConsoleRenderer.render(session.state, size: session.state.size).lines()
        #expect(lines[ScreenLayout(size: session.state.size).statusRow] == " Claimed by bob first")
        #expect(lines.last?.contains("claim") == true, "the key hints stay under the banner")
    }

    @Test("The help overlay is the key table; at 80×24 scrolling with j reaches every binding")
    func helpOverlay() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 80, rows: 24))
        _ = session.handle(.character("?"))
        var seen = F.screen(session)
        for _ in 0..<KeyMap.standard.helpLines().count {
            _ = session.handle(.character("j"))
            seen += F.screen(session)
        }
        for binding in KeyMap.standard.bindings { #expect(seen.contains(binding.help), "\(binding.help)") }
        #expect(session.state.overlay != nil)
        _ = session.handle(.escape)
        #expect(session.state.overlay == nil)
    }

    @Test("At 200×60 the whole help fits without scrolling")
    func helpOverlayWide() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 200, rows: 60))
        _ = session.handle(.character("?"))
        let text = F.screen(session)
        #expect(text.contains("Keys and symbols (? or Esc closes)"))
        for binding in KeyMap.standard.bindings { #expect(text.contains(binding.help), "\(binding.help)") }
    }
}
