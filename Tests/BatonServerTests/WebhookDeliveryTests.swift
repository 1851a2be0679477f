import BatonCore
import BatonServer
import BatonStore
import Foundation
import Synchronization
import Testing

/// A receiver played in process: it answers from a script and remembers every delivery it saw.
final class ScriptedReceiver: WebhookTransport {
    struct Delivery: Sendable {
        let id: String
        let conversation: String
        let sequence: Int
        let type: String
        let verified: Bool
    }

    private let script = Mutex<[String: [AttemptOutcome]]>([:])
    private let seen = Mutex<[Delivery]>([])
    let verifier: WebhookSigner
    let clock: TestClock

    init(secret: String, clock: TestClock) {
        verifier = WebhookSigner(secrets: [secret])
        self.clock = clock
    }

    /// The next answers to the delivery `evt_<id>`; 200 once the script runs out.
    func answer(_ webhookID: String, with outcomes: [AttemptOutcome]) { script.withLock { $0[webhookID] = outcomes } }
    var deliveries: [Delivery] { seen.withLock { $0 } }

    func post(url: String, headers: [(String, String)], body: [UInt8], timeout: Duration) async -> AttemptOutcome {
        let header = Dictionary(headers, uniquingKeysWith: { first, _ in first })
        let id = header["webhook-id"] ?? ""
        let json = (try? JSONReader.parse(body)) ?? .null
        let verified = verifier.verify(id: id, timestamp: header["webhook-timestamp"] ?? "", signatures: header["webhook-signature"] ?? "",
                                       body: body, now: clock.now)
        seen.withLock {
            $0.append(Delivery(id: id, conversation: json["data"]?["conversation_id"]?.string ?? "",
                               sequence: Int(json["data"]?["sequence"]?.number ?? -1), type: json["type"]?.string ?? "", verified: verified))
        }
        return script.withLock { script in
            guard var outcomes = script[id], !outcomes.isEmpty else { return .status(200, retryAfter: nil) }
            let next = outcomes.removeFirst()
            script[id] = outcomes
            return next
        }
    }
}

@Suite struct WebhookDeliveryTests {
    let secret = "whsec_" + Data("a test secret of 24 bytes".utf8).base64EncodedString()

    struct Setup {
        let store: SQLiteHandoffStore
        let clock: TestClock
        let receiver: ScriptedReceiver
        let deliverer: WebhookDeliverer
    }

    func setup(events: Set<OutboxKind>? = nil) async throws -> Setup {
        let store = try SQLiteHandoffStore.inMemory()
        try store.upsertAgent(Agent(id: "ana", name: "ana", skills: ["general", "billing"], capacity: 100), actor: "setup")
        let clock = TestClock()
        let receiver = ScriptedReceiver(secret: secret, clock: clock)
        let deliverer = WebhookDeliverer(store: store, webhooks: [WebhookConfig(name: "bot", url: "http://127.0.0.1:1/hook", secrets: [secret], events: events)],
                                         transport: receiver, runner: StoreRunner(threads: 2), clock: { clock.now }, random: { 0.5 })
        try await deliverer.register()
        return Setup(store: store, clock: clock, receiver: receiver, deliverer: deliverer)
    }

