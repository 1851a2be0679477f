import Foundation
import Testing
import BatonCore
import BatonStore
@testable import BatonConsole

/// Agent-to-agent transfer in the console: `T` offers with a note, the receiver is told, sees the offer and the
/// note in the packet, and answers with `O` or `D`; the offering agent hears the answer.
@Suite struct ConsoleTransferOfferTests {
    let t0 = ConsoleFixtures.t0

    func type(_ session: ConsoleSession, _ text: String) {
        for character in text { _ = session.handle(.character(character)) }
    }

    /// Ana holds Marta Núñez (t1) and offers her to Bob with a note.
    func offered() throws -> (store: SQLiteHandoffStore, ana: ConsoleSession, clock: ConsoleFixtures.Clock) {
        let store = try ConsoleFixtures.scene()
        try store.claim(threadID: "t1", agent: "ana", now: t0)
        let clock = ConsoleFixtures.Clock()
        let ana = try ConsoleFixtures.session(store, clock: clock)
        try ana.open("t1")
        _ = ana.handle(.character("T"))
        guard case .picker(let picker)? = ana.state.modal else { Issue.record("no agent picker"); return (store, ana, clock) }
        // Bob can work billing; Sue (tech only) is listed after him, marked.
        #expect(picker.values.first == "bob")
        #expect(picker.warnings[picker.values.firstIndex(of: "sue") ?? 0] == "no billing skill")
        _ = ana.handle(.enter)
        type(ana, "Refund approved; waiting for the bank reference")
        _ = ana.handle(.enter)
        #expect(ana.state.modal == nil)
        #expect(ConsoleFixtures.screen(ana).contains("Offered Marta Núñez to bob; it stays yours until they answer (2m"))
        return (store, ana, clock)
    }

    @Test func theReceiverIsToldSeesTheOfferAndTheNoteAndAcceptsWithOneKey() throws {
        let (store, ana, clock) = try offered()
        clock.advance(20)
        let bob = try ConsoleFixtures.session(store, agent: "bob", clock: clock)
        var screen = ConsoleFixtures.screen(bob)
        #expect(screen.contains("O accept, D decline · ana offers you Marta Núñez (billing), answer within 2m: Refund approved"))
        let row = try #require(screen.split(separator: "\n").first { $0.contains("Marta Núñez") && $0.contains("OFFER ana") })
        #expect(!row.isEmpty)
        try bob.open("t1")
        screen = ConsoleFixtures.screen(bob)
        #expect(screen.contains("Offer Offered to you by ana · 1:40 left · O accept, D decline"))
        #expect(screen.contains("Note  Refund approved; waiting for the bank reference"))
        #expect(KeyMap.standard.helpLines().contains { $0.contains("O") && $0.contains("accept the thread offered to you") })

        _ = bob.handle(.character("O"))
        #expect(try store.thread(id: "t1")?.summary.owner == "bob")
        #expect(ConsoleFixtures.screen(bob).contains("Marta Núñez is yours; ana's note is in the packet"))
        // Ana's console says where her thread went.
        _ = ana.poll()
        #expect(ConsoleFixtures.screen(ana).contains("bob accepted Marta Núñez, as you offered"))
    }

    @Test func anOfferThatLapsedBeforeTheReceiverLooksIsToldWithoutTheKeysToAnswerIt() throws {
        let (store, ana, clock) = try offered()
        // Ana gives the thread back to the queue before Bob opens his console: the offer lapses.
        _ = ana
        try store.release(threadID: "t1", agent: "ana", note: "", now: clock.now)
        #expect(try store.openOffer(threadID: "t1", now: clock.now) == nil)
        let bob = try ConsoleFixtures.session(store, agent: "bob", clock: clock)
        let screen = ConsoleFixtures.screen(bob)
        #expect(screen.contains("ana offers you Marta Núñez (billing)"))
        #expect(!screen.contains("O accept, D decline"))
    }

    @Test func aDeclineGivesTheThreadBackToTheQueueAndTheOfferingAgentIsTold() throws {
        let (store, ana, clock) = try offered()
        let bob = try ConsoleFixtures.session(store, agent: "bob", clock: clock)
        try bob.open("t1")
        _ = bob.handle(.character("D"))
        let summary = try #require(try store.thread(id: "t1")?.summary)
        #expect(summary.state == .queued && summary.owner == nil)
        #expect(ConsoleFixtures.screen(bob).contains("Declined Marta Núñez; back in billing, in its place, and ana is told"))
        _ = ana.poll()
        #expect(ConsoleFixtures.screen(ana).contains("bob declined Marta Núñez; it is back in billing, in its place"))
        // The note stays for whoever claims it next.
        #expect(try store.thread(id: "t1")?.notes.map(\.text) == ["Transfer note (offered to bob): Refund approved; waiting for the bank reference"])
    }

