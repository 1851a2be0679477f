import BatonCore
import BatonServer
import BatonStore
import Foundation
import Testing

/// `GET /v1/events`: the outbox replayed from a cursor, with long polling, and acknowledgement.
@Suite struct EventsAPITests {
    @Test func eventsReplayFromACursorWithTheirSequenceAndHolder() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            _ = try await client.post("/v1/conversations", Bodies.conversation("e1", Bodies.wantsHuman))
            try harness.store.claim(threadID: "e1", agent: "ana", now: harness.clock.now)
            try harness.store.release(threadID: "e1", agent: "ana", note: "refund issued; confirm by email", now: harness.clock.now)

            let page = try await client.get("/v1/events?after=0&limit=2")
            try OpenAPICheck.response(page, path: "/v1/events", method: "get")
            let events = try #require(page["events"]?.array)
            #expect(events.map { $0["type"]?.string } == ["handoff_message", "claimed"])
            #expect(events.map { $0["sequence"]?.number } == [1, 2])
            #expect(events.map { $0["holder"]?.string } == ["queued", "human"])
            #expect(events.first?["customer_facing"]?.bool == true)
            let cursor = try #require(page["next_cursor"]?.string)

            let rest = try await client.get("/v1/events?after=\(cursor)&limit=100")
            let more = try #require(rest["events"]?.array)
            #expect(more.map { $0["type"]?.string } == ["agent_introduction", "released_to_ai"])
            #expect(more.last?["text"]?.string == "refund issued; confirm by email")
            #expect(more.last?["holder"]?.string == "ai")

            // Acknowledged events stay in the replay feed, marked delivered.
            let ids = (events + more).compactMap { $0["id"]?.number }.map { String(Int($0)) }.joined(separator: ",")
            let ack = try await client.post("/v1/events/ack", #"{"ids":[\#(ids)]}"#)
            #expect(ack["acknowledged"]?.number == 4)
            try OpenAPICheck.response(ack, path: "/v1/events/ack", method: "post")
            let again = try await client.get("/v1/events?after=0")
            #expect(again["events"]?.array?.allSatisfy { $0["delivered_at"]?.string != nil } == true)
        }
        #expect(try harness.store.outbox(afterID: 0, limit: 10, includeDelivered: false).isEmpty)
    }

    @Test func aLongPollAnswersAsSoonAsAnEventIsWritten() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            async let waiting = client.get("/v1/events?after=0&wait=30s")
            // Whatever the interleaving, the poll answers with the event the handoff writes (not after 30 s).
            _ = try await client.post("/v1/conversations", Bodies.conversation("lp", Bodies.wantsHuman))
            let answer = try await waiting
            #expect(answer["events"]?.array?.first?["conversation_id"]?.string == "lp")
        }
    }

    @Test func anEmptyFeedAnswersAtOnceWithoutWait() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let answer = try await client.get("/v1/events?after=0")
            #expect(answer["events"]?.array?.isEmpty == true)
            #expect(answer["next_cursor"]?.string == "0")
            #expect(try await client.get("/v1/events?wait=2h").status == .badRequest)
            #expect(try await client.get("/v1/events?limit=0").status == .badRequest)
            #expect(try await client.get("/v1/events?after=-1")["field"]?.string == "after")
        }
    }
}
