import Testing
import Foundation
import BatonCore
import BatonStore
@testable import BatonConsole

/// Nothing an agent writes is lost: drafts live in the store, closing asks, and a thread taken away
/// is announced while the text stays.
@Suite("Console: drafts and threads taken away")
struct ConsoleDraftTests {
    typealias F = ConsoleFixtures

    func press(_ session: ConsoleSession, _ keys: Key...) -> [ConsoleEffect] {
        keys.flatMap { session.handle($0) }
    }

    func type(_ session: ConsoleSession, _ text: String) {
        for character in text { _ = session.handle(.character(character)) }
    }

    func composerText(_ session: ConsoleSession) -> String? {
        guard case .composer(let composer)? = session.state.modal else { return nil }
        return composer.text
    }

    /// A reply being written to t1, three lines long (from the editor), by Ana.
    func writing(_ store: SQLiteHandoffStore, clock: F.Clock = F.Clock()) throws -> ConsoleSession {
        let session = try F.session(store, clock: clock)
        _ = press(session, .character(" "), .character("r"))
        session.editorFinished(text: "First line\nsecond line\nthird line\n")
        return session
    }

    @Test("Esc on a draft asks; k keeps it in the store, d discards it, Esc goes back to writing")
    func escAsks() throws {
        let store = try F.scene()
        let session = try writing(store)
        _ = press(session, .escape)
        guard case .confirmation(let question)? = session.state.modal else { Issue.record("Esc closed without asking"); return }
        #expect(question.question == "Reply to Marta Núñez: keep your draft (3 lines) for later?")
        #expect(F.screen(session).contains("k/Enter keep the draft for later · d discard the draft · Esc back to writing"))
        _ = press(session, .escape)
        #expect(composerText(session) == "First line\nsecond line\nthird line")
        _ = press(session, .escape, .character("k"))
        #expect(session.state.modal == nil)
        #expect(try store.draft(threadID: "t1", agent: "ana", kind: .reply)?.text == "First line\nsecond line\nthird line")
        _ = press(session, .character("r"))
        #expect(composerText(session) == "First line\nsecond line\nthird line")
        #expect(session.state.activeBanner?.text.hasPrefix("Your reply draft is back") == true)
        _ = press(session, .escape, .character("d"))
        #expect(try store.draft(threadID: "t1", agent: "ana", kind: .reply) == nil)
        _ = press(session, .character("r"))
        #expect(composerText(session) == "")
        _ = press(session, .escape)
        #expect(session.state.modal == nil, "an empty composer closes without asking")
    }

    @Test("the draft reaches the store within a poll, so a crash or another console finds it")
    func savedAsTyped() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("r"))
        for character in "Checking your order" { _ = session.handle(.character(character)) }
        _ = session.poll()
        #expect(try store.draft(threadID: "t1", agent: "ana", kind: .reply)?.text == "Checking your order")
        // The same agent in another terminal: the reply opens with the draft.
        let elsewhere = try F.session(store)
        _ = press(elsewhere, .character("r"))
        #expect(composerText(elsewhere) == "Checking your order")
        // Sending clears it.
        _ = press(session, .enter)
        #expect(try store.draft(threadID: "t1", agent: "ana", kind: .reply) == nil)
        #expect(try store.thread(id: "t1")?.messages.last?.text == "Checking your order")
    }

    @Test("a reassignment while writing is announced; Enter then keeps the composer and the draft")
    func reassignedWhileWriting() throws {
        let store = try F.scene()
        let session = try writing(store)
        try store.reassign(threadID: "t1", supervisor: "sue", toAgent: "bob", reason: "Bob knows them", now: F.t0)
        _ = session.poll()
        #expect(session.state.activeBanner?.text == "sue reassigned Marta Núñez to bob: Bob knows them; your draft is kept (Esc closes it)")
        #expect(session.state.activeBanner?.role == .alert)
        _ = press(session, .enter)
        #expect(composerText(session) == "First line\nsecond line\nthird line", "the text is still there after the refused send")
        #expect(session.state.activeBanner?.text.contains("bob") == true)
        #expect(try store.draft(threadID: "t1", agent: "ana", kind: .reply)?.text == "First line\nsecond line\nthird line")
        #expect(try store.thread(id: "t1")?.messages.last?.role == .customer)
    }

    @Test("force-release and expiry are announced from the audit trail")
    func takenAway() throws {
        let store = try F.scene()
        let session = try F.session(store)
        _ = press(session, .character(" "), .character("c"))
        try store.forceRelease(threadID: "t1", supervisor: "sue", reason: "customer called in", now: F.t0)
        _ = session.poll()
        #expect(session.state.activeBanner?.text == "sue force-released Marta Núñez to the AI: customer called in")
        _ = press(session, .character(" "), .character("c"))
        let claimed = try #require(session.state.focusedID)
        let customer = try #require(session.state.packet?.customer)
        _ = try store.sweep(now: F.t0.addingTimeInterval(100_000), queues: F.queues)
        _ = session.poll()
        #expect(session.state.activeBanner?.text.hasPrefix("\(customer) expired off your list") == true, "\(claimed)")
        // What the agent gives up themselves is not news.
        _ = press(session, .character(" "), .character("c"), .character("a"), .enter)
        #expect(session.state.activeBanner?.text.hasPrefix("Released") == true)
    }

    @Test("Ctrl-C while writing asks first (the draft is saved); otherwise it quits")
    func ctrlC() throws {
        let store = try F.scene()
        let session = try writing(store)
        #expect(!session.interrupted(by: SIGINT))
        guard case .confirmation(let question)? = session.state.modal else { Issue.record("no question"); return }
        #expect(question.question.hasPrefix("Quit Baton? Your draft is saved"))
        #expect(try store.draft(threadID: "t1", agent: "ana", kind: .reply)?.text == "First line\nsecond line\nthird line")
        _ = press(session, .character("n"))
        #expect(composerText(session) == "First line\nsecond line\nthird line")
        #expect(!session.interrupted(by: SIGINT))
        #expect(press(session, .character("y")) == [.quit])
        // SIGTERM does not ask, but the draft is saved.
        let other = try writing(store)
        #expect(other.interrupted(by: SIGTERM))
        let idle = try F.session(store)
        #expect(idle.interrupted(by: SIGINT), "nothing being written: Ctrl-C quits")
    }
}

