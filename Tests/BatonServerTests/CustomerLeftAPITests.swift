import BatonCore
import BatonServer
import BatonStore
import Foundation
import Testing

/// `POST /v1/conversations/{id}/left`: the platform reports the customer left before anyone connected.
@Suite struct CustomerLeftAPITests {
    @Test func aWaitingCustomerWhoLeftIsKeptForAWrittenFollowUpInTheirPlace() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            _ = try await client.post("/v1/conversations", Bodies.conversation("w1", Bodies.wantsHuman))
            let answer = try await client.post("/v1/conversations/w1/left", "{}")
            #expect(answer.status == .ok)
            #expect(answer["outcome"]?.string == "appended")
            #expect(answer["holder"]?.string == "queued")
            try OpenAPICheck.response(answer, path: "/v1/conversations/{id}/left", method: "post")
            // Said twice (a retry), still one follow-up.
            #expect(try await client.post("/v1/conversations/w1/left", "{}").status == .ok)
        }
        let thread = try #require(try harness.store.thread(id: "w1"))
        #expect(thread.summary.state == .queued)
        #expect(thread.audit.filter { $0.action == .answerLater }.map(\.reason)
                == ["the platform reports the customer left before anyone connected: kept for a written follow-up"])
    }

    @Test func aConversationWithTheAIIsLeftAsItIsAndMistakesAreNamed() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            _ = try await client.post("/v1/conversations", Bodies.conversation("a1", Bodies.calm))
            let calm = try await client.post("/v1/conversations/a1/left", "{}")
            #expect(calm.status == .ok)
            #expect(calm["holder"]?.string == "ai")
            let unknown = try await client.post("/v1/conversations/nope/left", "{}")
            #expect(unknown.status == .notFound)
            let extra = try await client.post("/v1/conversations/a1/left", #"{"customer_left": true}"#)
            #expect(extra.status == .badRequest)
            #expect(extra["field"]?.string == "customer_left")
        }
        #expect(try harness.store.thread(id: "a1")?.audit.contains { $0.action == .answerLater } == false)
    }
}
