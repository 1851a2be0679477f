import BatonCore
import BatonServer
import BatonStore
import Foundation
import Testing

/// Shadow mode over HTTP: the answer says what would have happened and that nothing did.
@Suite struct ShadowAPITests {
    static func shadowConfig(pilot: Int = 0) -> BatonConfig {
        var config = BatonConfig()
        config.engine.mode = .shadow
        config.engine.pilotPercent = pilot
        return config
    }

    @Test func aConversationThatWouldHandOffIsAnsweredAsShadowAndStaysWithTheAI() async throws {
        let harness = try ServerHarness(config: Self.shadowConfig())
        try await harness.run { client in
            let answer = try await client.post("/v1/conversations", Bodies.conversation("s1", Bodies.wantsHuman))
            #expect(answer.status == .ok)
            #expect(answer["outcome"]?.string == "shadow")
            #expect(answer["handed_off"]?.bool == false)
            #expect(answer["holder"]?.string == "ai")
            #expect(answer["customer_message"] == .null)
            #expect(answer["shadow"]?["would_hand_off"]?.bool == true)
            #expect(answer["shadow"]?["trigger"]?["kind"]?.string == "explicit_request")
            #expect(answer["shadow"]?["queue"]?.string == "general")
            #expect(answer["shadow"]?["customer_message"]?.string?.isEmpty == false)
            try OpenAPICheck.response(answer, path: "/v1/conversations", method: "post")

            let message = try await client.post("/v1/conversations/m1/messages",
                                                 #"{"customer":{"id":"cu1","name":"Ana"},"channel":"whatsapp","message":{"id":"wamid.1","role":"customer","text":"I want to speak to a real person"}}"#)
            #expect(message.status == .ok)
            #expect(message["outcome"]?.string == "shadow")
            #expect(message["holder"]?.string == "ai")
            try OpenAPICheck.response(message, path: "/v1/conversations/{id}/messages", method: "post")

            let calm = try await client.post("/v1/conversations", Bodies.conversation("s2", Bodies.calm))
            #expect(calm["outcome"]?.string == "kept_by_ai")
            #expect(calm["shadow"] == nil)

            // The bot is told nothing to deliver: no events at all.
            let events = try await client.get("/v1/events")
            #expect(events.status == .ok)
            #expect(events["events"]?.array?.isEmpty == true, "\(events.body)")
        }
        #expect(try harness.store.thread(id: "s1")?.summary.state == .ai)
        #expect(try harness.store.thread(id: "m1")?.summary.state == .ai)
        #expect(try harness.store.outbox(afterID: 0, limit: 10, includeDelivered: true).isEmpty)
        #expect(try harness.store.shadowDecisions(since: .distantPast, limit: 10).map(\.decision.conversationID) == ["s1", "m1"])
    }

    @Test func aPilotConversationIsHandedOffLive() async throws {
        let harness = try ServerHarness(config: Self.shadowConfig(pilot: 100))
        try await harness.run { client in
            let answer = try await client.post("/v1/conversations", Bodies.conversation("p1", Bodies.wantsHuman))
            #expect(answer["outcome"]?.string == "handed_off")
            #expect(answer["shadow"] == nil)
        }
        #expect(try harness.store.thread(id: "p1")?.summary.state == .queued)
    }
}
