import Testing
import Foundation
import BatonCore
import BatonStore
@testable import BatonConsole

@Suite("ConsoleSession: commands reach the real store")
struct ConsoleSessionTests {
    typealias F = ConsoleFixtures

    func press(_ session: ConsoleSession, _ keys: Key...) -> [ConsoleEffect] {
        keys.flatMap { session.handle($0) }
    }

    func type(_ session: ConsoleSession, _ text: String) {
        for character in text { _ = session.handle(.character(character)) }
    }

    @Test("Space jumps to the most urgent waiting thread in the agent's queues")
    func next() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character("G"))
        #expect(session.state.focusedID == "t3")
        _ = press(session, .character(" "))
        #expect(session.state.focusedID == "t1")
        #expect(session.state.selectedRow?.id == "t1")
        #expect(session.state.packet?.threadID == "t1")
    }

    @Test("Space prefers a thread routing suggested for this agent among the most urgent")
    func nextPrefersSuggestion() throws {
        let store = try F.store()
        try F.handoff(store, id: "a", customer: "First", waited: 300)
        try F.handoff(store, id: "b", customer: "For Ana", waited: 100, suggestedAgent: "ana")
        let session = try F.session(store)
        _ = press(session, .character(" "))
        #expect(session.state.focusedID == "b")
    }

    @Test("Most urgent thread to suggested reply sent in three keys: Space, s, y")
    func threeKeys() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("s"), .character("y"))
        let thread = try #require(try store.thread(id: "t1"))
        #expect(thread.summary.state == .claimed)
        #expect(thread.summary.owner == "ana")
        #expect(thread.messages.last?.role == .agent)
        #expect(thread.messages.last?.text == "Hi, I can help with that refund now.")
        let outbox = try store.outbox(afterID: 0, limit: 50, includeDelivered: true).filter { $0.threadID == "t1" }
        #expect(outbox.contains { $0.kind == .agentReply && $0.text == "Hi, I can help with that refund now." })
        #expect(session.state.activeBanner?.text == "Sent the suggested reply to Marta Núñez")
    }

    @Test("The suggested reply names the agent who sends it ({agent} filled)")
    func agentPlaceholder() throws {
        let store = try F.store()
        try F.handoff(store, id: "p1", customer: "Placeholder", suggestedReply: "Hi, I'm {agent} and I'll take it from here.")
        let session = try F.session(store)
        #expect(session.state.packet?.suggestedReply == "Hi, I'm Ana and I'll take it from here.")
        _ = press(session, .character("s"), .enter)
        #expect(try store.thread(id: "p1")?.messages.last?.text == "Hi, I'm Ana and I'll take it from here.")
    }

    @Test("s asks first: n or Esc sends nothing")
    func sendSuggestedCancel() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("s"))
        guard case .confirmation? = session.state.modal else { Issue.record("no confirmation"); return }
        _ = press(session, .character("n"))
        #expect(session.state.modal == nil)
        #expect(try store.thread(id: "t1")?.summary.state == .queued)
    }

    @Test("c claims; a claim lost to another agent shows who won and refreshes")
    func claimAndLostRace() throws {
        let store = try F.scene()
        let ana = try F.session(store)
        _ = press(ana, .character(" "))
        // Bob claims t1 in another process while Ana is reading the packet.
        try store.claim(threadID: "t1", agent: "bob", now: F.t0)
        _ = press(ana, .character("c"))
        #expect(ana.state.activeBanner?.text == "Claimed by bob first")
        #expect(ana.state.activeBanner?.role == .alert)
        #expect(ana.state.packet?.owner == "bob")
        #expect(ana.state.rows.first { $0.id == "t1" }?.owner == "bob")
        _ = press(ana, .character("j"))
        _ = press(ana, .character("c"))
        #expect(try store.thread(id: ana.state.focusedID ?? "")?.summary.owner == "ana")
        #expect(ana.state.activeBanner?.text.hasPrefix("Claimed ") == true)
    }

    @Test("r claims if needed, Tab inserts the suggested reply, Enter sends")
    func replyWithSuggestion() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("r"))
        guard case .composer(let composer)? = session.state.modal else { Issue.record("no composer"); return }
        #expect(composer.purpose == .reply(threadID: "t1"))
        #expect(try store.thread(id: "t1")?.summary.owner == "ana")
        _ = press(session, .tab)
        type(session, " Refund on its way 你好.")
        _ = press(session, .backspace, .enter)
        let last = try #require(try store.thread(id: "t1")?.messages.last)
        #expect(last.role == .agent)
        #expect(last.text == "Hi, I can help with that refund now. Refund on its way 你好")
        #expect(session.state.modal == nil)
    }

    @Test("Keys typed in the composer are text, not commands")
    func composerSwallowsCommandKeys() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("r"))
        let effects = press(session, .character("q"), .character("j"), .character("x"))
        #expect(effects.isEmpty)
        guard case .composer(let composer)? = session.state.modal else { Issue.record("composer closed"); return }
        #expect(composer.text == "qjx")
        _ = press(session, .escape, .character("d"))
        #expect(session.state.modal == nil)
        #expect(try store.thread(id: "t1")?.messages.last?.role == .customer)
    }

    @Test("The composer edits at the cursor: arrows, Home/End, Backspace and Delete")
    func composerCursor() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("c"), .character("i"))
        type(session, "helo wrld")
        _ = press(session, .left, .left, .left)
        type(session, "o")
        _ = press(session, .home)
        type(session, "Oh ")
        _ = press(session, .left, .delete, .end, .backspace)
        type(session, "d!")
        _ = press(session, .left, .left, .left, .right, .left)
        guard case .composer(let composer)? = session.state.modal else { Issue.record("composer closed"); return }
        #expect(composer.text == "Ohhelo world!")
        #expect(composer.cursor == 10)
        _ = press(session, .home, .right, .right)
        type(session, " ")
        _ = press(session, .end, .enter)
        #expect(try store.thread(id: "t1")?.notes.last?.text == "Oh helo world!")
    }

    @Test("Ctrl-E asks the driver for the editor; its text replaces the composer text, sanitized")
    func editor() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "))
        let effects = press(session, .character("E"))
        #expect(effects == [.openEditor(initialText: "Hi, I can help with that refund now.")])
        session.editorFinished(text: "Line one\u{1B}[2J\nline two\n\n")
        guard case .composer(let composer)? = session.state.modal else { Issue.record("no composer"); return }
        #expect(composer.text == "Line one␛[2J\nline two")
        _ = press(session, .enter)
        #expect(try store.thread(id: "t1")?.messages.last?.text == "Line one␛[2J\nline two")
    }

    @Test("a releases to the AI with a note for the bot")
    func release() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("c"), .character("a"))
        type(session, "refund issued, close politely")
        _ = press(session, .enter)
        #expect(try store.thread(id: "t1")?.summary.state == .ai)
        let control = try store.outbox(afterID: 0, limit: 50, includeDelivered: true).last { $0.threadID == "t1" }
        #expect(control?.kind == .releasedToAI)
        #expect(control?.text == "refund issued, close politely")
        #expect(session.state.rows.contains { $0.id == "t1" } == false)
    }

    @Test("i writes an internal note; it needs a claim first")
    func note() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("i"))
        #expect(session.state.modal == nil)
        #expect(session.state.activeBanner?.text.hasPrefix("Claim ") == true)
        _ = press(session, .character("c"), .character("i"))
        type(session, "customer is a journalist")
        _ = press(session, .enter)
        #expect(try store.thread(id: "t1")?.notes.map(\.text) == ["customer is a journalist"])
        #expect(session.state.packet?.transcript.contains { $0.kind == .note && $0.paragraphs == ["customer is a journalist"] } == true)
    }

    @Test("x resolves with the disposition picked")
    func resolve() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("c"), .character("x"), .character("j"), .enter)
        #expect(try store.thread(id: "t1")?.summary.state == .resolved)
        let audit = try store.audit(threadID: "t1", limit: 10)
        #expect(audit.last?.action == .resolve)
        #expect(session.state.activeBanner?.text == "Resolved Marta Núñez as ai could have handled")
    }

    @Test("t transfers to the queue picked, with a fresh pickup window of that queue")
    func transfer() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("c"), .character("t"))
        guard case .picker(let picker)? = session.state.modal else { Issue.record("no picker"); return }
        #expect(picker.values == ["tech"])
        _ = press(session, .enter)
        type(session, "payment gateway bug")
        _ = press(session, .enter)
        let summary = try #require(try store.thread(id: "t1")?.summary)
        #expect(summary.queue == "tech")
        #expect(summary.state == .queued)
        #expect(summary.pickupDeadline == F.t0.addingTimeInterval(600))
    }

    @Test("u gives the thread back to its queue, unclaimed")
    func requeue() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("c"), .character("u"), .enter)
        let summary = try #require(try store.thread(id: "t1")?.summary)
        #expect(summary.state == .queued)
        #expect(summary.owner == nil)
        #expect(summary.pickupDeadline == F.t0.addingTimeInterval(300))
    }

    @Test("Supervisor commands need the supervisor flag; F force-releases with a required reason")
    func supervisor() throws {
        let store = try F.scene()
        try store.claim(threadID: "t1", agent: "bob", now: F.t0)
        let agent = try F.session(store)
        _ = press(agent, .character("S"))
        #expect(agent.state.mode == .agent)
        #expect(agent.state.activeBanner?.text.contains("Supervisor only") == true)

        let lead = try F.session(store, agent: "sue", supervisor: true)
        _ = press(lead, .character("S"))
        #expect(lead.state.mode == .supervisor)
        #expect(lead.state.supervisor?.agents.first { $0.id == "bob" }?.holding == ["Marta Núñez"])
        #expect(lead.state.selectedRow?.id == "t1")
        _ = press(lead, .character("F"), .enter)
        #expect(lead.state.activeBanner?.text.hasPrefix("Nothing written") == true)
        type(lead, "agent left for the day")
        _ = press(lead, .enter)
        #expect(try store.thread(id: "t1")?.summary.state == .ai)
        #expect(try store.audit(threadID: "t1", limit: 5).last?.reason == "agent left for the day")
    }

    @Test("R reassigns to the agent picked, with a reason")
    func reassign() throws {
        let store = try F.scene()
        let lead = try F.session(store, agent: "sue", supervisor: true)
        _ = press(lead, .character("S"), .character("R"))
        guard case .picker(let picker)? = lead.state.modal else { Issue.record("no picker"); return }
        let bob = try #require(picker.values.firstIndex(of: "bob"))
        for _ in 0..<bob { _ = press(lead, .character("j")) }
        _ = press(lead, .enter)
        type(lead, "Bob knows this customer")
        _ = press(lead, .enter)
        #expect(try store.thread(id: "t1")?.summary.owner == "bob")
    }

    @Test("v cycles the list: my queues, threads I hold (any queue), all queues, live AI, callbacks")
    func scopes() throws {
        let store = try F.scene()
        try store.claim(threadID: "t1", agent: "ana", now: F.t0)
        // A supervisor gives Ana a tech thread, outside her queues.
        try store.reassign(threadID: "t4", supervisor: "sue", toAgent: "ana", reason: "covering", now: F.t0)
        let session = try F.session(store)
        #expect(session.state.rows.map(\.id) == ["t1", "t2", "t3"])
        _ = press(session, .character("v"))
        #expect(session.state.scope == .mine)
        #expect(Set(session.state.rows.map(\.id)) == ["t1", "t4"])
        _ = press(session, .character("v"))
        #expect(session.state.scope == .allQueues)
        #expect(session.state.totalRows == 4)
        _ = press(session, .character("v"))
        #expect(session.state.scope == .liveAI)
        _ = press(session, .character("v"))
        #expect(session.state.scope == .callbacks)
        _ = press(session, .character("v"))
        #expect(session.state.scope == .myQueues)
    }

    @Test("A change by another process appears on the next poll")
    func pollSeesOtherProcesses() throws {
        let store = try F.scene()
        let session = try F.session(store)
        #expect(session.state.rows.first { $0.id == "t1" }?.owner == nil)
        try store.claim(threadID: "t1", agent: "bob", now: F.t0)
        _ = session.poll()
        #expect(session.state.rows.first { $0.id == "t1" }?.owner == "bob")
        #expect(session.state.packet?.owner == "bob")
    }

    @Test("A new thread in the agent's queue rings the bell and shows a banner; other queues do not")
    func paging() throws {
        let store = try F.scene()
        let session = try F.session(store)
        try F.handoff(store, id: "t9", customer: "Other Queue", queue: "tech")
        #expect(session.poll().contains(.bell) == false)
        try F.handoff(store, id: "t5", customer: "New Customer", waited: 0)
        let effects = session.poll()
        #expect(effects == [.bell])
        #expect(session.state.activeBanner?.text == "New in billing: New Customer (explicit) · p opens it · 4 waiting")
        #expect(session.state.activeBanner?.role == .banner)
        #expect(session.poll().isEmpty)
    }

    @Test("Queue counts refresh at most once per interval on changes by others; the list at once")
    func countsThrottle() throws {
        let store = try F.scene()
        let session = try F.session(store, countsInterval: 3600)
        #expect(session.state.queues.first { $0.name == "billing" }?.waiting == 3)
        try F.handoff(store, id: "t5", customer: "New Customer")
        _ = session.poll()
        #expect(session.state.rows.contains { $0.id == "t5" })
        #expect(session.state.queues.first { $0.name == "billing" }?.waiting == 3)
        // The agent's own action refreshes the counts at once.
        _ = session.handle(.character("c"))
        #expect(session.state.queues.first { $0.name == "billing" }?.waiting == 3)
        #expect(session.state.queues.first { $0.name == "billing" }?.claimed == 1)
    }

    @Test("Suggestions waiting before the console opened do not page when they scroll or resize into view")
    func oldSuggestionsAreNotNews() throws {
        let store = try F.store()
        for index in 0..<30 { try F.handoff(store, id: "o\(index)", customer: "Old \(index)", waited: 100 + Double(index), suggestedAgent: "ana") }
        let session = try F.session(store, size: TerminalSize(columns: 80, rows: 24))
        _ = session.poll()
        session.resize(to: TerminalSize(columns: 120, rows: 60))
        #expect(session.poll().isEmpty)
        _ = session.handle(.character("G"))
        #expect(session.poll().isEmpty)
        #expect(session.state.activeBanner == nil || session.state.activeBanner?.role != .banner)
    }

    @Test("A thread suggested to the agent pages them by name")
    func pagingSuggestion() throws {
        let store = try F.scene()
        let session = try F.session(store)
        try F.handoff(store, id: "t6", customer: "Routed To Ana", waited: 0, suggestedAgent: "ana")
        #expect(session.poll() == [.bell])
        #expect(session.state.activeBanner?.text == "Suggested for you: Routed To Ana in billing · p opens it")
    }

    @Test("Only the visible page is read; moving past it reads the next page")
    func paging100() throws {
        let store = try F.store()
        for index in 0..<100 {
            try F.handoff(store, id: String(format: "p%03d", index), customer: "Customer \(index)", waited: TimeInterval(1000 - index))
        }
        let session = try F.session(store, size: TerminalSize(columns: 80, rows: 24))
        let visible = ScreenLayout(size: session.state.size).listRows
        #expect(session.state.totalRows == 100)
        #expect(session.state.rows.count == visible)
        for _ in 0..<visible { _ = press(session, .character("j")) }
        #expect(session.state.listOffset == 1)
        #expect(session.state.selectedRow?.id == String(format: "p%03d", visible))
        _ = press(session, .character("G"))
        #expect(session.state.selectedRow?.id == "p099")
        #expect(session.state.rows.count == visible)
        #expect(session.state.listOffset == 100 - visible)
    }

    @Test("Resizing changes the page size")
    func resize() throws {
        let store = try F.store()
        for index in 0..<50 { try F.handoff(store, id: "r\(index)", customer: "C\(index)", waited: TimeInterval(100 + index)) }
        let session = try F.session(store, size: TerminalSize(columns: 80, rows: 24))
        let small = session.state.rows.count
        session.resize(to: TerminalSize(columns: 120, rows: 50))
        #expect(session.state.rows.count == ScreenLayout(size: session.state.size).listRows)
        #expect(session.state.rows.count > small)
    }

    @Test("q quits; ? opens help and Esc closes it without quitting")
    func quitAndHelp() throws {
        let session = try F.session(try F.scene())
        #expect(press(session, .character("?")).isEmpty)
        #expect(session.state.overlay == .help(scroll: 0))
        #expect(press(session, .escape).isEmpty)
        #expect(session.state.overlay == nil)
        #expect(press(session, .character("q")) == [.quit])
    }

    @Test("An unknown agent is refused with the known ones listed")
    func unknownAgent() throws {
        let store = try F.scene()
        #expect(throws: ConsoleError.unknownAgent("zed", known: ["ana", "bob", "sue"])) { try F.session(store, agent: "zed") }
    }
}

