import BatonCore
import BatonServer
import BatonStore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// The bot's side of a handoff over HTTP: what it sends, what it is told, and what is stored.
@Suite struct ConversationAPITests {
    @Test func aConversationThatEscalatesIsHandedOffAndTheAnswerSaysWhyWhereAndWhoHoldsIt() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let answer = try await client.post("/v1/conversations", Bodies.conversation("c1", Bodies.wantsHuman))
            #expect(answer.status == .ok)
            #expect(answer["outcome"]?.string == "handed_off")
            #expect(answer["handed_off"]?.bool == true)
            #expect(answer["holder"]?.string == "queued")
            #expect(answer["trigger"]?["kind"]?.string == "explicit_request")
            #expect(answer["trigger"]?["reason"]?.string?.isEmpty == false)
            #expect(answer["queue"]?.string == "general")
            #expect(answer["wait"]?["text"]?.string != nil)
            let text = try #require(answer["customer_message"]?.string)
            #expect(!text.contains("{"))
            try OpenAPICheck.response(answer, path: "/v1/conversations", method: "post")
        }
        let thread = try #require(try harness.store.thread(id: "c1"))
        #expect(thread.summary.state == .queued)
        #expect(try harness.store.events(threadID: "c1", afterSequence: 0, limit: 10).map(\.kind) == [.handoffMessage])
    }

    @Test func aCalmConversationStaysWithTheAI() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let answer = try await client.post("/v1/conversations", Bodies.conversation("c1", Bodies.calm))
            #expect(answer.status == .ok)
            #expect(answer["outcome"]?.string == "kept_by_ai")
            #expect(answer["holder"]?.string == "ai")
            try OpenAPICheck.response(answer, path: "/v1/conversations", method: "post")
        }
        #expect(try harness.store.conversation(id: "c1")?.messages.count == 2)
    }

    @Test func messageEventsAppendAndTheAIIsRefusedWhileAHumanHoldsTheThread() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let first = try await client.post("/v1/conversations/m1/messages",
                                              #"{"customer":{"id":"cu1","name":"Ana"},"channel":"whatsapp","message":{"id":"wamid.1","role":"customer","text":"hi, where is my order?"}}"#)
            #expect(first.status == .ok)
            #expect(first["holder"]?.string == "ai")
            let ai = try await client.post("/v1/conversations/m1/messages", #"{"message":{"role":"ai","text":"Let me look.","confidence":0.9}}"#)
            #expect(ai.status == .ok)
            let human = try await client.post("/v1/conversations/m1/messages",
                                              #"{"message":{"id":"wamid.2","role":"customer","text":"I want to speak to a real person"}}"#)
            #expect(human["outcome"]?.string == "handed_off")
            try harness.store.claim(threadID: "m1", agent: "ana", now: harness.clock.now)

            let refused = try await client.post("/v1/conversations/m1/messages", #"{"message":{"role":"ai","text":"Anything else?"}}"#)
            #expect(refused.status == .conflict)
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(refused["holder"]?.string == "human")
            #expect(refused["owner"]?.string == "ana")
            try OpenAPICheck.response(refused, path: "/v1/conversations/{id}/messages", method: "post")

            // The customer can still write; the answer names the agent who holds it.
            let customer = try await client.post("/v1/conversations/m1/messages", #"{"message":{"role":"customer","text":"hello?"}}"#)
            #expect(customer["outcome"]?.string == "appended")
            #expect(customer["holder"]?.string == "human")
            #expect(customer["owner"]?.string == "ana")
        }
        #expect(try harness.store.conversation(id: "m1")?.messages.map(\.role) == [.customer, .ai, .customer, .customer])
    }

    @Test func theSamePlatformMessageSentTwiceIsStoredOnce() async throws {
        let harness = try ServerHarness()
        let body = #"{"customer":{"id":"cu1"},"message":{"id":"wamid.77","role":"customer","text":"hello"}}"#
        try await harness.run { client in
            for _ in 0..<3 {
                let answer = try await client.post("/v1/conversations/d1/messages", body)
                #expect(answer.status == .ok)
            }
        }
        #expect(try harness.store.conversation(id: "d1")?.messages.count == 1)
    }

    @Test func anUnknownConversationNeedsItsCustomer() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let answer = try await client.post("/v1/conversations/nobody/messages", #"{"message":{"role":"customer","text":"hi"}}"#)
            #expect(answer.status == .notFound)
            #expect(answer["field"]?.string == "customer")
        }
    }

    @Test func theBotHandsOffByItselfWithItsReasonAndSummary() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            _ = try await client.post("/v1/conversations", Bodies.conversation("b1", Bodies.calm))
            let answer = try await client.post("/v1/conversations/b1/handoff",
                                               #"{"reason":"customer needs a manual address change","summary":"Wants the delivery address changed after dispatch"}"#)
            #expect(answer.status == .ok)
            #expect(answer["handed_off"]?.bool == true)
            #expect(answer["trigger"]?["kind"]?.string == "bot_request")
            #expect(answer["trigger"]?["reason"]?.string == "the bot handed off: customer needs a manual address change")
            #expect(answer["holder"]?.string == "queued")
            try OpenAPICheck.response(answer, path: "/v1/conversations/{id}/handoff", method: "post")

            let again = try await client.post("/v1/conversations/b1/handoff", #"{"reason":"again"}"#)
            #expect(again.status == .conflict)
            #expect(again["holder"]?.string == "queued")
            let missing = try await client.post("/v1/conversations/b1/handoff", #"{"summary":"no reason"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing["field"]?.string == "reason")
        }
        let packet = try #require(try harness.store.thread(id: "b1")?.packet)
        #expect(packet.summary.first == "Wants the delivery address changed after dispatch")
        #expect(packet.primary.kind == .botRequest)
    }

    @Test func csatIsRecorded() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            _ = try await client.post("/v1/conversations", Bodies.conversation("s1", Bodies.wantsHuman))
            let answer = try await client.post("/v1/conversations/s1/csat", #"{"score":4}"#)
            #expect(answer.status == .ok)
            #expect(answer["outcome"]?.string == "csat_recorded")
            let bad = try await client.post("/v1/conversations/s1/csat", #"{"score":7}"#)
            #expect(bad.status == .badRequest)
            #expect(bad["field"]?.string == "score")
        }
        #expect(try harness.store.metricFacts(since: .distantPast).conversations.first?.csat == 4)
    }

    @Test func threadsAndQueuesShowStateOwnerPacketAndWaits() async throws {
        let harness = try ServerHarness()
        try harness.store.upsertAgent(Agent(id: "ana", name: "Ana", skills: ["general"]), actor: "setup")
        try await harness.run { client in
            _ = try await client.post("/v1/conversations", Bodies.conversation("t1", Bodies.wantsHuman))
            let thread = try await client.get("/v1/threads/t1")
            #expect(thread.status == .ok)
            #expect(thread["holder"]?.string == "queued")
            #expect(thread["packet"]?["primary"]?["kind"]?.string == "explicit_request")
            try OpenAPICheck.response(thread, path: "/v1/threads/{id}", method: "get")
            #expect(try await client.get("/v1/threads/nope").status == .notFound)

            let queues = try await client.get("/v1/queues")
            try OpenAPICheck.response(queues, path: "/v1/queues", method: "get")
            let general = try #require(queues["queues"]?.array?.first { $0["name"]?.string == "general" })
            #expect(general["waiting"]?.number == 1)
            #expect(general["agents_available"]?.number == 1)
            #expect(general["wait"]?["text"]?.string != nil)
        }
    }
}
