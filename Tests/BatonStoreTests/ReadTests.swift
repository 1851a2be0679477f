import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore

/// Queue pages, counts, agents, metrics and change detection.
@Suite struct ReadTests {
    let t0 = StoreFixtures.t0

    /// Six threads: priorities, queues and hand-off times chosen so that every sort key matters.
    func populatedStore() throws -> SQLiteHandoffStore {
        let store = try SQLiteHandoffStore.inMemory()
        try store.register("ana", "bo")
        let plan: [(String, String, Priority, Double)] = [
            ("low-early", "billing", .low, 0), ("high-late", "billing", .high, 50), ("high-early", "sales", .high, 10),
            ("medium", "billing", .medium, 20), ("medium-late", "sales", .medium, 40), ("ai-only", "billing", .low, 0),
        ]
        for (id, queue, priority, offset) in plan {
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            guard id != "ai-only" else { continue }
            let at = t0.addingTimeInterval(offset)
            try store.handoff(StoreFixtures.request(id, queue: queue, priority: priority, at: at), now: at)
        }
        return store
    }

    @Test func pagesAreMostUrgentFirstThenLongestWait() throws {
        let store = try populatedStore()
        let all = try store.threads(ThreadQuery())
        #expect(all.map(\.id) == ["high-early", "high-late", "medium", "medium-late", "low-early"])
        #expect(try store.threads(ThreadQuery(limit: 2, offset: 1)).map(\.id) == ["high-late", "medium"])
        #expect(try store.threads(ThreadQuery(queues: ["billing"])).map(\.id) == ["high-late", "medium", "low-early"])
        #expect(try store.threads(ThreadQuery(queues: ["billing", "sales"], limit: 3)).map(\.id) == ["high-early", "high-late", "medium"])
        #expect(try store.threads(ThreadQuery(queues: [])).isEmpty)
        #expect(try store.threadCount(ThreadQuery()) == 5)
        #expect(try store.threadCount(ThreadQuery(queues: ["sales"])) == 2)
        #expect(try store.threadCount(ThreadQuery(states: [.ai])) == 1)
        #expect(throws: StoreError.self) { try store.threads(ThreadQuery(limit: -1)) }

        let summary = try #require(all.first)
        #expect(summary.customerName == "Ana Souza")
        #expect(summary.language == "pt")
        #expect(summary.tier == "gold")
        #expect(summary.trigger == .explicitRequest)
        #expect(summary.sentiment == -0.4)
        #expect(summary.queuedAt == t0.addingTimeInterval(10))
    }

    @Test func stateAndOwnerFiltersSelectTheRightThreads() throws {
        let store = try populatedStore()
        try store.claim(threadID: "medium", agent: "ana", now: t0)
        try store.claim(threadID: "low-early", agent: "bo", now: t0)
        #expect(try store.threads(ThreadQuery(owner: "ana")).map(\.id) == ["medium"])
        #expect(try store.threads(ThreadQuery(states: [.queued])).map(\.id) == ["high-early", "high-late", "medium-late"])
        #expect(try store.threads(ThreadQuery(states: [.claimed])).map(\.id) == ["medium", "low-early"])
        try store.resolve(threadID: "medium", agent: "ana", disposition: .solved, note: nil, now: t0)
        #expect(try store.threads(ThreadQuery(states: [.resolved, .claimed])).map(\.id) == ["medium", "low-early"])
    }