@Suite("ConsoleStats: supervisor figures from Core's HandoffStats")
struct ConsoleStatsTests {
    @Test("Today's figures come from the store's metric facts, hourly series up to the current hour")
    func today() throws {
        let store = try ConsoleFixtures.scene()
        try store.claim(threadID: "t1", agent: "ana", now: ConsoleFixtures.t0.addingTimeInterval(20))
        let stats = try #require(try ConsoleStats.today(from: store)(ConsoleFixtures.t0.addingTimeInterval(30)))
        #expect(stats.handoffRate == 1)
        #expect(stats.medianTimeToPickup == 420)
        #expect(stats.handoffsPerHour.count == 11)
        #expect(stats.handoffsPerHour.reduce(0, +) == 4)
        #expect(stats.csat == nil)
    }

    @Test("A supervisor can start in the supervisor view; an agent cannot")
    func startView() throws {
        let store = try ConsoleFixtures.scene()
        let lead = try ConsoleFixtures.session(store, agent: "sue", supervisor: true)
        lead.showSupervisorView()
        #expect(lead.state.mode == .supervisor)
        let agent = try ConsoleFixtures.session(store)
        agent.showSupervisorView()
        #expect(agent.state.mode == .agent)
        #expect(ConsoleOptions(agent: "sue", supervisor: true, store: store, queues: []).startInSupervisorView)
        #expect(!ConsoleOptions(agent: "ana", supervisor: false, startInSupervisorView: true, store: store, queues: []).startInSupervisorView)
    }
}
