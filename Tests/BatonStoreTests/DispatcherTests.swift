import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `Dispatcher` on single records: message events, after-hours policies, reopening, deadlines.
@Suite struct DispatcherTests {
    let t0 = StoreFixtures.t0

    func customer() -> Customer { Customer(id: "cust-9", name: "Rosa Díaz", language: "en") }

    func closedConfig(_ policy: AfterHoursPolicy) -> BatonConfig {
        var config = BatonConfig()
        // Open only on a weekday that never comes in these tests' single instant.
        let hours = BusinessHours(weekly: [:], timeZone: TimeZone(identifier: "UTC")!)
        config.queues = [QueueConfig(name: "general", hours: hours, afterHours: policy)]
        return config
    }

    @Test func messageEventsBuildTheConversationAndHandOffOnTheRightMessage() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let dispatcher = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 })
        #expect(try dispatcher.ingest(.message(conversationID: "e1", channel: .whatsapp, customer: customer(),
                                               message: Message(role: .customer, text: "where is my parcel?"))) == .keptByAI(threadID: "e1"))
        #expect(try dispatcher.ingest(.message(conversationID: "e1", channel: nil, customer: nil,
                                               message: Message(role: .ai, text: "It ships Monday.", confidence: 0.9))) == .keptByAI(threadID: "e1"))
        guard case .handedOff(let thread) = try dispatcher.ingest(.message(conversationID: "e1", channel: nil, customer: nil,
                                                                           message: Message(role: .customer, text: "can I talk to a person?"))) else {
            Issue.record("expected a handoff")
            return
        }
        #expect(thread.trigger == .explicitRequest)
        #expect(try store.thread(id: "e1")?.packet?.primary.message == 2)
        #expect(try store.conversation(id: "e1")?.messages.count == 3)
        #expect(throws: IngestError.unknownConversation("nobody")) {
            try dispatcher.ingest(.message(conversationID: "nobody", channel: nil, customer: nil, message: Message(role: .customer, text: "hi")))
        }
    }

    @Test func acknowledgeCloseSendsTheMessageAndGivesTheConversationBackToTheAI() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let dispatcher = Dispatcher(store: store, config: closedConfig(.acknowledgeClose), clock: { [t0] in t0 })
        let outcome = try dispatcher.ingest(.conversation(Conversation(id: "n1", customer: customer(),
                                                                       messages: [Message(role: .customer, text: "I need a human")])))
        #expect(outcome == .acknowledgedAfterHours(threadID: "n1"))
        #expect(try store.thread(id: "n1")?.summary.state == .ai)
        let kinds = try store.outbox(afterID: 0, limit: 10, includeDelivered: true).map(\.kind)
        #expect(kinds == [.afterHoursMessage, .afterHoursCaptured, .releasedToAI])
    }

    @Test func callbackWaitsAfterHoursWithTheCallbackTime() throws {
        let store = try SQLiteHandoffStore.inMemory()
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", hours: BusinessHours(weekly: [2: [DayInterval(start: 540, end: 1020)]],
                                                                            timeZone: TimeZone(identifier: "UTC")!), afterHours: .callback)]
        let dispatcher = Dispatcher(store: store, config: config, clock: { [t0] in t0 })
        guard case .handedOff(let thread) = try dispatcher.ingest(.conversation(Conversation(id: "cb", customer: customer(),
                                                                                            messages: [Message(role: .customer, text: "please call me back, I want to speak to someone")]))) else {
            Issue.record("expected a handoff")
            return
        }
        #expect(thread.state == .afterHours)
        let detail = try #require(try store.thread(id: "cb"))
        #expect(detail.callbackAt != nil)
        #expect(try store.outbox(afterID: 0, limit: 10, includeDelivered: true).first?.kind == .afterHoursMessage)
    }

    @Test func aResolvedThreadReopensWhenTheCustomerWritesAgain() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let dispatcher = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 })
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"]))
        var conversation = Conversation(id: "r1", customer: customer(), messages: [Message(role: .customer, text: "agent please")])
        _ = try dispatcher.ingest(.conversation(conversation))
        try store.claim(threadID: "r1", agent: "ana", now: t0)
        try store.resolve(threadID: "r1", agent: "ana", disposition: .solved, note: nil, now: t0)
        conversation.messages.append(Message(role: .customer, text: "it broke again"))
        #expect(try dispatcher.ingest(.conversation(conversation)) == .reopened(threadID: "r1"))
        #expect(try store.thread(id: "r1")?.summary.state == .queued)
    }

    @Test func oneSweepSettlesABacklogLargerThanTheStoresBatch() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let count = SQLiteHandoffStore.sweepBatchLimit + 50
        let conversations = (0..<count).map { index in
            Conversation(id: "b\(index)", customer: Customer(id: "c\(index)", name: "Customer \(index)"),
                         messages: [Message(role: .customer, text: "can I speak to a human")])
        }
        _ = try Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 }).ingest(batch: conversations)
        let later = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 + 3600 })
        let report = try later.sweep()
        #expect(report.escalated.count == count)
        #expect(try store.threads(ThreadQuery(states: [.queued], limit: 5)).allSatisfy { $0.escalationLevel == 1 })
        #expect(try later.sweep().isEmpty)
    }
}
