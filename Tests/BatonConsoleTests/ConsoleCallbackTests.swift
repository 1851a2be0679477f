import Foundation
import Testing
import BatonCore
import BatonStore
@testable import BatonConsole

/// The callbacks scope: promised calls, due first, overdue highlighted.
@Suite struct ConsoleCallbackTests {
    let t0 = ConsoleFixtures.t0

    func promise(_ store: SQLiteHandoffStore, id: String, customer: String, due: TimeInterval) throws {
        _ = try store.record(Conversation(id: id, customer: Customer(id: "cust-\(id)", name: customer, language: "en"),
                                          messages: [Message(role: .customer, text: "call me tomorrow at 4", at: t0)]), now: t0)
        let conversation = try #require(try store.conversation(id: id))
        let packet = try #require(TakeoverPlanner(config: BatonConfig()).request(conversation: conversation, agent: "ana", now: t0)?.packet)
        var request = HandoffRequest(threadID: id, queue: "billing", priority: .medium, packet: packet,
                                     afterHours: true, pickupDeadline: t0.addingTimeInterval(300), customerMessage: "We'll call you back.")
        request.callbackAt = t0.addingTimeInterval(due)
        try store.handoff(request, now: t0)
    }

    @Test func theCallbacksScopeListsDueFirstAndHighlightsOverdue() throws {
        let store = try ConsoleFixtures.scene()
        try promise(store, id: "cb-later", customer: "Later Larry", due: 3_600)
        try promise(store, id: "cb-over", customer: "Overdue Olga", due: -300)
        let session = try ConsoleFixtures.session(store)
        while session.state.scope != .callbacks { _ = session.handle(.character("v")) }
        #expect(session.state.rows.map(\.id) == ["cb-over", "cb-later"])
        let buffer = ConsoleRenderer.render(session.state, size: session.state.size)
        let text = buffer.text
        #expect(text.contains("callbacks"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let overdue = try #require(lines.firstIndex { $0.contains("Overdue Olga") && $0.contains("billing") })
        let later = try #require(lines.firstIndex { $0.contains("Later Larry") && $0.contains("billing") })
        #expect(overdue < later)
        #expect(lines[overdue].contains("-5:00"))
        #expect(lines[later].contains("1h"))
        // The overdue countdown is drawn as an alert; the later one is not.
        func countdownRole(_ y: Int, _ text: String, in buffer: ScreenBuffer) -> StyleRole? {
            let glyphs = text.map(String.init)
            for x in 0..<(buffer.width - glyphs.count) where (0..<glyphs.count).allSatisfy({ buffer[x + $0, y].text == glyphs[$0] }) {
                return buffer[x, y].role
            }
            return nil
        }
        // (The selected row takes the selection's look, so each is checked while the other is selected.)
        #expect(session.state.selection == 0)
        #expect(countdownRole(later, "1h", in: buffer) == .normal)
        _ = session.handle(.character("j"))
        #expect(countdownRole(overdue, "-5:00", in: ConsoleRenderer.render(session.state, size: session.state.size)) == .alert)
        // With nothing promised the scope says so.
        let empty = try ConsoleFixtures.session(try ConsoleFixtures.scene())
        while empty.state.scope != .callbacks { _ = empty.handle(.character("v")) }
        #expect(ConsoleFixtures.screen(empty).contains("No callbacks promised."))
    }
}
