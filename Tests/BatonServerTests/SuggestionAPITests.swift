import BatonCore
import BatonServer
import BatonStore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// Collaborative mode over HTTP: the AI's suggestions for the agent, by their own endpoint or as a message event.
@Suite struct SuggestionAPITests {
    func handedOffAndClaimed(_ client: APIClient, _ harness: ServerHarness, _ id: String) async throws {
        let answer = try await client.post("/v1/conversations/\(id)/messages",
                                           #"{"customer":{"id":"cu-\#(id)","name":"Ana"},"message":{"role":"customer","text":"I want to speak to a real person"}}"#)
        #expect(answer["outcome"]?.string == "handed_off")
        try harness.store.claim(threadID: id, agent: "ana", now: harness.clock.now)
    }

    @Test func aSoftQueueTakesSuggestionsBothWaysAndNoneIsDeliveredToTheCustomer() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            try await handedOffAndClaimed(client, harness, "s1")
            let before = try harness.store.events(threadID: "s1", afterSequence: 0, limit: 100)
            let fact = try await client.post("/v1/conversations/s1/suggestions", #"{"kind":"fact","title":"refund amount","text":"$49.99"}"#)
            #expect(fact.status == .ok, "\(fact.body)")
            #expect(fact["outcome"]?.string == "suggestion_stored")
            #expect(fact["holder"]?.string == "human")
            #expect(fact["customer_message"] == .null)
            try OpenAPICheck.response(fact, path: "/v1/conversations/{id}/suggestions", method: "post")
            let reply = try await client.post("/v1/conversations/s1/messages", #"{"message":{"role":"ai_suggestion","text":"Your refund was issued today."}}"#)
            #expect(reply["outcome"]?.string == "suggestion_stored", "\(reply.body)")
            try OpenAPICheck.response(reply, path: "/v1/conversations/{id}/messages", method: "post")
            let bad = try await client.post("/v1/conversations/s1/suggestions", #"{"kind":"article","title":"Refunds"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad["field"]?.string == "url", "\(bad.body)")
            let events = try await client.get("/v1/events")
            #expect(!events.body.contains("49.99") && !events.body.contains("refund was issued"), "\(events.body)")
            #expect(try harness.store.events(threadID: "s1", afterSequence: 0, limit: 100) == before)
        }
        let detail = try #require(try harness.store.thread(id: "s1"))
        #expect(detail.suggestions.map(\.kind) == [.fact, .reply])
        #expect(detail.messages.map(\.role) == [.customer])
    }

    @Test func aHardQueueRefusesWith409NamingTheMode() async throws {
        var config = BatonConfig()
        var general = config.queue(named: "general")
        general.handoff = .hard
        config.queues.removeAll { $0.name == "general" }
        config.queues.append(general)
        let harness = try ServerHarness(config: config)
        try await harness.run { client in
            try await handedOffAndClaimed(client, harness, "h1")
            let refused = try await client.post("/v1/conversations/h1/suggestions", #"{"text":"Try this"}"#)
            #expect(refused.status == .conflict)
            #expect(refused["handoff_mode"]?.string == "hard")
            #expect(refused["queue"]?.string == "general")
            #expect(refused["detail"]?.string?.contains("hard handoff mode") == true, "\(refused.body)")
            try OpenAPICheck.response(refused, path: "/v1/conversations/{id}/suggestions", method: "post")
            let viaMessages = try await client.post("/v1/conversations/h1/messages", #"{"message":{"role":"ai_suggestion","text":"Try this"}}"#)
            #expect(viaMessages.status == .conflict)
        }
        #expect(try harness.store.thread(id: "h1")?.suggestions.isEmpty == true)
    }
}
