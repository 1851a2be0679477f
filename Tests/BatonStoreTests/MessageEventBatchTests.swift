import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Group commit: many message events, their handoffs and their idempotent answers in one transaction.
@Suite struct MessageEventBatchTests {
    let t0 = StoreFixtures.t0

    func event(_ id: String, _ role: Role, _ text: String, customer: Bool = false, platformID: String? = nil) -> MessageEvent {
        MessageEvent(conversationID: id, channel: customer ? .whatsapp : nil,
                     customer: customer ? Customer(id: "cust-\(id)", name: "Ana") : nil,
                     message: Message(role: role, text: text, platformID: platformID))
    }

    func receipt(_ key: String, status: Int = 200) -> IdempotentReceipt {
        IdempotentReceipt(token: "bot", key: key, response: StoredResponse(requestHash: Array(repeating: 7, count: 32), status: status,
                                                                          body: Array("answer \(key)".utf8), createdAt: t0),
                          replaces: t0.addingTimeInterval(-86_400))
    }

    @Test func eachEventIsItsOwnUnitARefusedOneStoresNothingAndTheOthersApply() throws {
        let store = try StoreFixtures.storeWithQueuedThread("held")
        _ = try store.record(StoreFixtures.conversation("old", messages: 1), now: t0)
        let events = [
            event("new", .customer, "hi", customer: true),
            event("nobody", .customer, "hello"),  // unknown, no customer
            event("held", .ai, "Can I help?"),    // a human's turn
            event("old", .ai, "Sure.", platformID: "p-1"),
        ]
        let stored = try store.recordEvents(events, now: t0, plan: { _, _ in [] }, receipts: { _, _ in [receipt("k1")] })
        #expect(stored.recorded.count == 4)
        #expect((try? stored.recorded[0].get())?.isNewThread == true)
        #expect(throws: IngestError.unknownConversation("nobody")) { try stored.recorded[1].get() }
        #expect(throws: IngestError.self) { try stored.recorded[2].get() }
        #expect((try? stored.recorded[3].get())?.firstNewMessage == 1)

        #expect(try store.conversation(id: "new")?.messages.map(\.text) == ["hi"])
        #expect(try store.conversation(id: "nobody") == nil)
        #expect(try store.conversation(id: "held")?.messages.count == 2)
        #expect(try store.conversation(id: "old")?.messages.map(\.platformID) == [nil, "p-1"])
        #expect(try store.idempotentResponse(token: "bot", key: "k1", notBefore: t0)?.body == Array("answer k1".utf8))
        #expect(try store.checkInvariants() == [])
    }

    @Test func theAnswersAreCommittedWithTheChangesOrNotAtAll() throws {
        let store = try SQLiteHandoffStore.inMemory()
        struct AnswerFailed: Error {}
        #expect(throws: AnswerFailed.self) {
            try store.recordEvents([event("a", .customer, "hi", customer: true), event("b", .customer, "hey", customer: true)], now: t0,
                                   plan: { _, _ in [] }, receipts: { _, _ in throw AnswerFailed() })
        }
        #expect(try store.conversation(id: "a") == nil)
        #expect(try store.conversation(id: "b") == nil)

        _ = try store.recordEvents([event("a", .customer, "hi", customer: true)], now: t0, plan: { _, _ in [] },
                                   receipts: { _, _ in [receipt("ka")] })
        #expect(try store.conversation(id: "a") != nil)
        #expect(try store.idempotentResponse(token: "bot", key: "ka", notBefore: t0) != nil)
    }

    @Test func plannedHandoffsApplyInTheSameTransactionAndTheAnswerSeesThem() throws {
        let store = try SQLiteHandoffStore.inMemory()
        var seen: ThreadState?
        var events: [OutboxMessage] = []
        let stored = try store.recordEvents([event("h", .customer, "a person please", customer: true), event("k", .customer, "hi", customer: true)],
                                            now: t0, plan: { recorded, _ in
            #expect(recorded.count == 2)
            return [StoreFixtures.request("h")]
        }, receipts: { handoffs, facts in
            #expect(handoffs.count == 1)
            seen = try facts.thread(id: "h")?.summary.state
            events = try facts.events(threadID: "h", afterSequence: 0, limit: 10)
            return []
        })
        #expect((try? stored.handoffs[0].get())?.state == .queued)
        #expect(seen == .queued)
        #expect(events.map(\.kind) == [.handoffMessage])
        #expect(try store.thread(id: "k")?.summary.state == .ai)
    }

    @Test func aConversationTwiceInOneCallIsRefused() throws {
        let store = try SQLiteHandoffStore.inMemory()
        #expect(throws: StoreError.self) {
            try store.recordEvents([event("a", .customer, "hi", customer: true), event("a", .customer, "again")], now: t0,
                                   plan: { _, _ in [] }, receipts: { _, _ in [] })
        }
        #expect(try store.conversation(id: "a") == nil)
    }

    @Test func theDispatcherHandsOffWithinTheBatchAndALaterEventOfTheSameConversationSeesIt() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let dispatcher = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 })
        var answered: [Int: String] = [:]
        let results = try dispatcher.ingest(events: [
            event("d1", .customer, "I want to talk to a human right now", customer: true),
            event("d2", .customer, "where is my parcel?", customer: true),
            event("d1", .ai, "I can help with that!"),  // after the handoff: the AI must stay silent
        ]) { slot, outcome, facts in
            switch outcome {
            case .success(.handedOff(let thread)):
                answered[slot] = "handed off, \(try facts.thread(id: thread.id)?.summary.state.rawValue ?? "?")"
            case .success(let other): answered[slot] = "\(other)"
            case .failure(let error): answered[slot] = "refused: \(error)"
            }
            return slot == 0 ? receipt("first") : nil
        }
        #expect(results.count == 3)
        #expect(results.allSatisfy { $0.respondedInTransaction })
        #expect(answered[0] == "handed off, queued")
        #expect(answered[1] == "\(Dispatcher.Outcome.keptByAI(threadID: "d2"))")
        #expect(answered[2]?.hasPrefix("refused: conversation d1 is held by queued") == true)
        #expect(try store.conversation(id: "d1")?.messages.count == 1)
        #expect(try store.idempotentResponse(token: "bot", key: "first", notBefore: t0) != nil)
    }
}