    @Test func anOfferNobodyAnswersReturnsAtTheTimeoutAndTheOfferingAgentIsTold() throws {
        let (store, ana, clock) = try offered()
        clock.advance(119)
        #expect(try store.sweep(now: clock.now, queues: ConsoleFixtures.queues).offersExpired.isEmpty)
        clock.advance(1)
        #expect(try store.sweep(now: clock.now, queues: ConsoleFixtures.queues).offersExpired == ["t1"])
        _ = ana.poll()
        #expect(ConsoleFixtures.screen(ana).contains("bob did not answer your offer of Marta Núñez within 2m; it is back in billing, in its place"))
        #expect(try store.thread(id: "t1")?.summary.state == .queued)
    }

    @Test func nothingOfferedAndAnUnfitChoiceAreSaidPlainly() throws {
        let store = try ConsoleFixtures.scene()
        try store.claim(threadID: "t1", agent: "ana", now: t0)
        let bob = try ConsoleFixtures.session(store, agent: "bob")
        _ = bob.handle(.character("O"))
        #expect(ConsoleFixtures.screen(bob).contains("Nothing is offered to you right now"))
        let ana = try ConsoleFixtures.session(store)
        try ana.open("t1")
        _ = ana.handle(.character("T"))
        guard case .picker(let picker)? = ana.state.modal else { Issue.record("no agent picker"); return }
        while ana.state.modal.map({ if case .picker(let p) = $0 { p.values[p.selected] != "sue" } else { false } }) == true {
            _ = ana.handle(.character("j"))
        }
        #expect(picker.values.contains("sue"))
        _ = ana.handle(.enter)
        type(ana, "tech question")
        _ = ana.handle(.enter)
        #expect(ConsoleFixtures.screen(ana).contains("Cannot offer the thread to sue: no billing skill"))
        #expect(try store.openOffers(toAgent: nil, now: t0).isEmpty)
    }

    @Test func capturedConversationsAreListedFirstWhenTheQueueOpens() throws {
        let store = try ConsoleFixtures.scene()
        // Written at night (low priority, after hours), then the queue opened at t0.
        _ = try store.record(Conversation(id: "n1", customer: Customer(id: "cust-n1", name: "Night Nora", language: "en"),
                                          messages: [Message(role: .customer, text: "my card was charged twice", at: t0.addingTimeInterval(-36_000))]),
                             now: t0.addingTimeInterval(-36_000))
        var request = HandoffRequest(threadID: "n1", queue: "billing", priority: .low, packet: StoreFixturesPacket.packet("n1"),
                                     afterHours: true, pickupDeadline: t0.addingTimeInterval(300), customerMessage: "We open at 10:00.")
        request.nobodyOnShift = false
        try store.handoff(request, now: t0.addingTimeInterval(-36_000))
        _ = try store.sweep(now: t0, queues: ConsoleFixtures.queues)
        let ana = try ConsoleFixtures.session(store)
        let rows = ana.state.rows.map(\.id)
        // Nora, low priority, is ahead of Marta (high) who arrived later.
        #expect(rows.first == "n1")
        #expect(rows.firstIndex(of: "n1")! < rows.firstIndex(of: "t1")!)
        let lines = ConsoleFixtures.screen(ana).split(separator: "\n")
        let nora = try #require(lines.firstIndex { $0.contains("Night Nora") })
        let marta = try #require(lines.firstIndex { $0.contains("Marta Núñez") })
        #expect(nora < marta)
    }
}

/// A minimal packet for threads the console fixtures do not build.
enum StoreFixturesPacket {
    static func packet(_ id: String) -> ContextPacket {
        ContextPacket(
            conversationID: id, builtAt: ConsoleFixtures.t0, summary: ["Charged twice"],
            primary: FiredTrigger(kind: .explicitRequest, message: 0, reason: "asked for a person", rule: "explicit_request/en"),
            otherTriggers: [], intent: "refund", confidence: 0.5,
            sentiment: SentimentReading(current: -0.2, trajectory: [-0.2]), aiTried: AIAttempts(answers: []),
            profile: CustomerProfile(id: "cust-\(id)", name: "Night Nora", channel: .webchat, language: "en", tier: "", ltv: nil,
                                     tags: [], priorContacts: [], openHandoffs: 0),
            recommendedAction: "", suggestedReply: "", transcript: [], whatsappWindow: nil, queue: "billing", priority: .low)
    }
}
