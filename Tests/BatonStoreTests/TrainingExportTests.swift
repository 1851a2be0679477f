import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `resolvedHandoffs(since:limit:)`: agents' verdicts read back for `baton export-training`.
@Suite struct TrainingExportTests {
    let t0 = StoreFixtures.t0

    func handOffAndResolve(_ store: SQLiteHandoffStore, _ id: String, _ messages: [Message], _ disposition: Disposition,
                           at offset: TimeInterval) throws {
        let dispatcher = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 + offset })
        _ = try dispatcher.ingest(.conversation(Conversation(id: id, customer: Customer(id: "c-\(id)", name: "C", language: "es"),
                                                             messages: messages)))
        try store.claim(threadID: id, agent: "ana", now: t0 + offset)
        try store.resolve(threadID: id, agent: "ana", disposition: disposition, note: nil, now: t0 + offset + 60)
    }

    @Test func resolvedHandoffsCarryTheirVerdictTriggerAndCustomerMessage() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.add(Agent(id: "ana", name: "Ana", skills: ["general", "billing", "security"]))
        try handOffAndResolve(store, "old", [Message(role: .customer, text: "agent please")], .solved, at: 0)
        try handOffAndResolve(store, "a", [Message(role: .customer, text: "hola"), Message(role: .ai, text: "¿En qué te ayudo?", confidence: 0.9),
                                           Message(role: .customer, text: "quiero hablar con un humano")], .solved, at: 86_400)
        try handOffAndResolve(store, "b", [Message(role: .customer, text: "I demand a refund")], .aiCouldHaveHandled, at: 86_500)
        try handOffAndResolve(store, "c", [Message(role: .customer, text: "talk to a person")], .spam, at: 86_600)
        _ = try Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 + 86_700 })
            .ingest(.conversation(Conversation(id: "open", customer: Customer(id: "x", name: "X"), messages: [Message(role: .customer, text: "agent")])))

        let handoffs = try store.resolvedHandoffs(since: t0 + 3600, limit: 100)
        #expect(handoffs.map(\.threadID) == ["a", "b", "c"])
        #expect(handoffs[0].text == "quiero hablar con un humano" && handoffs[0].trigger.message == 2)
        #expect(handoffs[0].disposition == .solved && handoffs[0].language == "es")
        #expect(handoffs[0].trainingLabels == [.explicitRequest])
        #expect(handoffs[1].trainingLabels == [])
        #expect(handoffs[2].trainingLabels == nil)
        #expect(try store.resolvedHandoffs(since: t0 + 3600, limit: 1).count == 1)
        #expect(throws: StoreError.self) { try store.resolvedHandoffs(since: t0, limit: -1) }
    }

    @Test func trainingExamplesUseTheScriptsFormat() throws {
        let trigger = FiredTrigger(kind: .policyTopic, message: 0, reason: "r", rule: "policy_topic/refund", topic: "refund")
        let handoff = ResolvedHandoff(threadID: "t", disposition: .solved, resolvedAt: t0, trigger: trigger, text: "quiero mi \"plata\"",
                                      language: "es")
        #expect(handoff.trainingExample?.serialized == #"{"text":"quiero mi \"plata\"","labels":["refund"],"lang":"es","domain":"export","hard":false}"#)
        var tool = handoff
        tool.trigger = FiredTrigger(kind: .toolFailure, message: 0, reason: "r", rule: "tool_failure")
        #expect(tool.trainingExample == nil)
        var custom = handoff
        custom.trigger.topic = "warranty"
        #expect(custom.trainingLabels == nil)
    }
}
