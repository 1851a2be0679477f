import Testing
import Foundation
import BatonCore
import BatonStore
@testable import BatonConsole

/// What an expert used to tig, mutt, lazygit or k9s expects of the console, driven key by key through
/// the session and checked on whole rendered screens.
@Suite("Console: reading, finding and moving like tig and mutt")
struct ConsoleExpertTests {
    typealias F = ConsoleFixtures

    func press(_ session: ConsoleSession, _ keys: Key...) -> [ConsoleEffect] {
        keys.flatMap { session.handle($0) }
    }

    func type(_ session: ConsoleSession, _ text: String) {
        for character in text { _ = session.handle(.character(character)) }
    }

    /// A thread with `count` one-line messages "message 0" … "message N".
    func longThread(_ count: Int = 60) throws -> SQLiteHandoffStore {
        let store = try F.store()
        let messages = (0..<count).map {
            Message(role: $0.isMultiple(of: 2) ? .customer : .ai, text: "message \($0)", at: F.t0.addingTimeInterval(Double($0 - 100)))
        }
        try F.handoff(store, id: "long", customer: "Talker", messages: messages)
        return store
    }

    /// The message numbers visible in the transcript on screen.
    func visibleMessages(_ session: ConsoleSession) -> [Int] {
        let lines = F.screen(session).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.contains("── transcript") }) else { return [] }
        return lines[(header + 1)...].compactMap { line in
            guard let range = line.range(of: "message ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }

    // MARK: Broken today, 2: the transcript pages without skipping lines

    @Test("PgDn and PgUp in the transcript never skip a line, pages overlap, g and G reach the first and last message",
          arguments: [TerminalSize(columns: 60, rows: 16), TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 100, rows: 30),
                      TerminalSize(columns: 140, rows: 20)])
    func transcriptPaging(_ size: TerminalSize) throws {
        let session = try F.session(try longThread(), size: size)
        _ = press(session, .tab)
        #expect(session.state.focus == .detail)
        let room = PacketView.transcriptRoom(session.state, in: ScreenLayout(size: size).detail)
        #expect(room >= 2, "the transcript keeps room at \(size)")
        _ = press(session, .character("g"))
        var views = [visibleMessages(session)]
        #expect(views[0].first == 0, "g shows the first message")
        #expect(session.state.selectedMessage == 0)
        while views.last?.last != 59, views.count < 200 {
            _ = press(session, .pageDown)
            views.append(visibleMessages(session))
        }
        #expect(views.last?.last == 59, "PgDn reaches the newest message")
        for (before, after) in zip(views, views.dropFirst()) {
            #expect(Set(before).intersection(after).count >= 1, "pages overlap by a line at \(size): \(before) then \(after)")
            #expect((after.first ?? 0) <= (before.last ?? 0) + 1, "no line skipped at \(size): \(before) then \(after)")
        }
        var upViews = [visibleMessages(session)]
        while upViews.last?.first != 0, upViews.count < 200 {
            _ = press(session, .pageUp)
            upViews.append(visibleMessages(session))
        }
        for (before, after) in zip(upViews, upViews.dropFirst()) {
            #expect(Set(before).intersection(after).count >= 1, "PgUp overlaps at \(size): \(before) then \(after)")
        }
        _ = press(session, .character("G"))
        #expect(visibleMessages(session).last == 59)
        #expect(session.state.selectedMessage == 59)
        _ = press(session, .home)
        #expect(visibleMessages(session).first == 0)
        _ = press(session, .end)
        #expect(session.state.transcriptScroll == 0)
    }

    @Test("j and k move through messages, y copies the selected one, Tab gives the keys back to the list")
    func transcriptMessages() throws {
        let session = try F.session(try longThread(), size: TerminalSize(columns: 80, rows: 24))
        _ = press(session, .tab)
        #expect(session.state.selectedMessage == 59)
        _ = press(session, .character("3"), .character("k"))
        #expect(session.state.selectedMessage == 56)
        #expect(press(session, .character("y")) == [.copy("message 56")])
        #expect(session.state.activeBanner?.text.hasPrefix("Copied the customer message") == true)
        _ = press(session, .character("2"), .character("0"), .character("k"))
        #expect(session.state.selectedMessage == 36)
        #expect(visibleMessages(session).contains(36), "the selected message stays in view")
        #expect(F.screen(session).contains(" back)"))
        _ = press(session, .tab)
        #expect(session.state.focus == .list)
        _ = press(session, .tab, .escape)
        #expect(session.state.focus == .list)
    }

    @Test("the scroll hint says 1 line back, not 1 lines")
    func oneLineBack() throws {
        let session = try F.session(try longThread(), size: TerminalSize(columns: 80, rows: 24))
        _ = press(session, .tab)
        session.state.transcriptScroll = 1
        #expect(F.screen(session).contains("(1 line back)"))
        session.state.transcriptScroll = 2
        #expect(F.screen(session).contains("(2 lines back)"))
    }

    // MARK: Lists: counts, pages, Home/End

    func manyThreads(_ count: Int = 100) throws -> SQLiteHandoffStore {
        let store = try F.store()
        for index in 0..<count {
            try F.handoff(store, id: String(format: "p%03d", index), customer: "Customer \(index)", waited: TimeInterval(1000 - index))
        }
        return store
    }

    @Test("counts, PgDn/PgUp and Home/End move through the thread list")
    func listMoves() throws {
        let session = try F.session(try manyThreads(), size: TerminalSize(columns: 80, rows: 24))
        let page = ScreenLayout(size: session.state.size).listRows - 1
        _ = press(session, .character("5"), .character("j"))
        #expect(session.state.selection == 5)
        #expect(session.state.count == nil)
        _ = press(session, .pageDown)
        #expect(session.state.selection == 5 + page)
        _ = press(session, .character("2"), .pageUp)
        #expect(session.state.selection == 0)
        _ = press(session, .character("4"), .character("2"), .character("G"))
        #expect(session.state.selection == 41)
        #expect(session.state.selectedRow?.id == "p041")
        _ = press(session, .end)
        #expect(session.state.selection == 99)
        _ = press(session, .home)
        #expect(session.state.selection == 0)
        _ = press(session, .character("7"))
        #expect(F.screen(session).contains("count 7"), "a count being typed is shown")
        _ = press(session, .escape)
        #expect(session.state.count == nil)
    }

    @Test("pickers page and jump too; a count works there as in the list")
    func pickerMoves() throws {
        let store = try F.store()
        try F.handoff(store, id: "t1", customer: "Picker Person")
        let session = try F.session(store)
        _ = press(session, .character("c"), .character("x"))
        guard case .picker? = session.state.modal else { Issue.record("no picker"); return }
        _ = press(session, .end)
        guard case .picker(let last)? = session.state.modal else { Issue.record("no picker"); return }
        #expect(last.selected == Disposition.chosenByPeople.count - 1)
        _ = press(session, .character("g"), .character("2"), .character("j"))
        guard case .picker(let moved)? = session.state.modal else { Issue.record("no picker"); return }
        #expect(moved.selected == 2)
    }

    // MARK: Search, filter, order

    @Test("/ searches customer, id, trigger, queue and text; n and N go through the matches and wrap")
    func search() throws {
        let store = try F.scene()
        try F.handoff(store, id: "t5", customer: "Another Marta", waited: 5)
        let session = try F.session(store, agent: "bob")
        _ = press(session, .character("/"))
        type(session, "marta")
        #expect(F.screen(session).contains("/marta"), "the prompt shows what is typed")
        _ = press(session, .enter)
        #expect(session.state.search?.matches.map(\.id) == ["t1", "t5"])
        #expect(session.state.focusedID == "t1")
        #expect(F.screen(session).contains("search “marta”: 1/2 (n/N)"))
        _ = press(session, .character("n"))
        #expect(session.state.focusedID == "t5")
        _ = press(session, .character("n"))
        #expect(session.state.focusedID == "t1")
        #expect(session.state.activeBanner?.text == "Search wrapped to the top")
        _ = press(session, .character("N"))
        #expect(session.state.focusedID == "t5")
        // The transcript's text, the trigger and the queue are searched too, without case or accents.
        for (text, expected) in [("PWNED", "t2"), ("tool", "t4"), ("nunez", "t1")] {
            _ = press(session, .character("/"))
            type(session, text)
            _ = press(session, .enter)
            #expect(session.state.focusedID == expected, "search \(text)")
        }
        _ = press(session, .character("/"))
        type(session, "zzz")
        _ = press(session, .enter)
        #expect(session.state.activeBanner?.text == "No thread matches “zzz”")
        _ = press(session, .escape)
        #expect(session.state.search == nil)
    }

    @Test("f filters the list; the count and the status say so; Esc lists everything again")
    func filter() throws {
        let session = try F.session(try F.scene(), agent: "bob")
        _ = press(session, .character("f"))
        type(session, "sentiment")
        _ = press(session, .enter)
        #expect(session.state.rows.map(\.id) == ["t2"])
        #expect(session.state.totalRows == 1)
        #expect(session.state.activeBanner?.text == "Filter “sentiment”: 1 thread")
        session.state.banner = nil
        #expect(F.screen(session).contains("my queues: 1 thread matching “sentiment” · Esc clears"))
        _ = press(session, .escape)
        #expect(session.state.filter == nil)
        #expect(session.state.totalRows == 4)
        _ = press(session, .character("f"))
        type(session, "nobody here")
        _ = press(session, .enter)
        #expect(F.screen(session).contains("No thread matches “nobody here”"))
    }

    @Test("o orders by priority, wait, sentiment and queue; the selected thread stays selected")
    func order() throws {
        let session = try F.session(try F.scene(), agent: "bob")
        _ = press(session, .character("j"))
        let selected = session.state.focusedID
        _ = press(session, .character("o"))
        #expect(session.state.order == .wait)
        #expect(session.state.focusedID == selected)
        #expect(session.state.selectedRow?.id == selected)
        _ = press(session, .character("o"))
        #expect(session.state.order == .sentiment)
        #expect(session.state.rows.map(\.id) == ["t1", "t2", "t4", "t3"])
        #expect(F.screen(session).contains("most upset first"))
        _ = press(session, .character("o"), .character("o"))
        #expect(session.state.order == .priority)
    }

    // MARK: Help, symbols, messages, status line

    @Test("the help overlay explains every symbol the screens draw, generated from the same tables")
    func legend() throws {
        let help = KeyMap.standard.helpLines().joined(separator: "\n")
        for entry in Legend.entries(colorless: false) { #expect(help.contains(entry.symbol + " ") && help.contains(entry.meaning), "\(entry)") }
        for symbol in ["!", "●", "⏱", "↑1", "S", "late", "Wait", "Pickup", "billing 3", "6m40"] {
            #expect(help.contains(symbol), "help lacks \(symbol)")
        }
        let plain = KeyMap.standard.helpLines(colorless: true).joined(separator: "\n")
        #expect(plain.contains("sentiment negative") && !plain.contains("●"))
        // Every symbol on the agent and supervisor screens is in the legend.
        let agent = try F.session(try F.supervisorScene(), agent: "bob", size: TerminalSize(columns: 200, rows: 60))
        let supervisor = try F.session(try F.supervisorScene(), agent: "sue", supervisor: true, size: TerminalSize(columns: 200, rows: 60))
        _ = supervisor.handle(.character("S"))
        let known = Set(Legend.entries(colorless: false).flatMap { Array($0.symbol) })
        for screen in [F.screen(agent), F.screen(supervisor)] {
            for symbol in ["!", "●", "⏱", "↑", "█", "░"] where screen.contains(symbol) {
                #expect(known.contains(Character(symbol)), "\(symbol) on screen but not in the legend")
            }
        }
    }

    @Test("M shows every status message again, oldest first, with its time")
    func messageHistory() throws {
        let clock = F.Clock()
        let session = try F.session(try F.scene(), clock: clock)
        _ = press(session, .character("c"))
        clock.advance(30)
        _ = session.poll()
        _ = press(session, .character("o"))
        clock.advance(30)
        _ = session.poll()
        #expect(session.state.activeBanner == nil, "the banner is gone after its time")
        _ = press(session, .character("M"))
        let screen = F.screen(session)
        #expect(screen.contains("10:00:00  Claimed Marta Núñez"))
        #expect(screen.contains("10:00:30  Order: longest wait first"))
        _ = press(session, .escape)
        #expect(session.state.overlay == nil)
    }

    // MARK: Paging: the paged thread, the first screen

    @Test("p opens the thread the page named, not the most urgent one")
    func pagedThread() throws {
        let store = try F.scene()
        let session = try F.session(store)
        try F.handoff(store, id: "late", customer: "Lena Late", priority: .low, waited: 0)
        #expect(session.poll() == [.bell])
        #expect(session.state.activeBanner?.text.contains("Lena Late") == true)
        _ = press(session, .character(" "))
        #expect(session.state.focusedID == "t1", "Space: the most urgent")
        _ = press(session, .character("p"))
        #expect(session.state.focusedID == "late", "p: the paged thread")
        #expect(session.state.selectedRow?.id == "late")
        _ = press(session, .character("s"), .character("y"))
        #expect(try store.thread(id: "late")?.messages.last?.role == .agent)
    }

    @Test("the first screen selects a thread the agent can act on, not one another agent holds")
    func firstSelectionIsActionable() throws {
        let store = try F.scene()
        try store.claim(threadID: "t1", agent: "bob", now: F.t0)
        let session = try F.session(store)
        #expect(session.state.rows.first?.id == "t1")
        #expect(session.state.selectedRow?.id == "t2")
        #expect(session.state.packet?.threadID == "t2")
    }

    // MARK: Confirmations and the wait

    @Test("transfer and re-queue say what happened, and the customer keeps their original wait")
    func transferAndRequeueConfirmations() throws {
        let clock = F.Clock()
        let store = try F.scene()
        let session = try F.session(store, clock: clock)
        _ = press(session, .character("c"))
        clock.advance(60)
        _ = press(session, .character("t"), .enter)
        type(session, "payments bug")
        _ = press(session, .enter)
        #expect(session.state.activeBanner?.text == "Transferred Marta Núñez to tech, unclaimed: waiting 7m40 (kept), pickup within 10m00")
        #expect(try store.thread(id: "t1")?.summary.queuedAt == F.t0.addingTimeInterval(-400))
        let other = try F.session(store, agent: "bob", clock: clock)
        #expect(other.state.focusedID == "t1")
        _ = press(other, .character("c"), .character("u"), .enter)
        #expect(other.state.activeBanner?.text == "Marta Núñez is back in tech, unclaimed: waiting 7m40 (kept), pickup within 10m00")
        #expect(try store.thread(id: "t1")?.summary.queuedAt == F.t0.addingTimeInterval(-400))
    }

    // MARK: Layout

    @Test("at 200 columns the queue bar shows every queue; narrower, it shortens tiles before dropping any")
    func queueBarFits() throws {
        let store = try F.store()
        let names = BatonConfig.defaultQueues.map(\.name)
        for (index, queue) in names.enumerated() {
            for copy in 0..<3 { try F.handoff(store, id: "\(queue)-\(copy)", customer: "C \(index) \(copy)", queue: queue, waited: 500) }
        }
        _ = try store.sweep(now: F.t0, queues: BatonConfig.defaultQueues)
        let session = try F.session(store, agent: "bob", size: TerminalSize(columns: 200, rows: 60))
        let bar = F.screen(session).split(separator: "\n")[1]
        for name in names { #expect(bar.contains(name), "\(name) missing at 200 columns: \(bar)") }
        #expect(bar.contains("late"), "breaches are counted: \(bar)")
        session.resize(to: TerminalSize(columns: 120, rows: 40))
        let narrow = F.screen(session).split(separator: "\n")[1]
        for name in names { #expect(narrow.contains(String(name.prefix(4))), "\(name) missing at 120 columns: \(narrow)") }
        session.resize(to: TerminalSize(columns: 60, rows: 20))
        let tiny = F.screen(session).split(separator: "\n")[1]
        #expect(tiny.contains("more"), "what does not fit is counted: \(tiny)")
    }

    @Test("the trigger is not drawn in the dimmest style")
    func triggerNotMuted() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 120, rows: 40))
        _ = press(session, .character("j"))
        let buffer = ConsoleRenderer.render(session.state, size: session.state.size)
        let layout = ScreenLayout(size: session.state.size)
        let y = layout.list.y + 1
        let start = try #require((0..<layout.list.width).first { buffer[$0, y].text == "e" && buffer[$0 + 1, y].text == "x" })
        #expect(buffer[start, y].role == .normal)
    }

    @Test("at 80×24 an open composer leaves the customer's last message in view")
    func composerKeepsLastMessage() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 80, rows: 24))
        _ = press(session, .character(" "), .character("r"))
        type(session, "A longer reply that wraps over the width of the composer box, so it takes two lines or even three of them")
        let screen = F.screen(session)
        #expect(screen.contains("I already did. Let me talk to a human please"), "\(screen)")
        #expect(screen.contains("Enter send"))
    }

    @Test("a too-small screen takes no key but q")
    func tooSmallTakesOnlyQuit() throws {
        let store = try F.scene()
        let session = try F.session(store, size: TerminalSize(columns: 40, rows: 12))
        for key: Key in [.character("c"), .character("s"), .character("y"), .enter, .character("x")] { _ = session.handle(key) }
        #expect(session.state.modal == nil)
        #expect(try store.thread(id: "t1")?.summary.state == .queued)
        #expect(session.handle(.character("q")) == [.quit])
    }

    // MARK: Colour

    @Test("without colour, sentiment is a sign and a word; with colour the selected row keeps its sentiment colour")
    func colorless() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 120, rows: 40))
        session.setColorless(true)
        let screen = F.screen(session)
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Marta Núñez") && $0.contains(" - ") }, "negative is -")
        #expect(lines.contains { $0.contains("王小明") && $0.contains(" + ") }, "positive is +")
        #expect(lines.contains { $0.contains("Evil") && $0.contains(" ~ ") }, "neutral is ~")
        #expect(screen.contains("-0.70 negative"))
        #expect(!screen.contains("●"))
    }

    // MARK: Mouse and clipboard

    @Test("a click selects a thread; the wheel moves the list and scrolls the transcript")
    func mouse() throws {
        let session = try F.session(try manyThreads(40), size: TerminalSize(columns: 120, rows: 40))
        let layout = ScreenLayout(size: session.state.size)
        _ = session.handle(MouseEvent(.press, x: 5, y: layout.list.y + 1 + 4))
        #expect(session.state.selection == 4)
        _ = session.handle(MouseEvent(.wheelDown, x: 5, y: layout.list.y + 3))
        #expect(session.state.selection == 7)
        _ = session.handle(MouseEvent(.wheelUp, x: 5, y: layout.list.y + 3))
        #expect(session.state.selection == 4)
        let long = try F.session(try longThread(), size: TerminalSize(columns: 120, rows: 40))
        _ = long.handle(MouseEvent(.wheelUp, x: layout.detail.x + 5, y: layout.detail.y + 20))
        #expect(long.state.transcriptScroll == 3)
        _ = long.handle(MouseEvent(.press, x: layout.detail.x + 5, y: layout.detail.y + 20))
        #expect(long.state.focus == .detail)
    }

    @Test("y puts the suggested reply on the clipboard")
    func copy() throws {
        let session = try F.session(try F.scene())
        #expect(press(session, .character("y")) == [.copy("Hi, I can help with that refund now.")])
    }
}
