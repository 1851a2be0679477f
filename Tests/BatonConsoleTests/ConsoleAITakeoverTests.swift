import Foundation
import Testing
import BatonCore
import BatonStore
@testable import BatonConsole

/// The live-AI scope: watching conversations the AI holds and taking one over with one key.
@Suite struct ConsoleAITakeoverTests {
    let t0 = ConsoleFixtures.t0

    func record(_ store: SQLiteHandoffStore, id: String, name: String, confidence: Double, at: Date) throws {
        _ = try store.record(Conversation(id: id, channel: .webchat, customer: Customer(id: "cust-\(id)", name: name, language: "en"), messages: [
            Message(role: .customer, text: "where is my parcel 4411", at: at),
            Message(role: .ai, text: "It should arrive on Friday.", at: at, confidence: confidence),
        ]), now: at)
    }

    func liveAI(_ session: ConsoleSession) {
        while session.state.scope != .liveAI { _ = session.handle(.character("v")) }
    }

    @Test func theScopeListsAIConversationsMostRecentFirstWithTheNearestMiss() throws {
        let store = try ConsoleFixtures.scene()
        try record(store, id: "ai-old", name: "Olga Old", confidence: 0.95, at: t0.addingTimeInterval(-600))
        try record(store, id: "ai-new", name: "Nina New", confidence: 0.52, at: t0.addingTimeInterval(-60))
        try record(store, id: "ai-evil", name: ConsoleFixtures.hostileName, confidence: 0.9, at: t0.addingTimeInterval(-300))
        let session = try ConsoleFixtures.session(store, size: TerminalSize(columns: 170, rows: 40))
        liveAI(session)
        #expect(session.state.rows.map(\.id) == ["ai-new", "ai-evil", "ai-old"])
        let screen = ConsoleFixtures.screen(session)
        #expect(screen.contains("live AI"))
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("Nina New") && $0.contains("confidence 0.52, one more low reply hands off") }, "\(screen)")
        #expect(lines.contains { $0.contains("Olga Old") && $0.contains("sentiment steady") }, "\(screen)")
        #expect(!screen.contains("\u{1B}"))
        // The packet panel of a watched conversation says how close the engine is and how to step in.
        #expect(session.state.packet?.triggerReason == "confidence 0.52, one more low reply hands off")
        // The packet's first line names what is known, with no empty field for the tier the AI never set.
        #expect(lines.contains { $0.contains("Nina New · webchat · en") }, "\(screen)")
        #expect(!screen.contains("·  ·"), "\(screen)")
    }

    @Test func claimingAWatchedConversationTakesItOverFromTheAI() throws {
        let store = try ConsoleFixtures.scene()
        try record(store, id: "ai-new", name: "Nina New", confidence: 0.52, at: t0.addingTimeInterval(-60))
        let session = try ConsoleFixtures.session(store)
        liveAI(session)
        #expect(session.state.packet?.threadID == "ai-new")
        _ = session.handle(.character("c"))
        let thread = try #require(try store.thread(id: "ai-new"))
        #expect(thread.summary.state == .claimed && thread.summary.owner == "ana")
        #expect(thread.packet?.primary.kind == .agentTakeover)
        let events = try store.outbox(afterID: 0, limit: 100, includeDelivered: true).filter { $0.threadID == "ai-new" }
        #expect(events.map(\.kind) == [.claimed, .agentIntroduction])
        #expect(events.allSatisfy { $0.actor == "ana" })
        // The agent now sees it among their own threads, focused.
        #expect(session.state.scope == .mine)
        #expect(session.state.packet?.threadID == "ai-new")
        #expect(session.state.banner?.text == "Took over Nina New from the AI")
    }
}
