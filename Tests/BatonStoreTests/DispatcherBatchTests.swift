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

    /// The batch path evaluates new conversations and builds their packets ahead, on another thread; what it
    /// stores must be what ingesting the same conversations one at a time stores.
    @Test func aBatchStoresWhatIngestingOneAtATimeWould() throws {
        let ana = Customer(id: "cust-1", name: "Ana Souza", language: "en", tier: "standard")
        let vip = Customer(id: "cust-2", name: "Bruno Lima", language: "pt", tier: "gold", ltv: 90_000, tags: ["vip"])
        let luis = Customer(id: "cust-3", name: "Luis Ortega", language: "es",
                            priorContacts: [PriorContact(topic: "refund", daysAgo: 3), PriorContact(topic: "refund", daysAgo: 9)])
        let refund = Conversation(id: "refund", customer: ana, messages: [
            Message(role: .customer, text: "where is my order 4411?", at: t0),
            Message(role: .ai, text: "It left the warehouse yesterday.", at: t0, confidence: 0.9, intent: "order_status",
                    tools: [ToolCall(name: "order_lookup", ok: true)], kb: ["kb/shipping"], links: ["https://example.com/track"]),
            Message(role: .customer, text: "it arrived broken, I'd like my money back", at: t0),
        ])
        var later = refund
        later.messages.append(Message(role: .customer, text: "hello??", at: t0))
        let quiet = Conversation(id: "quiet", customer: ana, messages: [Message(role: .customer, text: "what time do you open on sunday", at: t0)])
        var quietThenAngry = quiet
        quietThenAngry.messages += [Message(role: .ai, text: "We open at 10.", at: t0, confidence: 0.95),
                                    Message(role: .customer, text: "that is WRONG, you were closed. useless", at: t0),
                                    Message(role: .customer, text: "terrible service", at: t0)]
        let batch = [
            refund,
            Conversation(id: "vip", channel: .whatsapp, customer: vip, messages: [Message(role: .customer, text: "oi, preciso mudar meu plano", at: t0)]),
            quiet,
            Conversation(id: "repeat", customer: luis, messages: [Message(role: .customer, text: "otra vez sin mi reembolso", at: t0)]),
            later,
            quietThenAngry,
            Conversation(id: "tool", customer: ana, messages: [
                Message(role: .customer, text: "can you check my balance", at: t0),
                Message(role: .ai, text: "Let me check.", at: t0, confidence: 0.8, tools: [ToolCall(name: "balance", ok: false, error: "timeout")]),
            ]),
        ]
        // Stored before the batch and kept by the AI; in the batch it has something new, so it is evaluated there.
        let known = Conversation(id: "known", customer: Customer(id: "cust-4", name: "Mei Chen"),
                                 messages: [Message(role: .customer, text: "hi there", at: t0)])
        var knownAgain = known
        knownAgain.messages.append(Message(role: .customer, text: "I want to speak to a human", at: t0))

        let together = try SQLiteHandoffStore.inMemory()
        let apart = try SQLiteHandoffStore.inMemory()
        var outcomes: [[Dispatcher.Outcome]] = []
        for store in [together, apart] {
            let dispatcher = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 })
            try store.add(Agent(id: "ana", name: "Ana", skills: ["general", "billing", "vip"]))
            try dispatcher.ingest(.conversation(known))
            if store === together {
                outcomes.append(try dispatcher.ingest(batch: batch + [knownAgain]))
            } else {
                outcomes.append(try (batch + [knownAgain]).map { try dispatcher.ingest(.conversation($0)) })
            }
        }
        #expect(outcomes[0] == outcomes[1])
        #expect(outcomes[0].filter { if case .handedOff = $0 { true } else { false } }.count == 6)
        for id in ["refund", "vip", "quiet", "repeat", "tool", "known"] {
            let stored = try together.thread(id: id)
            #expect(stored == (try apart.thread(id: id)), "thread \(id)")
            #expect(stored != nil, "thread \(id)")
        }
        // The repeat customer's second handoff counts the first among her open handoffs either way.
        // Ana's third handoff counts the two before it in the same batch, however it was ingested.
        #expect(try together.thread(id: "tool")?.packet?.profile.openHandoffs == 2)
        #expect(try together.audit(threadID: nil, limit: 50).map(\.threadID) == (try apart.audit(threadID: nil, limit: 50).map(\.threadID)))
        #expect(try together.outbox(afterID: 0, limit: 50, includeDelivered: true).map(\.text)
                == (try apart.outbox(afterID: 0, limit: 50, includeDelivered: true).map(\.text)))
    }
}
