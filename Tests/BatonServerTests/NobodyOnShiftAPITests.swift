import BatonCore
import BatonServer
import BatonStore
import Foundation
import Testing

/// Honest availability over the API: when a queue is open but nobody who works it is on shift, the answers' `wait`
/// and `GET /v1/queues` say so and name the queue's after-hours choice, as the customer was told, instead of
/// promising "as soon as a team member is available".
@Suite struct NobodyOnShiftAPITests {
    func harness(policy: AfterHoursPolicy, status: AgentStatus) throws -> ServerHarness {
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", afterHours: policy)]
        let harness = try ServerHarness(config: config)
        try harness.store.setAgentStatus(id: "ana", status: status, actor: "ana", now: harness.clock.now)
        return harness
    }

    @Test func answersAndQueuesSayNobodyIsOnShiftAndOfferTheQueuesAfterHoursChoice() async throws {
        let harness = try harness(policy: .callback, status: .offline)
        let told = try #require(Templates.defaultNoOneOnShift["callback"]?["en"])
        try await harness.run { client in
            let answer = try await client.post("/v1/conversations", Bodies.conversation("n1", Bodies.wantsHuman))
            try OpenAPICheck.response(answer, path: "/v1/conversations", method: "post")
            #expect(answer["handed_off"]?.bool == true)
            #expect(answer["customer_message"]?.string == told)
            #expect(answer["wait"]?["seconds"] == .null)
            #expect(answer["wait"]?["nobody_on_shift"]?.bool == true)
            #expect(answer["wait"]?["after_hours"]?.string == "callback")
            #expect(answer["wait"]?["text"]?.string == told)

            // The customer writes again while waiting: the answer still says so.
            let again = try await client.post("/v1/conversations/n1/messages", #"{"message":{"role":"customer","text":"hello?"}}"#)
            try OpenAPICheck.response(again, path: "/v1/conversations/{id}/messages", method: "post")
            #expect(again["outcome"]?.string == "appended")
            #expect(again["wait"]?["nobody_on_shift"]?.bool == true)
            #expect(again["wait"]?["after_hours"]?.string == "callback")

            let queues = try await client.get("/v1/queues")
            try OpenAPICheck.response(queues, path: "/v1/queues", method: "get")
            let general = try #require(queues["queues"]?.array?.first { $0["name"]?.string == "general" })
            #expect(general["open"]?.bool == true)
            #expect(general["agents_on_shift"]?.number == 0)
            #expect(general["wait"]?["nobody_on_shift"]?.bool == true)
            #expect(general["wait"]?["after_hours"]?.string == "callback")
            #expect(general["wait"]?["text"]?.string == told)
        }
    }

    @Test func anAgentOnABreakIsOnShiftSoTheWaitIsNotAnAfterHoursOffer() async throws {
        let harness = try harness(policy: .callback, status: .away)
        try await harness.run { client in
            let answer = try await client.post("/v1/conversations", Bodies.conversation("b1", Bodies.wantsHuman))
            try OpenAPICheck.response(answer, path: "/v1/conversations", method: "post")
            #expect(answer["wait"]?["nobody_on_shift"]?.bool == false)
            #expect(answer["wait"]?["after_hours"] == nil)
            #expect(answer["wait"]?["text"]?.string == "as soon as a team member is available")

            let queues = try await client.get("/v1/queues")
            let general = try #require(queues["queues"]?.array?.first { $0["name"]?.string == "general" })
            #expect(general["agents_on_shift"]?.number == 1)
            #expect(general["agents_available"]?.number == 0)
            #expect(general["wait"]?["nobody_on_shift"]?.bool == false)
        }
    }
}