@Suite("Console: the supervisor's view of breaches and reassignments")
struct ConsoleSupervisorTests {
    typealias F = ConsoleFixtures

    @Test("a breach while watching rings and shows a banner; the late counter counts breaches")
    func breachBanner() throws {
        let store = try F.scene()
        let clock = F.Clock()
        let session = try F.session(store, agent: "sue", supervisor: true, clock: clock, stats: F.stats)
        session.showSupervisorView()
        _ = session.poll()
        _ = try store.sweep(now: F.t0, queues: F.queues)
        let effects = session.poll()
        #expect(effects.contains(.bell))
        #expect(session.state.activeBanner?.text == "Breach: Marta Núñez in billing missed pickup, level 1")
        let screen = F.screen(session)
        #expect(screen.contains("billing     3 waiting"))
        #expect(screen.contains("· 1 late"), "\(screen)")
        #expect(screen.contains("Breaches (24 h): 1"))
        #expect(session.poll().isEmpty, "each breach once")
    }

    @Test("the breaches panel shows its total and scrolls with Tab, j/k and PgDn")
    func breachPanelScrolls() throws {
        let store = try F.store()
        for index in 0..<40 {
            try F.handoff(store, id: "b\(index)", customer: "Breached \(index)", waited: 1_000 + Double(index))
        }
        _ = try store.sweep(now: F.t0, queues: F.queues)
        let session = try F.session(store, agent: "sue", supervisor: true, size: TerminalSize(columns: 120, rows: 40))
        session.showSupervisorView()
        let first = F.screen(session)
        #expect(first.contains("Breaches (24 h): 40 · 1–"), "\(first)")
        _ = session.handle(.tab)
        _ = session.handle(.character("5"))
        _ = session.handle(.character("j"))
        #expect(session.state.escalationScroll == 5)
        #expect(F.screen(session).contains("· 6–"))
        _ = session.handle(.pageDown)
        #expect(session.state.escalationScroll > 5)
        _ = session.handle(.character("G"))
        #expect(session.state.escalationScroll == 39)
        _ = session.handle(.character("g"))
        #expect(session.state.escalationScroll == 0)
        _ = session.handle(.tab)
        #expect(session.state.focus == .list)
    }

    @Test("reassign lists fit agents first and marks the others; choosing one is an override the audit records")
    func reassignRespectsSkillsAndCapacity() throws {
        let store = try F.store(agents: [
            Agent(id: "ana", name: "Ana", skills: ["billing"]),
            Agent(id: "full", name: "Full", skills: ["billing"], capacity: 1),
            Agent(id: "sue", name: "Sue", skills: ["tech"]),
            Agent(id: "lead", name: "Lead", skills: []),
        ])
        try F.handoff(store, id: "t1", customer: "Marta Núñez")
        try F.handoff(store, id: "t9", customer: "Other")
        try store.claim(threadID: "t9", agent: "full", now: F.t0)
        try store.claim(threadID: "t1", agent: "ana", now: F.t0)
        let session = try F.session(store, agent: "lead", supervisor: true)
        session.showSupervisorView()
        #expect(session.state.focusedID == "t1")
        _ = session.handle(.character("R"))
        guard case .picker(let picker)? = session.state.modal else { Issue.record("no picker"); return }
        #expect(picker.values == ["full", "lead", "sue"], "fit agents first (none here), then the others")
        #expect(picker.warnings[picker.values.firstIndex(of: "lead")!] == "no billing skill")
        #expect(picker.warnings[picker.values.firstIndex(of: "sue")!] == "no billing skill")
        #expect(picker.warnings[picker.values.firstIndex(of: "full")!] == "at capacity 1/1")
        #expect(F.screen(session).contains("⚠ no billing skill"))
        let sue = try #require(picker.values.firstIndex(of: "sue"))
        for _ in 0..<sue { _ = session.handle(.character("j")) }
        _ = session.handle(.enter)
        guard case .composer(let composer)? = session.state.modal else { Issue.record("no reason asked"); return }
        #expect(composer.title == "Reassign to sue, overriding (no billing skill): reason (required)")
        for character in "only one on shift" { _ = session.handle(.character(character)) }
        _ = session.handle(.enter)
        #expect(try store.thread(id: "t1")?.summary.owner == "sue")
        #expect(try store.audit(threadID: "t1", limit: 1).last?.reason == "to sue: override (no billing skill): only one on shift")
        #expect(session.state.activeBanner?.text == "Reassigned Marta Núñez to sue (override: no billing skill)")
    }
}
