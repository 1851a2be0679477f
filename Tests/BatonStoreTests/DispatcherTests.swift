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

    /// `acknowledge_close`: the customer hears what was noted (in their language, their own words for the facts)
    /// and how to add to it; the request waits as a follow-up for the opening instead of going back to the AI.
    @Test func acknowledgeCloseTellsWhatWasNotedAndKeepsAFollowUpForTheOpening() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let hours = BusinessHours(weekly: [2: [DayInterval(start: 540, end: 1020)]], timeZone: TimeZone(identifier: "UTC")!)
        var config = BatonConfig()
        config.queues = ["billing", "general"].map { QueueConfig(name: $0, hours: hours, afterHours: .acknowledgeClose) }
        let dispatcher = Dispatcher(store: store, config: config, clock: { [t0] in t0 })
        let english = Conversation(id: "n1", customer: customer(), messages: [
            Message(role: .customer, text: "I want a refund for order 8812, it cost $49.99 on 28 Nov")])
        #expect(try dispatcher.ingest(.conversation(english)) == .acknowledgedAfterHours(threadID: "n1"))
        let spanish = Conversation(id: "n2", customer: Customer(id: "c2", name: "Lucía Pérez", language: "es"), messages: [
            Message(role: .customer, text: "quiero un reembolso del pedido 4471 por favor")])
        #expect(try dispatcher.ingest(.conversation(spanish)) == .acknowledgedAfterHours(threadID: "n2"))
        let bare = Conversation(id: "n3", customer: Customer(id: "c3", language: "en"), messages: [
            Message(role: .customer, text: "I need a human")])
        _ = try dispatcher.ingest(.conversation(bare))
        let events = try store.outbox(afterID: 0, limit: 20, includeDelivered: true)
        let told = events.filter { $0.kind == .afterHoursMessage }.map { $0.text ?? "" }
        try #require(told.count == 3, "\(events)")
        #expect(told[0].hasPrefix("Our team is offline right now, Rosa. We've noted your request: a refund, order 8812, $49.99, 28 Nov, and our team will follow up here after we open (Mon 09:00 GMT)"), "\(told[0])")
        #expect(told[0].hasSuffix("To add something, just reply here."))
        #expect(told[1].hasPrefix("Nuestro equipo no está disponible ahora, Lucía. Registramos tu solicitud: un reembolso, pedido 4471 y te responderemos"), "\(told[1])")
        #expect(told[2].hasPrefix("Our team is offline right now. We've noted your request, and our team"), "\(told[2])")
        // Kept for the opening, not given back to the AI; the bot hears it is held after hours.
        #expect(events.filter { $0.threadID == "n1" }.map(\.kind) == [.afterHoursMessage, .afterHoursCaptured])
        let detail = try #require(try store.thread(id: "n1"))
        #expect(detail.summary.state == .afterHours)
        #expect(detail.audit.last?.action == .answerLater)
        // At opening it joins the queue, and whoever takes it opens with one key.
        _ = try store.sweep(now: t0.addingTimeInterval(2 * 86_400 + 3 * 3_600), queues: config.queues)  // Monday 09:13
        #expect(try store.thread(id: "n1")?.summary.state == .queued)
        #expect(detail.packet?.suggestedReply.contains("while our team was away") == true)
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
