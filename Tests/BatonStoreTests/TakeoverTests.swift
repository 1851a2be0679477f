import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// An agent takes a conversation over from the AI before any trigger fires.
@Suite struct TakeoverTests {
    let t0 = StoreFixtures.t0

    /// Two AI replies, the last unsure: no trigger has fired yet, but one more low reply would hand off.
    func shaky(_ id: String = "ai1") -> Conversation {
        Conversation(id: id, channel: .whatsapp, customer: Customer(id: "cust-\(id)", name: "Lucía Pérez", language: "es"), messages: [
            Message(role: .customer, text: "mi pedido 8812 no llegó", at: t0),
            Message(role: .ai, text: "Lo reviso. Según el sistema fue entregado.", at: t0, confidence: 0.52),
            Message(role: .customer, text: "pero no lo tengo", at: t0.addingTimeInterval(30)),
        ])
    }

    func dispatcher(_ store: SQLiteHandoffStore, at now: Date? = nil) -> Dispatcher {
        Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in now ?? t0 })
    }

    @Test func theWatchNamesTheNearestMiss() {
        var config = EngineConfig()
        config.lowConfidenceConsecutive = 2
        let conversation = shaky()
        let watch = AIWatch.assess(conversation, decision: TriggerEngine(config: config).evaluate(conversation), config: config)
        #expect(watch.nearestMiss == "confidence 0.52, one more low reply hands off")
        #expect(watch.sentiment.trajectory.count == 2)
        var sure = conversation
        sure.messages[1].confidence = 0.95
        #expect(AIWatch.assess(sure, decision: TriggerEngine(config: config).evaluate(sure), config: config).nearestMiss == nil)
    }

    @Test func takingOverHandsOffAsAgentTakeoverClaimsAndTellsTheBot() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana Torres", skills: ["general"]))
        let dispatcher = dispatcher(store)
        #expect(try dispatcher.ingest(.conversation(shaky())) == .keptByAI(threadID: "ai1"))
        let taken = try dispatcher.claimOrTakeOver(threadID: "ai1", agent: "ana")
        #expect(taken.state == .claimed && taken.owner == "ana")
        let detail = try #require(try store.thread(id: "ai1"))
        #expect(detail.packet?.primary.kind == .agentTakeover)
        #expect(detail.packet?.primary.reason == "agent ana took over from the AI (confidence 0.52, one more low reply hands off)")
        #expect(detail.packet?.transcript.count == 3)
        let trail = try store.audit(threadID: "ai1", limit: 10)
        #expect(trail.map(\.actor).suffix(1) == ["ana"])
        #expect(trail.map(\.toState).suffix(2) == [.queued, .claimed])
        // The bot hears `claimed` (a human holds it now) and the customer only the agent's introduction.
        let events = try store.outbox(afterID: 0, limit: 10, includeDelivered: true)
        #expect(events.map(\.kind) == [.claimed, .agentIntroduction])
        #expect(events.first?.holder == .human)
        #expect(events.last?.text == "Ana Torres, de nuestro equipo, se ha unido a la conversación.")
    }

    @Test func onlyAConversationTheAIHoldsIsTakenOver() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general"]))
        try store.add(Agent(id: "bob", name: "Bob", skills: ["general"]))
        let dispatcher = dispatcher(store)
        _ = try dispatcher.ingest(.conversation(shaky()))
        let request = try #require(TakeoverPlanner(config: BatonConfig()).request(conversation: shaky(), agent: "bob", now: t0))
        try dispatcher.takeOver(threadID: "ai1", agent: "ana")
        // Bob's take-over, planned while the AI held it, loses: nothing changes.
        #expect(throws: LifecycleError.notAllowed(action: .claim, state: .claimed)) { try store.takeOver(request, now: t0) }
        #expect(try store.thread(id: "ai1")?.summary.owner == "ana")
        #expect(throws: LifecycleError.noSuchThread("nope")) { try dispatcher.takeOver(threadID: "nope", agent: "ana") }
        var ghost = try #require(TakeoverPlanner(config: BatonConfig()).request(conversation: shaky("ai2"), agent: "zed", now: t0))
        _ = try dispatcher.ingest(.conversation(shaky("ai2")))
        #expect(throws: LifecycleError.noSuchAgent("zed")) { try store.takeOver(ghost, now: t0) }
        ghost.takenOverBy = nil
        #expect(throws: StoreError.self) { try store.takeOver(ghost, now: t0) }
        #expect(try store.thread(id: "ai2")?.summary.state == .ai)
    }
}
