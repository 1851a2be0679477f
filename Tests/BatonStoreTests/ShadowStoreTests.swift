import BatonCore
import Foundation
import Testing
@testable import BatonStore

/// Shadow mode through every ingest path: decisions are stored, nothing is handed off, nothing is sent.
@Suite struct ShadowStoreTests {
    static let t0 = StoreFixtures.t0

    static func config(pilot: Int = 0) -> BatonConfig {
        var config = BatonConfig()
        config.engine.mode = .shadow
        config.engine.pilotPercent = pilot
        return config
    }

    static func wantsHuman(_ id: String, customer: String? = nil) -> Conversation {
        Conversation(id: id, channel: .webchat, customer: Customer(id: customer ?? "cust-\(id)", name: "Ana Ruiz", language: "en"),
                     messages: [
                        Message(role: .customer, text: "hi, I have a question about my order", at: t0),
                        Message(role: .ai, text: "Sure, what would you like to know?", at: t0.addingTimeInterval(5), confidence: 0.9),
                        Message(role: .customer, text: "I want to talk to a human agent now", at: t0.addingTimeInterval(10)),
                     ])
    }

    static func calm(_ id: String) -> Conversation {
        Conversation(id: id, channel: .webchat, customer: Customer(id: "cust-\(id)", name: "Bo"),
                     messages: [Message(role: .customer, text: "what are your opening hours?", at: t0),
                                Message(role: .ai, text: "We are open 9 to 5.", at: t0.addingTimeInterval(5), confidence: 0.95)])
    }

    /// Nothing of a handoff happened: every thread is with the AI, no queue holds anything, the outbox is empty.
    static func expectNothingHandedOff(_ store: SQLiteHandoffStore) throws {
        #expect(try store.threads(ThreadQuery(states: Set(ThreadState.allCases.filter { $0 != .ai }), limit: 100)).isEmpty)
        #expect(try store.queueCounts(now: t0).allSatisfy { $0.waiting == 0 })
        #expect(try store.outbox(afterID: 0, limit: 100, includeDelivered: true).isEmpty)
        #expect(try store.checkInvariants() == [])
    }

    @Test func aBatchStoresDecisionsAndHandsNothingOff() throws {
        let store = try StoreFixtures.staffedStore()
        let dispatcher = Dispatcher(store: store, config: Self.config(), clock: { Self.t0 })
        let outcomes = try dispatcher.ingest(batch: [Self.wantsHuman("s1"), Self.calm("s2"), Self.wantsHuman("s3")])
        #expect(outcomes.count == 3)
        guard case .shadowed(let decision) = outcomes[0] else { Issue.record("expected shadowed, got \(outcomes[0])"); return }
        #expect(decision.trigger == .explicitRequest)
        #expect(decision.queue == "general")
        #expect(decision.message == 2)
        #expect(!decision.customerMessage.isEmpty && !decision.customerMessage.contains("{"))
        #expect(outcomes[1] == .keptByAI(threadID: "s2"))
        try Self.expectNothingHandedOff(store)
        #expect(try store.thread(id: "s1")?.summary.state == .ai)

        let records = try store.shadowDecisions(since: Self.t0.addingTimeInterval(-1), limit: 10)
        #expect(records.map(\.decision.conversationID) == ["s1", "s3"])
        #expect(records[0].decision == decision)
        #expect(records.allSatisfy { $0.aftermath == .keptByAI })
        #expect(try store.shadowDecisions(since: Self.t0.addingTimeInterval(1), limit: 10).isEmpty)
        #expect(try store.shadowDecisions(since: Self.t0.addingTimeInterval(-1), limit: 1).count == 1)
    }

    @Test func aConversationKeepsItsFirstDecisionWhenItsCustomerWritesAgain() throws {
        let store = try StoreFixtures.staffedStore()
        let dispatcher = Dispatcher(store: store, config: Self.config(), clock: { Self.t0 })
        _ = try dispatcher.ingest(.conversation(Self.wantsHuman("s1")))
        var later = Self.wantsHuman("s1")
        later.messages.append(Message(role: .customer, text: "THIS IS RIDICULOUS!!", at: Self.t0.addingTimeInterval(60)))
        let outcome = try dispatcher.ingest(.conversation(later))
        guard case .shadowed = outcome else { Issue.record("expected shadowed, got \(outcome)"); return }
        let records = try store.shadowDecisions(since: .distantPast, limit: 10)
        #expect(records.count == 1)
        #expect(records.first?.decision.trigger == .explicitRequest)
        #expect(try store.conversation(id: "s1")?.messages.count == 4)
        try Self.expectNothingHandedOff(store)
    }

