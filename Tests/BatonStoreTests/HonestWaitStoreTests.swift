import Foundation
import Synchronization
import Testing
import BatonCore
@testable import BatonStore

/// Waits as customers hear them through the dispatcher and the sweeper, on a store, with a clock moved by hand.
@Suite struct HonestWaitStoreTests {
    let t0 = StoreFixtures.t0

    final class Clock: Sendable {
        private let current: Mutex<Date>
        init(_ start: Date) { current = Mutex(start) }
        var now: Date { current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
        var function: @Sendable () -> Date { { [self] in now } }
    }

    func conversation(_ id: String, language: String = "en", text: String = "I want to talk to a human") -> Conversation {
        Conversation(id: id, channel: .webchat, customer: Customer(id: "cust-\(id)", name: "Ana Souza", language: language),
                     messages: [Message(role: .customer, text: text, at: t0)])
    }

    func config(window: TimeInterval = 3_600, policy: AfterHoursPolicy = .queueWithETA) -> BatonConfig {
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", afterHours: policy, pickupWindow: window)]
        config.waitUpdateInterval = 600
        return config
    }

    func texts(_ store: SQLiteHandoffStore, kind: OutboxKind) throws -> [String] {
        try store.outbox(afterID: 0, limit: 100, includeDelivered: true).filter { $0.kind == kind }.compactMap(\.text)
    }

    /// Six customers into an empty queue with one agent who takes one thread at a time: only the first is
    /// told less than 2 minutes; each after waits one more handle time (six minutes with no history).
    @Test(arguments: [true, false])
    func aBatchIntoAnEmptyQueueCountsTheCustomersAheadInTheSameBatch(together: Bool) throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"], capacity: 1))
        let dispatcher = Dispatcher(store: store, config: config(), clock: { [t0] in t0 })
        let batch = (1...6).map { conversation("b\($0)") }
        if together {
            _ = try dispatcher.ingest(batch: batch)
        } else {
            for conversation in batch { _ = try dispatcher.ingest(.conversation(conversation)) }
        }
        let waits = try texts(store, kind: .handoffMessage).map { $0.components(separatedBy: "Expected wait: ").last ?? $0 }
        #expect(waits == ["less than 2 minutes.", "about 7 minutes.", "about 13 minutes.", "about 19 minutes.", "about 25 minutes.", "about 31 minutes."])
    }

    @Test func nobodyOnShiftUnderAcknowledgeCloseKeepsTheRequestForTheFirstAgentOnShift() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"], status: .offline))
        let dispatcher = Dispatcher(store: store, config: config(policy: .acknowledgeClose), clock: { [t0] in t0 })
        #expect(try dispatcher.ingest(.conversation(conversation("n1", language: "es"))) == .acknowledgedAfterHours(threadID: "n1"))
        #expect(try store.thread(id: "n1")?.summary.state == .queued)
        #expect(try store.thread(id: "n1")?.audit.last?.action == .answerLater)
        #expect(try texts(store, kind: .handoffMessage) == [Templates.defaultNoOneOnShift["acknowledge_close"]?["es"]])
        #expect(try texts(store, kind: .releasedToAI).isEmpty)
    }

    /// The promise runs out: the sweep tells the customer a new estimate once, in the same transaction as
    /// the new promise, and not again within the interval.
    @Test func aWaitPastItsPromiseGetsOneUpdatePerIntervalWithANewEstimate() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"], capacity: 1))
        let clock = Clock(t0)
        let dispatcher = Dispatcher(store: store, config: config(), clock: clock.function)
        _ = try dispatcher.ingest(.conversation(conversation("busy")))
        try store.claim(threadID: "busy", agent: "ana", now: t0)
        _ = try dispatcher.ingest(.conversation(conversation("w1", language: "pt")))
        // Promised 60 s + one handle time of 360 s.
        #expect(try texts(store, kind: .handoffMessage).last?.hasSuffix("Espera estimada: cerca de 7 minutos.") == true)

        clock.advance(419)
        #expect(try dispatcher.sweep().waitUpdates == [])
        clock.advance(1)
        #expect(try dispatcher.sweep().waitUpdates == ["w1"])
        #expect(try texts(store, kind: .waitUpdate)
                == ["Olá Ana, obrigado por aguardar. Está demorando mais do que dissemos, e você continua na fila. Nova estimativa: cerca de 7 minutos."])
        // The new promise (7 minutes) passes, but the interval (10 minutes) has not.
        clock.advance(500)
        #expect(try dispatcher.sweep().waitUpdates == [])
        clock.advance(100)
        #expect(try dispatcher.sweep().waitUpdates == ["w1"])
        #expect(try texts(store, kind: .waitUpdate).count == 2)
        // Claimed: no more updates.
        try store.resolve(threadID: "busy", agent: "ana", disposition: .solved, note: nil, now: clock.now)
        try store.claim(threadID: "w1", agent: "ana", now: clock.now)
        clock.advance(3_600)
        #expect(try dispatcher.sweep().waitUpdates == [])
    }

    /// Nobody can pick up: no time was promised, but each re-queue after a breached pickup window tells the
    /// customer they are still in line, at most once per interval.
    @Test func aRequeueAfterABreachTellsTheCustomerAtMostOncePerInterval() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"], status: .away))
        let clock = Clock(t0)
        let dispatcher = Dispatcher(store: store, config: config(window: 300), clock: clock.function)
        _ = try dispatcher.ingest(.conversation(conversation("w2")))
        clock.advance(299)
        #expect(try dispatcher.sweep().isEmpty)
        clock.advance(1)
        let first = try dispatcher.sweep()
        #expect(first.escalated == ["w2"] && first.waitUpdates == ["w2"])
        #expect(try texts(store, kind: .waitUpdate).last?.hasSuffix("New estimate: as soon as a team member is available.") == true)
        // The second breach comes 5 minutes later, inside the 10-minute interval: escalated, not told again.
        clock.advance(300)
        let second = try dispatcher.sweep()
        #expect(second.escalated == ["w2"] && second.waitUpdates == [])
        clock.advance(300)
        let third = try dispatcher.sweep()
        #expect(third.escalated == ["w2"] && third.waitUpdates == ["w2"])
        // Nothing new since: the next sweep says nothing.
        clock.advance(10)
        #expect(try dispatcher.sweep().isEmpty)
    }
}

