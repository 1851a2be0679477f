import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore

/// What the console asks of the store beyond the lifecycle: list orders, search, drafts, one introduction
/// per agent per thread, and a re-queue that keeps the customer's place.
@Suite struct ConsoleSupportTests {
    let t0 = StoreFixtures.t0

    /// Threads with distinct names, sentiments, queues and waits.
    func store() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.staffedStore()
        let rows: [(String, String, String, Priority, Double, TimeInterval)] = [
            ("a", "Marta Núñez", "billing", .high, -0.8, 50),
            ("b", "Bob Stone", "tech", .medium, 0.4, 400),
            ("c", "Chloé Martin", "billing", .medium, -0.2, 300),
            ("d", "Dmitri Ivanov", "sales", .low, 0.9, 900),
            ("e", "Eve Adams", "tech", .high, -0.5, 10),
        ]
        for (id, name, queue, priority, sentiment, waited) in rows {
            var conversation = StoreFixtures.conversation(id, customer: name)
            conversation.messages[0].text = "order \(id)-1182 arrived broken"
            _ = try store.record(conversation, now: t0)
            var request = StoreFixtures.request(id, queue: queue, priority: priority, at: t0.addingTimeInterval(-waited))
            request.packet.sentiment = SentimentReading(current: sentiment, trajectory: [sentiment])
            try store.handoff(request, now: t0.addingTimeInterval(-waited))
        }
        return store
    }

    @Test func everyOrderListsAndPagesTheSameThreads() throws {
        let store = try store()
        let expected: [ThreadOrder: [String]] = [
            .priority: ["a", "e", "b", "c", "d"],
            .wait: ["d", "b", "c", "a", "e"],
            .sentiment: ["a", "e", "c", "b", "d"],
            .queue: ["a", "c", "d", "e", "b"],
            .newest: ["e", "a", "c", "b", "d"],
        ]
        for (order, ids) in expected {
            #expect(try store.threads(ThreadQuery(order: order)).map(\.id) == ids, "\(order)")
            #expect(try store.threads(ThreadQuery(order: order, limit: 2, offset: 2)).map(\.id) == Array(ids[2..<4]), "\(order) page")
            #expect(try store.threads(ThreadQuery(queues: ["billing", "tech"], order: order)).map(\.id)
                    == ids.filter { $0 != "d" }, "\(order) in two queues")
        }
    }

    @Test func searchFindsCustomerIdTriggerQueueAndMessageTextIgnoringCaseAndAccents() throws {
        let store = try store()
        func found(_ text: String, _ query: ThreadQuery = ThreadQuery()) throws -> [String] {
            var query = query
            query.search = text
            return try store.threads(query).map(\.id)
        }
        #expect(try found("nunez") == ["a"])
        #expect(try found("CHLOÉ") == ["c"])
        #expect(try found("sales") == ["d"])
        #expect(try found("explicit") == ["a", "e", "b", "c", "d"])
        #expect(try found("d-1182") == ["d"])
        #expect(try found("nobody") == [])
        #expect(try found("martin", ThreadQuery(queues: ["tech"])) == [])
        var query = ThreadQuery(search: "ma")
        #expect(try store.threadCount(query) == 2)
        query.order = .wait
        #expect(try store.threads(query).map(\.id) == ["c", "a"])
    }

    @Test func matchesCarryTheirPositionInTheListsOrder() throws {
        let store = try store()
        #expect(try store.threadMatches(ThreadQuery(), text: "martin", limit: 10) == [ThreadMatch(id: "c", position: 3)])
        #expect(try store.threadMatches(ThreadQuery(order: .wait), text: "m", limit: 10).map(\.id) == ["d", "c", "a", "e"])
        let byWait = try store.threadMatches(ThreadQuery(order: .wait), text: "a", limit: 2)
        #expect(byWait == [ThreadMatch(id: "d", position: 0), ThreadMatch(id: "b", position: 1)])
        #expect(try store.threadMatches(ThreadQuery(queues: ["billing"]), text: "ma", limit: 10)
                == [ThreadMatch(id: "a", position: 0), ThreadMatch(id: "c", position: 1)])
    }

    @Test func draftsAreKeptPerThreadAgentAndKindAndSurviveReopening() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let store = try SQLiteHandoffStore(path: path)
            try store.saveDraft(Draft(threadID: "a", agent: "ana", kind: .reply, text: "line one\nline two\nline three", updatedAt: t0))
            try store.saveDraft(Draft(threadID: "a", agent: "ana", kind: .note, text: "private", updatedAt: t0))
            try store.saveDraft(Draft(threadID: "a", agent: "bo", kind: .reply, text: "Bo's", updatedAt: t0))
            try store.saveDraft(Draft(threadID: "a", agent: "ana", kind: .reply, text: "line one\nline two\nline 3",
                                      updatedAt: t0.addingTimeInterval(5)))
        }
        let store = try SQLiteHandoffStore(path: path)
        let draft = try store.draft(threadID: "a", agent: "ana", kind: .reply)
        #expect(draft?.text == "line one\nline two\nline 3")
        #expect(draft?.updatedAt == t0.addingTimeInterval(5))
        #expect(try store.drafts(agent: "ana").map(\.kind) == [.reply, .note])
        try store.saveDraft(Draft(threadID: "a", agent: "ana", kind: .note, text: "", updatedAt: t0))
        #expect(try store.draft(threadID: "a", agent: "ana", kind: .note) == nil)
        try store.deleteDraft(threadID: "a", agent: "bo", kind: .reply)
        #expect(try store.drafts(agent: "bo").isEmpty)
    }

    @Test func sendingTheReplyOrNoteRemovesItsDraftInTheSameTransaction() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        try store.saveDraft(Draft(threadID: "c1", agent: "ana", kind: .reply, text: "Refund iss", updatedAt: t0))
        try store.saveDraft(Draft(threadID: "c1", agent: "ana", kind: .note, text: "check fraud", updatedAt: t0))
        try store.reply(threadID: "c1", agent: "ana", text: "Refund issued.", now: t0)
        #expect(try store.draft(threadID: "c1", agent: "ana", kind: .reply) == nil)
        #expect(try store.draft(threadID: "c1", agent: "ana", kind: .note)?.text == "check fraud")
        try store.note(threadID: "c1", agent: "ana", text: "checked", now: t0)
        #expect(try store.drafts(agent: "ana").isEmpty)
        // A refused reply keeps the draft.
        try store.saveDraft(Draft(threadID: "c1", agent: "bo", kind: .reply, text: "me too", updatedAt: t0))
        #expect(throws: LifecycleError.self) { try store.reply(threadID: "c1", agent: "bo", text: "me too", now: t0) }
        #expect(try store.draft(threadID: "c1", agent: "bo", kind: .reply)?.text == "me too")
    }

    @Test func anAgentIntroducesThemselvesOncePerThreadHoweverOftenTheyClaimIt() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.add(Agent(id: "ana", name: "Ana Lima", skills: ["billing"]))
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        try store.requeue(threadID: "c1", actor: "ana", reason: nil, pickupDeadline: t0.addingTimeInterval(300), now: t0.addingTimeInterval(10))
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(20))
        try store.reassign(threadID: "c1", supervisor: "sue", toAgent: "bo", reason: "cover", now: t0.addingTimeInterval(30))
        try store.reassign(threadID: "c1", supervisor: "sue", toAgent: "ana", reason: "back", now: t0.addingTimeInterval(40))
        let introductions = try store.outbox(afterID: 0, limit: 100, includeDelivered: true).filter { $0.kind == .agentIntroduction }
        #expect(introductions.map(\.actor) == ["ana", "bo"])
        let claims = try store.outbox(afterID: 0, limit: 100, includeDelivered: true).filter { $0.kind == .claimed }
        #expect(claims.count == 4, "the bot still hears of every change of owner")
    }

    @Test func transferAndRequeueKeepTheCustomersOriginalWait() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        let queuedAt = try #require(try store.thread(id: "c1")?.summary.queuedAt)
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(60))
        try store.transfer(threadID: "c1", actor: "ana", toQueue: "tech", reason: nil, pickupDeadline: t0.addingTimeInterval(660),
                           now: t0.addingTimeInterval(60))
        var summary = try #require(try store.thread(id: "c1")?.summary)
        #expect(summary.queuedAt == queuedAt)
        #expect(summary.pickupDeadline == t0.addingTimeInterval(660))
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(120))
        try store.requeue(threadID: "c1", actor: "ana", reason: nil, pickupDeadline: t0.addingTimeInterval(420), now: t0.addingTimeInterval(120))
        summary = try #require(try store.thread(id: "c1")?.summary)
        #expect(summary.queuedAt == queuedAt)
    }

    @Test func aStoreFromBeforeIntroductionsWereTrackedKeepsItsIntroductions() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let store = try SQLiteHandoffStore(path: path)
            try StoreFixtures.staff(store)
            _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
            try store.handoff(StoreFixtures.request("c1"), now: t0)
            try store.claim(threadID: "c1", agent: "ana", now: t0)
            // As a schema-5 store would have it: the introduction is in the outbox only, agents have no role.
            try store.writer.write { db in
                try db.execute(sql: "DELETE FROM introductions")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6-introductions'")
                try db.execute(sql: "DROP TABLE introductions")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v10-roles'")
                try db.execute(sql: "ALTER TABLE agents DROP COLUMN role")
                try db.execute(sql: "PRAGMA user_version = 5")
            }
        }
        let store = try SQLiteHandoffStore(path: path)
        #expect(try store.agents().allSatisfy { $0.role == .agent }, "agents of a store from before roles are plain agents")
        try store.requeue(threadID: "c1", actor: "ana", reason: nil, pickupDeadline: t0.addingTimeInterval(300), now: t0)
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        #expect(try store.outbox(afterID: 0, limit: 100, includeDelivered: true).filter { $0.kind == .agentIntroduction }.count == 1)
    }
}

extension ConsoleSupportTests {
    @Test func aThreadsPositionFollowsTheListsScopeOrderAndSearch() throws {
        let store = try store()
        #expect(try store.threadPosition(ThreadQuery(), id: "c") == 3)
        #expect(try store.threadPosition(ThreadQuery(order: .wait), id: "c") == 2)
        #expect(try store.threadPosition(ThreadQuery(queues: ["tech"]), id: "b") == 1)
        #expect(try store.threadPosition(ThreadQuery(queues: ["tech"]), id: "c") == nil)
        #expect(try store.threadPosition(ThreadQuery(search: "ma"), id: "c") == 1)
        #expect(try store.threadPosition(ThreadQuery(), id: "nope") == nil)
    }
}