    @Test func messageEventsAndTheBotsOwnHandoffAreShadowedToo() throws {
        let store = try StoreFixtures.staffedStore()
        let dispatcher = Dispatcher(store: store, config: Self.config(), clock: { Self.t0 })
        let customer = Customer(id: "cust-e1", name: "Ana")
        let events = [
            MessageEvent(conversationID: "e1", channel: .whatsapp, customer: customer,
                         message: Message(role: .customer, text: "I want to speak to a real person", at: Self.t0)),
            MessageEvent(conversationID: "e2", channel: .whatsapp, customer: Customer(id: "cust-e2"),
                         message: Message(role: .customer, text: "hello", at: Self.t0)),
        ]
        var answered: [Int: Dispatcher.Outcome] = [:]
        let results = try dispatcher.ingest(events: events) { slot, outcome, _ in
            answered[slot] = try outcome.get()
            return nil
        }
        guard case .shadowed(let decision)? = try? results[0].outcome.get() else {
            Issue.record("expected shadowed, got \(results[0].outcome)"); return
        }
        #expect(decision.conversationID == "e1")
        #expect(results[0].respondedInTransaction)
        #expect(answered[0] == .shadowed(decision))
        #expect(try results[1].outcome.get() == .keptByAI(threadID: "e2"))
        // The single-record path, and the bot handing off by itself.
        let single = try dispatcher.ingest(.message(conversationID: "e2", channel: nil, customer: nil,
                                                    message: Message(role: .customer, text: "get me a human", at: Self.t0)))
        guard case .shadowed = single else { Issue.record("expected shadowed, got \(single)"); return }
        _ = try dispatcher.ingest(.conversation(Self.calm("b1")))
        let bot = try dispatcher.botHandoff(conversationID: "b1", reason: "refund over limit", summary: nil, queue: "billing")
        guard case .shadowed(let botDecision) = bot else { Issue.record("expected shadowed, got \(bot)"); return }
        #expect(botDecision.trigger == .botRequest && botDecision.queue == "billing")
        try Self.expectNothingHandedOff(store)
        #expect(try store.shadowDecisions(since: .distantPast, limit: 10).map(\.decision.conversationID).sorted() == ["b1", "e1", "e2"])
    }

    @Test func thePilotShareHandsOffLiveAndTheRestStayInShadow() throws {
        let ids = (0..<40).map { "p\($0)" }
        let live = Set(ids.filter { PilotShare.isLive($0, percent: 30) })
        #expect(!live.isEmpty && live.count < ids.count)
        let store = try StoreFixtures.staffedStore()
        let dispatcher = Dispatcher(store: store, config: Self.config(pilot: 30), clock: { Self.t0 })
        let outcomes = try dispatcher.ingest(batch: ids.map { Self.wantsHuman($0) })
        var handedOff = Set<String>(), shadowed = Set<String>()
        for outcome in outcomes {
            switch outcome {
            case .handedOff(let thread): handedOff.insert(thread.id)
            case .shadowed(let decision): shadowed.insert(decision.conversationID)
            default: Issue.record("unexpected \(outcome)")
            }
        }
        #expect(handedOff == live)
        #expect(shadowed == Set(ids).subtracting(live))
        #expect(try store.outbox(afterID: 0, limit: 1000, includeDelivered: true).map(\.threadID).allSatisfy(live.contains))
        #expect(try store.shadowDecisions(since: .distantPast, limit: 100).count == ids.count - live.count)

        for (pilot, expectLive) in [(0, false), (100, true)] {
            let store = try StoreFixtures.staffedStore()
            let dispatcher = Dispatcher(store: store, config: Self.config(pilot: pilot), clock: { Self.t0 })
            let outcomes = try dispatcher.ingest(batch: ids.map { Self.wantsHuman($0) })
            #expect(outcomes.allSatisfy { if case .handedOff = $0 { expectLive } else { !expectLive } }, "pilot_percent = \(pilot)")
        }
    }

    @Test func whatHappenedAfterwardsIsReportedWithTheDecision() throws {
        let store = try StoreFixtures.staffedStore()
        let shadow = Dispatcher(store: store, config: Self.config(), clock: { Self.t0 })
        _ = try shadow.ingest(batch: [Self.wantsHuman("kept"), Self.wantsHuman("taken"), Self.wantsHuman("done")])
        // An agent takes two over after all; one is resolved.
        let later = Dispatcher(store: store, config: Self.config(), clock: { Self.t0.addingTimeInterval(120) })
        _ = try later.takeOver(threadID: "taken", agent: "ana")
        _ = try later.takeOver(threadID: "done", agent: "bo")
        try store.resolve(threadID: "done", agent: "bo", disposition: .solved, note: nil, now: Self.t0.addingTimeInterval(300))
        let records = try shadow.shadowReport(since: .distantPast)
        #expect(records.records.map(\.aftermath) == [.keptByAI, .handedOffLater, .resolvedByAgent])
        #expect(records.summary.total.decisions == 3)
        #expect(records.summary.rows.first?.aftermath[.keptByAI] == 1)
    }

    @Test func theMonthlyReviewReportsTheShadowDecisions() throws {
        let store = try StoreFixtures.staffedStore()
        let dispatcher = Dispatcher(store: store, config: Self.config(), clock: { Self.t0 })
        _ = try dispatcher.ingest(batch: [Self.wantsHuman("r1"), Self.calm("r2"), Self.wantsHuman("r3")])
        let review = try dispatcher.review(since: Self.t0.addingTimeInterval(-86_400), now: Self.t0.addingTimeInterval(60))
        let section = try #require(review.section("shadow_decisions"))
        #expect(section.rows.last == ["all", "2", "0", "2", "0", "0"])
        // Live, with no decisions in the period, the review has no such section.
        let live = Dispatcher(store: try StoreFixtures.staffedStore(), config: BatonConfig(), clock: { Self.t0 })
        #expect(try live.review(since: Self.t0.addingTimeInterval(-86_400), now: Self.t0).section("shadow_decisions") == nil)
    }

    @Test func liveModeStoresNoDecisions() throws {
        let store = try StoreFixtures.staffedStore()
        let dispatcher = Dispatcher(store: store, config: BatonConfig(), clock: { Self.t0 })
        guard case .handedOff = try dispatcher.ingest(.conversation(Self.wantsHuman("l1"))) else { Issue.record("not handed off"); return }
        #expect(try store.shadowDecisions(since: .distantPast, limit: 10).isEmpty)
    }
}