/// A full queue: the hold message with the wait and the offer to be answered later; "later" takes it.
@Suite struct HoldAndAsyncFallbackTests {
    let t0 = StoreFixtures.t0

    func texts(_ store: SQLiteHandoffStore, kind: OutboxKind, thread: String? = nil) throws -> [String] {
        try store.outbox(afterID: 0, limit: 100, includeDelivered: true)
            .filter { $0.kind == kind && (thread == nil || $0.threadID == thread) }.compactMap(\.text)
    }

    func conversation(_ id: String, language: String = "en") -> Conversation {
        Conversation(id: id, channel: .webchat, customer: Customer(id: "cust-\(id)", name: "Ana Souza", language: language),
                     messages: [Message(role: .customer, text: "I want to talk to a human", at: t0)])
    }

    func message(_ id: String, _ text: String) -> InputRecord {
        .message(conversationID: id, channel: nil, customer: nil, message: Message(role: .customer, text: text, at: t0))
    }

    @Test func aFullQueueSaysSoAndACustomerWhoAnswersLaterBecomesAFollowUpWithoutWaitUpdates() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"], capacity: 1))
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", pickupWindow: 3_600)]
        config.queues[0].capacity = 2
        config.waitUpdateInterval = 60
        let clock = HonestWaitStoreTests.Clock(t0)
        let dispatcher = Dispatcher(store: store, config: config, clock: clock.function)
        _ = try dispatcher.ingest(batch: ["w1", "w2", "w3", "w4"].map { conversation($0, language: $0 == "w4" ? "es" : "en") })
        let told = try texts(store, kind: .handoffMessage)
        // Two wait in the queue: the third and fourth customers hear that it is full, with the real wait.
        #expect(told[0].hasPrefix("Of course, Ana.") && told[1].hasPrefix("Of course, Ana."))
        #expect(told[2] == "Thanks for waiting, Ana. All of our team members are helping other customers right now. Expected wait: about 13 minutes. If you'd rather not wait, reply LATER and we'll answer you right here as soon as someone is free; you won't need to repeat anything.")
        #expect(told[3].hasPrefix("Gracias por esperar, Ana.") && told[3].contains("responde MÁS TARDE"))

