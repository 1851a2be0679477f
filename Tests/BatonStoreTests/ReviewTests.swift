import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `baton review` on a fixed store with an injected clock: the facts the store reads and the whole report.
@Suite struct ReviewTests {
    static let now = StoreFixtures.t0.addingTimeInterval(30 * 86_400)
    static let day: TimeInterval = 86_400

    static func conversation(_ id: String, customer: String, text: String, at: Date) -> Conversation {
        Conversation(id: id, customer: Customer(id: customer, name: "Customer \(customer)", language: "en"),
                     messages: [Message(role: .customer, text: text, at: at), Message(role: .ai, text: "Let me check.", at: at + 5)])
    }

    static func handOff(_ store: SQLiteHandoffStore, _ id: String, customer: String, text: String, queue: String = "billing",
                        trigger: TriggerKind = .explicitRequest, at: Date) throws {
        _ = try store.record(conversation(id, customer: customer, text: text, at: at), now: at + 10)
        var request = StoreFixtures.request(id, queue: queue, at: at + 10)
        request.packet = StoreFixtures.packet(id, queue: queue, trigger: trigger)
        try store.handoff(request, now: at + 10)
    }

    /// Previous week: p1 (billing, explicit request, resolved in 10 min). This week: c1 (billing, explicit
    /// request, 15 min, rated 5), c2 (billing, sentiment, the customer repeats themselves, 1 h, marked
    /// ai_could_have_handled, rated 2), c3 (tech, tool failure, transferred to billing, unclaimed), and a1, kept
    /// by the AI; CSAT 4 after handoff, 5 with the AI alone.
    static func store() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.staffedStore()
        let p1 = now - 10 * day
        try handOff(store, "p1", customer: "u1", text: "I need a person about my invoice", at: p1)
        try store.claim(threadID: "p1", agent: "ana", now: p1 + 70)
        try store.resolve(threadID: "p1", agent: "ana", disposition: .solved, note: nil, now: p1 + 610)

        let c1 = now - 6 * day
        try handOff(store, "c1", customer: "u2", text: "Talk to a human about my invoice please", at: c1)
        try store.claim(threadID: "c1", agent: "ana", now: c1 + 130)
        try store.resolve(threadID: "c1", agent: "ana", disposition: .solved, note: nil, now: c1 + 910)
        try store.ratePacket(threadID: "c1", agent: "ana", rating: 5, note: nil, now: c1 + 920)
        try store.recordCSAT(threadID: "c1", score: 4, now: c1 + 1000)

        let c2 = now - 5 * day
        try handOff(store, "c2", customer: "u3", text: "My refund for order 4411 never arrived", trigger: .sentiment, at: c2)
        try store.claim(threadID: "c2", agent: "bob", now: c2 + 310)
        _ = try store.recordEvent(conversationID: "c2", channel: nil, customer: nil,
                                  message: Message(role: .customer, text: "Again: my refund for order 4411 never arrived!", at: c2 + 320),
                                  now: c2 + 320)
        try store.resolve(threadID: "c2", agent: "bob", disposition: .aiCouldHaveHandled, note: nil, now: c2 + 3610)
        try store.ratePacket(threadID: "c2", agent: "bob", rating: 2, note: "no order number | no amount", now: c2 + 3620)

        let c3 = now - 1 * day
        try handOff(store, "c3", customer: "u4", text: "The export tool keeps failing", queue: "tech", trigger: .toolFailure, at: c3)
        try store.transfer(threadID: "c3", actor: "sue", toQueue: "billing", reason: "billing export", pickupDeadline: c3 + 900, now: c3 + 100)

        _ = try store.record(conversation("a1", customer: "u5", text: "What are your opening hours?", at: now - 2 * day), now: now - 2 * day)
        try store.recordCSAT(threadID: "a1", score: 5, now: now - 2 * day + 60)
        return store
    }

    @Test func theStoreReadsTheFactsEachScoreComponentNeeds() throws {
        let store = try Self.store()
        let facts = try store.reviewFacts(since: Self.now - 14 * Self.day, contactsSince: Self.now - 60 * Self.day)
        let byID = Dictionary(uniqueKeysWithValues: facts.handoffs.map { ($0.threadID, $0) })
        #expect(facts.handoffs.map(\.threadID) == ["p1", "c1", "c2", "c3"])
        let c2 = try #require(byID["c2"])
        #expect(c2.customerBefore == ["My refund for order 4411 never arrived"])
        #expect(c2.customerAfterClaim == ["Again: my refund for order 4411 never arrived!"])
        #expect(c2.rating == 2 && c2.ratingNote == "no order number | no amount")
        #expect(c2.disposition == .aiCouldHaveHandled && c2.resolutionSeconds == 3600)
        #expect(byID["c3"]?.transfers == 1)
        #expect(byID["c1"]?.transfers == 0)
        #expect(facts.contacts.count == 5)
    }
}

extension ReviewTests {
    @Test func dumpForInspection() throws {
        let report = try Dispatcher(store: try Self.store(), config: BatonConfig(), clock: { Self.now })
            .review(since: Self.now - 7 * Self.day, now: Self.now)
        try report.text().write(toFile: "/tmp/measure-review.txt", atomically: true, encoding: .utf8)
        try report.markdown().write(toFile: "/tmp/measure-review.md", atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try String(decoding: try encoder.encode(report), as: UTF8.self).write(toFile: "/tmp/measure-review.json", atomically: true, encoding: .utf8)
    }
}