    @Test func queueCountsSummariseEachQueue() throws {
        let store = try populatedStore()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["billing"]))
        try store.claim(threadID: "medium", agent: "ana", now: t0.addingTimeInterval(60))
        try store.resolve(threadID: "medium", agent: "ana", disposition: .solved, note: nil, now: t0.addingTimeInterval(160))
        let now = t0.addingTimeInterval(330)  // low-early (deadline 300) has breached; high-late (350) has not
        let counts = try store.queueCounts(now: now)
        #expect(counts.map(\.queue) == ["billing", "sales"])
        let billing = counts[0]
        #expect(billing.waiting == 2)
        #expect(billing.claimed == 0)
        #expect(billing.oldestQueuedAt == t0)
        #expect(billing.nearestDeadline == t0.addingTimeInterval(300))
        #expect(billing.breached == 1)
        #expect(billing.recentHandleTimes == [100])
        #expect(counts[1].waiting == 2)
        #expect(counts[1].breached == 1)  // high-early: deadline t0+310
    }

    @Test func openThreadCountsAreReadForManyCustomersAtOnce() throws {
        let store = try StoreFixtures.staffedStore()
        for (id, customer) in [("a1", "ann"), ("a2", "ann"), ("a3", "ann"), ("b1", "bob")] {
            _ = try store.record(StoreFixtures.conversation(id, customer: customer).withCustomerID(customer), now: t0)
        }
        for id in ["a1", "a2", "a3", "b1"] { try store.handoff(StoreFixtures.request(id), now: t0) }
        try store.claim(threadID: "a2", agent: "ana", now: t0)
        try store.claim(threadID: "a3", agent: "ana", now: t0)
        try store.resolve(threadID: "a3", agent: "ana", disposition: .solved, note: nil, now: t0)
        try store.claim(threadID: "b1", agent: "ana", now: t0)
        try store.release(threadID: "b1", agent: "ana", note: nil, now: t0)
        let counts = try store.openThreadCounts(customerIDs: ["ann", "bob", "cy", "ann"])
        #expect(counts == ["ann": 2, "bob": 0, "cy": 0])
        #expect(counts["ann"] == (try store.openThreadCount(customerID: "ann")))
    }

    @Test func agentsCarryTheirLiveLoad() throws {
        let store = try populatedStore()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["billing"], capacity: 2))
        try store.add(Agent(id: "bo", name: "Bo", skills: ["sales"]))
        try store.claim(threadID: "medium", agent: "ana", now: t0)
        try store.claim(threadID: "low-early", agent: "ana", now: t0)
        try store.setAgentStatus(id: "bo", status: .away, actor: "bo", now: t0)
        let agents = try store.agents()
        #expect(agents.map(\.id) == ["ana", "bo"])
        #expect(agents[0].load == 2)
        #expect(!agents[0].hasSpareCapacity)
        #expect(agents[1].status == .away)
        #expect(agents[1].load == 0)
        #expect(throws: LifecycleError.noSuchAgent("zed")) { try store.setAgentStatus(id: "zed", status: .away, actor: "zed", now: t0) }
        // Upsert updates in place, and keeps the status the agent set.
        try store.add(Agent(id: "bo", name: "Bo Li", skills: ["sales", "billing"], capacity: 5))
        #expect(try store.agents()[1] == Agent(id: "bo", name: "Bo Li", skills: ["sales", "billing"], capacity: 5, status: .away, load: 0))
    }

    @Test func threadDetailHoldsPacketTranscriptNotesAndAudit() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        try store.note(threadID: "c1", agent: "ana", text: "<script>alert(1)</script>", now: t0)
        let detail = try #require(try store.thread(id: "c1"))
        #expect(detail.packet == StoreFixtures.packet("c1"))
        #expect(detail.messages == StoreFixtures.conversation("c1").messages)
        #expect(detail.notes == [ThreadNote(author: "ana", text: "<script>alert(1)</script>", at: t0)])
        #expect(detail.audit.map(\.action) == [.handoff, .claim, .note])
        #expect(try store.thread(id: "missing") == nil)
    }

    @Test func metricFactsFollowTheLatestHandoff() throws {
        let store = try populatedStore()
        try store.claim(threadID: "medium", agent: "ana", now: t0.addingTimeInterval(100))
        try store.resolve(threadID: "medium", agent: "ana", disposition: .aiCouldHaveHandled, note: nil, now: t0.addingTimeInterval(200))
        try store.recordCSAT(threadID: "medium", score: 5, now: t0.addingTimeInterval(300))
        let facts = try store.metricFacts(since: t0).conversations
        #expect(facts.count == 6)
        let medium = try #require(facts.first { $0.id == "medium" })
        #expect(medium.startedAt == t0)  // first message time
        #expect(medium.handedOffAt == t0.addingTimeInterval(20))
        #expect(medium.firstClaimedAt == t0.addingTimeInterval(100))
        #expect(medium.resolvedAt == t0.addingTimeInterval(200))
        #expect(medium.disposition == .aiCouldHaveHandled)
        #expect(medium.csat == 5)
        #expect(medium.queue == "billing")
        #expect(medium.trigger == .explicitRequest)
        let aiOnly = try #require(facts.first { $0.id == "ai-only" })
        #expect(aiOnly.handedOffAt == nil)
        #expect(aiOnly.queue == nil)
        // Only threads with activity since the cut-off.
        #expect(try store.metricFacts(since: t0.addingTimeInterval(150)).conversations.map(\.id) == ["medium"])
    }

    @Test func changeTokenMovesOnOwnAndOtherProcessWrites() throws {
        let path = try StoreFixtures.temporaryPath()
        let store = try SQLiteHandoffStore(path: path)
        let initial = try store.changeToken()
        #expect(try store.changeToken() == initial)  // reading changes nothing
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        let afterOwnWrite = try store.changeToken()
        #expect(afterOwnWrite != initial)
        _ = try store.threads(ThreadQuery())
        #expect(try store.changeToken() == afterOwnWrite)

        // Another connection (as another process would) writes.
        let other = try SQLiteHandoffStore(path: path)
        try other.handoff(StoreFixtures.request("c1"), now: t0)
        #expect(try store.changeToken() != afterOwnWrite)
    }
}

private extension Conversation {
    func withCustomerID(_ id: String) -> Conversation {
        var copy = self
        copy.customer.id = id
        return copy
    }
}
