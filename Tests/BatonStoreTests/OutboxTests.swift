import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// The outbox carries customer-facing text and bot control events, in order, at least once.
@Suite struct OutboxTests {
    let t0 = StoreFixtures.t0

    @Test func lifecycleWritesTheExpectedMessagesInOrder() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.add(Agent(id: "ana", name: "Ana Lima", skills: ["billing"]))
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(1))
        try store.reply(threadID: "c1", agent: "ana", text: "Refund issued.", now: t0.addingTimeInterval(2))
        try store.release(threadID: "c1", agent: "ana", note: "refund done; confirm by email", now: t0.addingTimeInterval(3))
        try store.handoff(StoreFixtures.request("c1", afterHours: true), now: t0.addingTimeInterval(4))
        try store.claim(threadID: "c1", agent: "zed", now: t0.addingTimeInterval(5))
        try store.resolve(threadID: "c1", agent: "zed", disposition: .solved, note: nil, now: t0.addingTimeInterval(6))

        let messages = try store.outbox(afterID: 0, limit: 100, includeDelivered: false)
        #expect(messages.map(\.kind) == [.handoffMessage, .claimed, .agentIntroduction, .agentReply, .releasedToAI,
                                         .afterHoursMessage, .afterHoursCaptured, .claimed, .agentIntroduction, .resolved])
        #expect(messages.map(\.text) == [
            "Connecting you with our team.", nil, "A member of our team, Ana Lima, has joined the conversation.",
            "Refund issued.", "refund done; confirm by email", "We open at 9:00.", nil, nil,
            "A member of our team, zed, has joined the conversation.", nil,
        ])
        #expect(messages.map(\.actor) == ["system", "ana", "ana", "ana", "ana", "system", "system", "zed", "zed", "zed"])
        #expect(messages.map(\.id) == messages.map(\.id).sorted())
        #expect(Set(messages.map(\.threadID)) == ["c1"])
    }

    @Test func acknowledgedMessagesAreHiddenUnlessAskedFor() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        let all = try store.outbox(afterID: 0, limit: 100, includeDelivered: false)
        #expect(all.count == 3)

        let ackAt = t0.addingTimeInterval(10)
        #expect(try store.acknowledge(outboxIDs: [all[0].id, all[1].id], now: ackAt) == OutboxAcknowledgement(newlyDelivered: 2))
        // Acknowledging again (at-least-once delivery retries) marks nothing new; unknown ids are named.
        #expect(try store.acknowledge(outboxIDs: [all[0].id, 999_999], now: ackAt)
                == OutboxAcknowledgement(newlyDelivered: 0, alreadyDelivered: 1, unknown: [999_999]))

        let pending = try store.outbox(afterID: 0, limit: 100, includeDelivered: false)
        #expect(pending.map(\.id) == [all[2].id])
        let everything = try store.outbox(afterID: 0, limit: 100, includeDelivered: true)
        #expect(everything.map(\.id) == all.map(\.id))
        #expect(everything.map(\.deliveredAt) == [ackAt, ackAt, nil])
        // Paging by id.
        #expect(try store.outbox(afterID: all[0].id, limit: 1, includeDelivered: true).map(\.id) == [all[1].id])
        #expect(throws: StoreError.self) { try store.outbox(afterID: 0, limit: -1, includeDelivered: true) }
    }
}

@Suite("Agent introduction")
struct AgentIntroductionTests {
    @Test("the introduction chosen at handoff (language, config) is sent on claim with the agent's name")
    func introductionFromHandoff() throws {
        let store = try StoreFixtures.staffedStore()
        try store.add(Agent(id: "lu", name: "Lucía", skills: ["general"]))
        let now = Date(timeIntervalSince1970: 1_795_168_800)
        let conversation = Conversation(id: "es1", customer: Customer(id: "c", name: "Ana", language: "es"),
                                        messages: [Message(role: .customer, text: "quiero hablar con una persona")])
        _ = try store.record(conversation, now: now)
        let primary = FiredTrigger(kind: .explicitRequest, message: 0, reason: "r", rule: "explicit_request/es")
        let decision = HandoffDecision(conversationID: "es1", handoff: true, at: 0, primary: primary, triggers: [primary],
                                       queue: "general", priority: .medium, sentiment: [0])
        let request = try #require(HandoffPlanner(config: BatonConfig()).plan(conversation: conversation, decision: decision,
                                                                               situation: .init(counts: [], agents: []), now: now))
        try store.handoff(request, now: now)
        try store.claim(threadID: "es1", agent: "lu", now: now + 10)
        let introduction = try store.outbox(afterID: 0, limit: 10, includeDelivered: true).first { $0.kind == .agentIntroduction }
        #expect(introduction?.text == "Lucía, de nuestro equipo, se ha unido a la conversación.")
    }
}