    /// Hands off, claims and answers `ids`: three events each (handoff message, claimed, introduction) plus a reply.
    func converse(_ setup: Setup, _ ids: [String]) throws {
        for id in ids {
            _ = try setup.store.record(Conversation(id: id, customer: Customer(id: "cu-\(id)"), messages: [Message(role: .customer, text: "help")]),
                                       now: setup.clock.now)
            let fired = FiredTrigger(kind: .explicitRequest, message: 0, reason: "asked", rule: "explicit_request/en")
            let decision = HandoffDecision(conversationID: id, handoff: true, at: 0, primary: fired, triggers: [fired], queue: "general",
                                           priority: .medium, sentiment: [0])
            let conversation = try #require(try setup.store.conversation(id: id))
            let request = try #require(HandoffPlanner(config: BatonConfig()).plan(conversation: conversation, decision: decision,
                                                                                  situation: .init(counts: [], agents: []), now: setup.clock.now))
            try setup.store.handoff(request, now: setup.clock.now)
            try setup.store.claim(threadID: id, agent: "ana", now: setup.clock.now)
            try setup.store.reply(threadID: id, agent: "ana", text: "on it", now: setup.clock.now)
        }
    }

    @Test func everyEventIsDeliveredSignedAndInOrderPerConversationThroughRetries() async throws {
        let setup = try await setup()
        try converse(setup, ["c1", "c2"])
        let firstOfC1 = try #require(try setup.store.events(threadID: "c1", afterSequence: 0, limit: 1).first)
        setup.receiver.answer("evt_\(firstOfC1.id)", with: [.status(503, retryAfter: nil), .timeout, .connectionError("reset")])

        // Each pass sends at most one event per conversation; c1 is held back by its failing first event.
        var passes = 0
        while try await setup.deliverer.tick() > 0 || (try setup.store.nextWebhookDue(endpoint: "bot")) != nil {
            passes += 1
            guard passes < 50 else {
                Issue.record("deliveries did not settle in 50 passes")
                break
            }
            if let due = try setup.store.nextWebhookDue(endpoint: "bot"), due > setup.clock.now {
                setup.clock.advance(due.timeIntervalSince(setup.clock.now))
            }
        }
        let seen = setup.receiver.deliveries
        #expect(seen.allSatisfy { $0.verified })
        for conversation in ["c1", "c2"] {
            let sequences = seen.filter { $0.conversation == conversation }.map(\.sequence)
            // In order; a retried event is repeated (same webhook-id) before anything after it.
            #expect(sequences == (conversation == "c1" ? [1, 1, 1, 1, 2, 3, 4] : [1, 2, 3, 4]))
        }
        let c1Firsts = seen.filter { $0.conversation == "c1" && $0.sequence == 1 }.map(\.id)
        #expect(Set(c1Firsts) == ["evt_\(firstOfC1.id)"])
        #expect(try setup.store.webhookBacklog() == [WebhookBacklog(endpoint: "bot", pending: 0, failed: 0)])
    }

    @Test func aFinalRefusalIsFailedVisibleAndCanBeRedelivered() async throws {
        let setup = try await setup()
        try converse(setup, ["c1"])
        let events = try setup.store.events(threadID: "c1", afterSequence: 0, limit: 10)
        setup.receiver.answer("evt_\(events[1].id)", with: [.status(410, retryAfter: nil)])
        while try await setup.deliverer.tick() > 0 {}
        let failed = try setup.store.webhookDeliveries(state: .failed, endpoint: "bot", limit: 10)
        #expect(failed.map(\.event.id) == [events[1].id])
        #expect(failed.first?.lastStatus == 410)
        // The failed one does not hold the rest of the conversation back.
        #expect(setup.receiver.deliveries.map(\.sequence) == [1, 2, 3, 4])

        #expect(try setup.store.redeliverWebhooks(ids: nil, endpoint: "bot", now: setup.clock.now) == 1)
        while try await setup.deliverer.tick() > 0 {}
        #expect(setup.receiver.deliveries.map(\.sequence) == [1, 2, 3, 4, 2])
        #expect(try setup.store.webhookDeliveries(state: .failed, endpoint: nil, limit: 10).isEmpty)
    }

    @Test func retriesStopAfter24Hours() async throws {
        let setup = try await setup(events: [.handoffMessage])
        try converse(setup, ["c1"])
        let first = try #require(try setup.store.events(threadID: "c1", afterSequence: 0, limit: 1).first)
        setup.receiver.answer("evt_\(first.id)", with: Array(repeating: .status(500, retryAfter: nil), count: 100))
        var attempts = 0
        while true {
            attempts += try await setup.deliverer.tick()
            guard let due = try setup.store.nextWebhookDue(endpoint: "bot") else { break }
            setup.clock.advance(max(0, due.timeIntervalSince(setup.clock.now)))
        }
        let failed = try setup.store.webhookDeliveries(state: .failed, endpoint: "bot", limit: 10)
        #expect(failed.count == 1)
        #expect(failed.first?.attempts == attempts)
        let span = try #require(failed.first?.lastAttemptAt).timeIntervalSince(try #require(failed.first?.firstAttemptAt))
        #expect(span <= 24 * 3600)
        #expect(span > 20 * 3600)
        // Only the kind asked for was ever sent.
        #expect(Set(setup.receiver.deliveries.map(\.type)) == ["handoff_message"])
    }
}
