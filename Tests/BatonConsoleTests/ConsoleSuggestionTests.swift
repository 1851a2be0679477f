import BatonCore
import BatonStore
import Foundation
import Testing
@testable import BatonConsole

/// Collaborative mode in the console: the AI's suggestions under the packet, `A` into the composer.
@Suite struct ConsoleSuggestionTests {
    typealias F = ConsoleFixtures

    func composerText(_ session: ConsoleSession) -> String? {
        guard case .composer(let composer)? = session.state.modal else { return nil }
        return composer.text
    }

    @Test func theLatestSuggestionsShowUnderThePacketAndAPutsTheLatestIntoTheComposer() throws {
        let store = try F.store()
        try F.handoff(store, id: "t1", customer: "Rui")
        try store.addSuggestion(Suggestion(kind: .article, text: "", title: "Refund times", url: "https://help.example/refunds"), threadID: "t1", now: F.t0)
        try store.addSuggestion(Suggestion(kind: .fact, text: "$49.99 \u{1B}[2J", title: "refund amount"), threadID: "t1", now: F.t0)
        let session = try F.session(store)
        let screen = F.screen(session)
        #expect(screen.contains("AI    fact · refund amount: $49.99 ␛[2J"), "\(screen)")
        #expect(screen.contains("article · Refund times https://help.example/refunds"), "\(screen)")
        #expect(!screen.contains("\u{1B}"))

        _ = session.handle(.character("A"))
        #expect(composerText(session) == "refund amount: $49.99 ␛[2J")
        // Claimed for the agent, as r does; nothing was sent.
        #expect(try store.thread(id: "t1")?.summary.owner == "ana")
        #expect(try store.events(threadID: "t1", afterSequence: 0, limit: 100).allSatisfy { $0.kind != .agentReply })
    }

    @Test func withoutSuggestionsAExplainsAndTheHelpListsIt() throws {
        let store = try F.store()
        try F.handoff(store, id: "t1", customer: "Rui")
        let session = try F.session(store)
        _ = session.handle(.character("A"))
        #expect(session.state.modal == nil)
        #expect(F.screen(session).contains("The AI has not suggested anything on this thread"))
        _ = session.handle(.character("?"))
        #expect(F.screen(session).contains("the AI's latest suggestion into the reply"))
    }
}
