import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// What the audit of `baton stats` found, on a real store: each figure read from stored facts.
@Suite struct MetricFactsTests {
    let t0 = StoreFixtures.t0

    /// Thread `id` (messages one second apart from t0) handed off at `handoff` on its message `fired`.
    func handedOff(_ store: SQLiteHandoffStore, _ id: String, fired: Int = 0, at handoff: Date) throws {
        _ = try store.record(StoreFixtures.conversation(id, messages: 5), now: handoff)
        var request = StoreFixtures.request(id, at: handoff)
        request.packet.primary.message = fired
        try store.handoff(request, now: handoff)
    }

    @Test func timeToHandoffRunsFromTheFirstMessageToTheMessageThatFiredNotToIngest() throws {
        let store = try StoreFixtures.staffedStore()
        // Ingested an hour after the conversation: the message that fired was sent 4 s after the first.
        try handedOff(store, "c1", fired: 4, at: t0.addingTimeInterval(3600))
        let stats = HandoffStats.compute(try store.metricFacts(since: t0))
        #expect(stats.timeToHandoff == 4)
    }

    @Test func aReopenedThreadKeepsItsEarlierResolutionTimeAndDisposition() throws {
        let store = try StoreFixtures.staffedStore()
        try handedOff(store, "c1", at: t0.addingTimeInterval(10))
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(20))
        try store.resolve(threadID: "c1", agent: "ana", disposition: .aiCouldHaveHandled, note: "easy", now: t0.addingTimeInterval(100))
        try store.reopen(threadID: "c1", pickupDeadline: t0.addingTimeInterval(500), afterHours: false, now: t0.addingTimeInterval(200))
        let stats = HandoffStats.compute(try store.metricFacts(since: t0))
        #expect(stats.resolutionTime == 90)
        #expect(stats.falseEscalationRate == 1)
        // Resolved again later: the first resolution of the handoff still counts.
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(300))
        try store.resolve(threadID: "c1", agent: "ana", disposition: .solved, note: nil, now: t0.addingTimeInterval(900))
        #expect(HandoffStats.compute(try store.metricFacts(since: t0)).resolutionTime == 90)
    }

    @Test func csatOfConversationsTheAIHandledAloneIsReportedBesidePostHandoffCSAT() throws {
        let store = try StoreFixtures.staffedStore()
        try handedOff(store, "c1", at: t0)
        try store.recordCSAT(threadID: "c1", score: 2, now: t0.addingTimeInterval(50))
        for (id, score) in [("c2", 5), ("c3", 4)] {
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            try store.recordCSAT(threadID: id, score: score, now: t0.addingTimeInterval(50))
        }
        let stats = HandoffStats.compute(try store.metricFacts(since: t0))
        #expect(stats.csat == 2)
        #expect(stats.csatResponses == 1)
        #expect(stats.aiOnlyCSAT == 4.5)
        #expect(stats.aiOnlyCSATResponses == 2)
    }
}