        // A question is not the choice; "later" (or "más tarde") is, once.
        _ = try dispatcher.ingest(message("w3", "how long is the wait later today?"))
        #expect(try texts(store, kind: .waitUpdate).isEmpty)
        _ = try dispatcher.ingest(message("w3", "LATER please"))
        _ = try dispatcher.ingest(message("w4", "ok, más tarde"))
        _ = try dispatcher.ingest(message("w3", "later"))
        #expect(try texts(store, kind: .waitUpdate, thread: "w3") == ["No problem, Ana. We'll answer you right here as soon as someone from our team is free; you don't need to stay in the chat."])
        #expect(try texts(store, kind: .waitUpdate, thread: "w4").count == 1)
        let audit = try #require(try store.thread(id: "w3")).audit
        #expect(audit.contains { $0.action == .answerLater && $0.fromState == .queued && $0.toState == .queued })
        // Still in the queue, in its place; but the promised waits of the others run out, and only they hear about it.
        #expect(try store.thread(id: "w3")?.summary.state == .queued)
        clock.advance(7_200)
        let sweep = try dispatcher.sweep()
        #expect(Set(sweep.waitUpdates) == ["w1", "w2"])
    }

    @Test func theChoiceIsAShortAnswerInThreeLanguages() {
        for text in ["later", "LATER", "later please", "ok, later", "reply later", "más tarde", "mas tarde por favor", "depois", "mais tarde, obrigado"] {
            #expect(AsyncFallback.isChoice(text), "\(text)")
        }
        for text in ["", "I'll pay later but where is my parcel", "see you later alligator, I still need my refund", "no", "tarde"] {
            #expect(!AsyncFallback.isChoice(text), "\(text)")
        }
    }

    @Test func capacityIsReadFromTheConfigAndChecked() throws {
        let config = try ConfigLoader.load(toml: "[[queues]]\nname = \"general\"\ncapacity = 20", source: "b.toml")
        #expect(config.queue(named: "general").capacity == 20)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(toml: "[[queues]]\nname = \"general\"\ncapacity = 0", source: "b.toml") }
    }
}

/// A customer who leaves before anyone connects is kept for a written follow-up, not dropped.
@Suite struct CustomerLeftTests {
    let t0 = StoreFixtures.t0

    func conversation(_ id: String, text: String = "I want to talk to a human") -> Conversation {
        Conversation(id: id, channel: .webchat, customer: Customer(id: "cust-\(id)", name: "Ana Souza", language: "en"),
                     messages: [Message(role: .customer, text: text, at: t0)])
    }

    func config() -> BatonConfig {
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", pickupWindow: 7_200)]
        config.queues[0].leaveAfter = 600
        return config
    }

    @Test func theSweepKeepsACustomerSilentForLeaveAfterAsAFollowUp() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"], status: .away))
        let clock = HonestWaitStoreTests.Clock(t0)
        let dispatcher = Dispatcher(store: store, config: config(), clock: clock.function)
        _ = try dispatcher.ingest(batch: [conversation("quiet"), conversation("talker")])
        clock.advance(300)
        _ = try dispatcher.ingest(.message(conversationID: "talker", channel: nil, customer: nil,
                                           message: Message(role: .customer, text: "still here?", at: clock.now)))
        clock.advance(299)
        #expect(try dispatcher.sweep().left == [])
        clock.advance(1)
        // Ten minutes without a word since the handoff: kept. The one who wrote five minutes ago is still waiting.
        #expect(try dispatcher.sweep().left == ["quiet"])
        let audit = try #require(try store.thread(id: "quiet")?.audit.last)
        #expect(audit.action == .answerLater && audit.actor == "sweeper")
        #expect(audit.reason == "the customer has not written for 600s while waiting: kept for a written follow-up")
        #expect(try store.thread(id: "quiet")?.summary.state == .queued)
        clock.advance(300)
        #expect(try dispatcher.sweep().left == ["talker"])
        clock.advance(3_600)
        #expect(try dispatcher.sweep().left == [])
    }

    @Test func thePlatformReportingTheCustomerLeftKeepsAWaitingThreadAndNothingElse() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"]))
        let dispatcher = Dispatcher(store: store, config: config(), clock: { [t0] in t0 })
        _ = try dispatcher.ingest(batch: [conversation("gone"), conversation("bot", text: "where is my parcel")])
        let parser = ConversationParser()
        let left = try parser.parse(line: #"{"conversation_id": "gone", "customer_left": true}"#, lineNumber: 1)
        #expect(left == .customerLeft(conversationID: "gone"))
        #expect(try dispatcher.ingest(left) == .appended(threadID: "gone", state: .queued))
        #expect(try store.thread(id: "gone")?.audit.last?.action == .answerLater)
        // The AI still holds this one: nothing to keep.
        #expect(try dispatcher.ingest(.customerLeft(conversationID: "bot")) == .appended(threadID: "bot", state: .ai))
        #expect(try store.thread(id: "bot")?.audit.isEmpty == true)
        #expect(throws: InputError.self) { try parser.parse(line: #"{"conversation_id": "gone", "customer_left": false}"#, lineNumber: 7) }
        #expect(throws: IngestError.unknownConversation("nobody")) { try dispatcher.ingest(.customerLeft(conversationID: "nobody")) }
    }

    @Test func leaveAfterIsReadFromTheConfig() throws {
        let config = try ConfigLoader.load(toml: "[[queues]]\nname = \"general\"\nleave_after = \"15m\"", source: "b.toml")
        #expect(config.queue(named: "general").leaveAfter == 900)
    }
}
