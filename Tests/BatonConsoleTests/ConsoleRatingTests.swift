import Testing
import Foundation
import BatonCore
import BatonStore
@testable import BatonConsole

/// After resolve the console asks the agent to rate the packet; the prompt can be skipped.
@Suite("Console: packet rating after resolve")
struct ConsoleRatingTests {
    typealias F = ConsoleFixtures

    func press(_ session: ConsoleSession, _ keys: Key...) {
        for key in keys { _ = session.handle(key) }
    }

    func resolveT1(_ session: ConsoleSession) {
        press(session, .character(" "), .character("c"), .character("x"), .enter)
    }

    @Test("a digit rates at once, the note is optional, and the rating reaches the store and audit")
    func rateWithNote() throws {
        let store = try F.scene()
        let session = try F.session(store)
        resolveT1(session)
        #expect(try store.thread(id: "t1")?.summary.state == .resolved)
        guard case .picker(let picker)? = session.state.modal, case .packetRating = picker.purpose else {
            Issue.record("no rating prompt after resolve")
            return
        }
        #expect(F.screen(session).contains("Rate the packet of Marta Núñez: 1–5 (Esc skips)"))
        press(session, .character("2"))
        guard case .composer(let composer)? = session.state.modal else { Issue.record("no note prompt"); return }
        #expect(composer.purpose == .ratingNote(threadID: "t1", rating: 2))
        for character in "no order number" { press(session, .character(character)) }
        press(session, .enter)
        #expect(session.state.modal == nil)
        #expect(session.state.activeBanner?.text == "Packet rated 2/5")
        let rating = try #require(try store.packetRating(threadID: "t1"))
        #expect(rating.rating == 2 && rating.note == "no order number" && rating.agent == "ana")
        #expect(try store.audit(threadID: "t1", limit: 20).last?.reason == "packet rated 2/5: no order number")
    }

    @Test("Esc skips the rating: nothing is stored and the console is back to the list")
    func skip() throws {
        let store = try F.scene()
        let session = try F.session(store)
        resolveT1(session)
        press(session, .escape)
        #expect(session.state.modal == nil)
        #expect(try store.packetRating(threadID: "t1") == nil)
        // Skipping at the note also stores nothing.
        let second = try F.scene()
        let other = try F.session(second)
        resolveT1(other)
        press(other, .character("j"), .enter, .escape)
        #expect(other.state.modal == nil)
        #expect(try second.packetRating(threadID: "t1") == nil)
    }

    @Test("Enter on the picker rates the highlighted choice without a note")
    func enterRates() throws {
        let store = try F.scene()
        let session = try F.session(store)
        resolveT1(session)
        press(session, .enter, .enter)
        #expect(try store.packetRating(threadID: "t1")?.rating == 5)
        #expect(try store.packetRating(threadID: "t1")?.note == nil)
    }
}
