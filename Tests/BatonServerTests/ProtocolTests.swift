import BatonCore
import BatonServer
import BatonStore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// Authentication, idempotency, bad requests and the operations routes.
@Suite struct ProtocolTests {
    @Test func withoutAValidTokenTheAnswerIs401AndNothingIsStored() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            for token in [String?.none, "wrong", ""] {
                let answer = try await client.request(.post, "/v1/conversations", body: Bodies.conversation("x1", Bodies.wantsHuman), token: .some(token))
                #expect(answer.status == .unauthorized)
                try OpenAPICheck.response(answer, path: "/v1/conversations", method: "post")
            }
            try harness.store.revokeToken(name: "test-bot", now: harness.clock.now)
            // Tokens are remembered for two seconds; a fresh server (as after a restart) refuses at once.
        }
        #expect(try harness.store.conversation(id: "x1") == nil)
        let fresh = BatonAPI(store: harness.store, config: BatonConfig())
        let app = Application(router: buildRouter(api: fresh))
        try await app.test(.router) { raw in
            let client = APIClient(client: raw, token: harness.token)
            let answer = try await client.post("/v1/conversations", Bodies.conversation("x1", Bodies.calm))
            #expect(answer.status == .unauthorized)
        }
    }

    @Test func anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let body = Bodies.conversation("i1", Bodies.wantsHuman)
            let first = try await client.post("/v1/conversations", body, key: "key-1")
            #expect(first.status == .ok)
            #expect(first.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            try harness.store.claim(threadID: "i1", agent: "ana", now: harness.clock.now)
            let replay = try await client.post("/v1/conversations", body, key: "key-1")
            #expect(replay.status == .ok)
            #expect(replay.body == first.body)  // the stored answer, not today's state
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")

            let other = try await client.post("/v1/conversations", Bodies.conversation("i2", Bodies.calm), key: "key-1")
            #expect(other.status == .unprocessableContent)
            #expect(other["field"]?.string == "Idempotency-Key")
            try OpenAPICheck.response(other, path: "/v1/conversations", method: "post")

            // After 24 hours the key is free again.
            harness.clock.advance(24 * 3600 + 1)
            #expect(try await client.post("/v1/conversations", Bodies.conversation("i2", Bodies.calm), key: "key-1").status == .ok)
        }
        #expect(try harness.store.conversation(id: "i2") != nil)
        #expect(try harness.store.events(threadID: "i1", afterSequence: 0, limit: 10).filter { $0.kind == .handoffMessage }.count == 1)
    }

    @Test func aClientErrorIsReplayedTooButAConflictIsNot() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let bad = try await client.post("/v1/conversations", #"{"id":"e1","customer":{"id":"c"},"messages":[{"role":"ai","text":"x","confidence":3}]}"#, key: "k")
            #expect(bad.status == .badRequest)
            #expect(bad["field"]?.string == "messages[0].confidence")
            let replay = try await client.post("/v1/conversations", #"{"id":"e1","customer":{"id":"c"},"messages":[{"role":"ai","text":"x","confidence":3}]}"#, key: "k")
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
        }
    }

    @Test func badRequestsGetAProblemDocumentNamingTheFieldAndStoreNothing() async throws {
        let harness = try ServerHarness(settings: ServerSettings(maxBodyBytes: 4096, storeThreads: 2))
        try await harness.run { client in
            let malformed = try await client.post("/v1/conversations", #"{"id":"#)
            #expect(malformed.status == .badRequest)
            #expect(malformed["type"]?.string == "urn:baton:problem:malformed-json")

            let utf8 = try await client.request(.post, "/v1/conversations", bytes: Array(#"{"id":"u1","customer":{"id":"c"},"messages":[{"role":"customer","text":"\#u{FFFD}"}]}"#.utf8).map { $0 == 0xEF ? 0xFF : $0 })
            #expect(utf8.status == .badRequest)

            let field = try await client.post("/v1/conversations", #"{"id":"f1","customer":{"id":"c"},"messages":[{"role":"robot","text":"x"}]}"#)
            #expect(field.status == .badRequest)
            #expect(field["field"]?.string == "messages[0].role")
            try OpenAPICheck.response(field, path: "/v1/conversations", method: "post")

            let huge = try await client.post("/v1/conversations", Bodies.conversation("h1", [("customer", String(repeating: "a", count: 5000))]))
            #expect(huge.status == .contentTooLarge)
            try OpenAPICheck.response(huge, path: "/v1/conversations", method: "post")

            let type = try await client.request(.post, "/v1/conversations", body: Bodies.conversation("t1", Bodies.calm), contentType: "text/plain")
            #expect(type.status == .unsupportedMediaType)
            try OpenAPICheck.response(type, path: "/v1/conversations", method: "post")

            let notObject = try await client.post("/v1/conversations", "[1,2]")
            #expect(notObject.status == .badRequest)
        }
        for id in ["u1", "f1", "h1", "t1"] { #expect(try harness.store.conversation(id: id) == nil) }
    }

    @Test func operationsRoutesNeedNoToken() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            #expect(try await client.request(.get, "/healthz", token: .some(nil)).status == .ok)
            #expect(try await client.request(.get, "/readyz", token: .some(nil)).status == .ok)
            _ = try await client.post("/v1/conversations", Bodies.conversation("q1", Bodies.wantsHuman))
            let metrics = try await client.request(.get, "/metrics", token: .some(nil))
            #expect(metrics.status == .ok)
            #expect(metrics.body.contains(#"baton_http_requests_total{method="POST",route="/v1/conversations",status="200"} 1"#))
            #expect(metrics.body.contains(#"baton_queue_waiting_threads{queue="general"} 1.0"#))
            #expect(metrics.body.contains("baton_outbox_backlog_events 1.0"))
            #expect(metrics.body.contains("baton_http_request_duration_seconds_bucket"))
            let document = try await client.request(.get, "/v1/openapi.json", token: .some(nil))
            #expect(document.status == .ok)
            #expect(document["openapi"]?.string == "3.1.0")
            #expect(try await client.get("/healthz").headers[HTTPField.Name("X-Request-Id")!] != nil)
        }
    }

    @Test func everyRouteIsDocumented() throws {
        let paths = try #require(OpenAPICheck.document["paths"])
        for path in ["/v1/conversations", "/v1/conversations/{id}/messages", "/v1/conversations/{id}/handoff",
                     "/v1/conversations/{id}/csat", "/v1/threads/{id}", "/v1/queues", "/v1/events", "/v1/events/ack",
                     "/v1/openapi.json", "/healthz", "/readyz", "/metrics"] {
            #expect(paths[path] != nil, "\(path) is not in openapi.json")
        }
    }
}
