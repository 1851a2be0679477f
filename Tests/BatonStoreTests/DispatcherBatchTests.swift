import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `Dispatcher.ingest(batch:)`: one outcome per conversation in order, handoffs applied together.
@Suite struct DispatcherBatchTests {
    let t0 = StoreFixtures.t0

    func conversation(_ id: String, customer: String, _ texts: String...) -> Conversation {
        Conversation(id: id, channel: .webchat,
                     customer: Customer(id: customer, name: "Ana Souza", language: "en", tier: "standard"),
                     messages: texts.map { Message(role: .customer, text: $0, at: t0) })
    }

    @Test func aBatchHandsOffOnceEachAndCountsTheCustomersOtherHandoffs() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let dispatcher = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 })
        let first = conversation("a", customer: "cust-1", "I want to talk to a human right now")
        let outcomes = try dispatcher.ingest(batch: [
            first,
            conversation("b", customer: "cust-2", "what time do you close today"),
            conversation("c", customer: "cust-1", "let me speak to a real person please"),
            first,
        ])
        #expect(outcomes.count == 4)
        guard case .handedOff(let a) = outcomes[0], case .handedOff(let c) = outcomes[2] else {
            Issue.record("expected handoffs of a and c, got \(outcomes)")
            return
        }
        #expect(a.id == "a" && c.id == "c")
        #expect(outcomes[1] == .keptByAI(threadID: "b"))
        #expect(outcomes[3] == .appended(threadID: "a", state: .queued))
        #expect(try store.threadCount(ThreadQuery()) == 2)
        // The second conversation of cust-1 knows about the first, though both were handed off together.
        #expect(try store.thread(id: "a")?.packet?.profile.openHandoffs == 0)
        #expect(try store.thread(id: "c")?.packet?.profile.openHandoffs == 1)
        // One audit row and one customer message per handoff.
        #expect(try store.audit(threadID: nil, limit: 10).map(\.threadID) == ["a", "c"])
        #expect(try store.outbox(afterID: 0, limit: 10, includeDelivered: false).map(\.threadID) == ["a", "c"])
    }
}
