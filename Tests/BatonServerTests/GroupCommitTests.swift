import BatonCore
import BatonServer
import BatonStore
import Foundation
import HTTPTypes
import Testing

/// Message events posted at the same moment are recorded together (group commit); each request still gets its
/// own answer, and its Idempotency-Key answer is stored with its change.
@Suite struct GroupCommitTests {
    @Test func concurrentMessageEventsEachGetTheirOwnAnswerAndAreAllStored() async throws {
        let harness = try ServerHarness(settings: ServerSettings(storeThreads: 2, maxBatch: 8))
        try await harness.run { client in
            let answers = try await withThrowingTaskGroup(of: (Int, APIClient.Answer).self) { group in
                for n in 0..<40 {
                    group.addTask {
                        let text = n.isMultiple(of: 4) ? "I want to talk to a human" : "where is my order \(n)?"
                        let body = #"{"customer":{"id":"cu\#(n)","name":"Ana"},"message":{"id":"m\#(n)","role":"customer","text":"\#(text)"}}"#
                        return (n, try await client.post("/v1/conversations/g\(n % 20)/messages", body, key: "key-\(n)"))
                    }
                }
                var answers: [Int: APIClient.Answer] = [:]
                for try await (n, answer) in group { answers[n] = answer }
                return answers
            }
            #expect(answers.count == 40)
            for (n, answer) in answers {
                #expect(answer.status == .ok, "\(n): \(answer.body)")
                #expect(answer["conversation_id"]?.string == "g\(n % 20)")
                if n.isMultiple(of: 4) {
                    // Asked for a human: handed off now, or by the conversation's other event first.
                    #expect(["handed_off", "appended"].contains(answer["outcome"]?.string ?? ""), "\(n): \(answer.body)")
                    #expect(answer["holder"]?.string == "queued")
                }
                let replay = try await client.post("/v1/conversations/g\(n % 20)/messages",
                                                   #"{"customer":{"id":"cu\#(n)","name":"Ana"},"message":{"id":"m\#(n)","role":"customer","text":"\#(n.isMultiple(of: 4) ? "I want to talk to a human" : "where is my order \(n)?")"}}"#,
                                                   key: "key-\(n)")
                #expect(replay.body == answer.body)
                #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            }
        }
        for conversation in 0..<20 {
            #expect(try harness.store.conversation(id: "g\(conversation)")?.messages.count == 2)
        }
        let handedOff = try (0..<20).filter { try harness.store.thread(id: "g\($0)")?.summary.state == .queued }
        #expect(handedOff == [0, 4, 8, 12, 16])  // the conversations of the events that asked for a human
        #expect(try harness.store.checkInvariants() == [])
    }

    @Test func aRefusedEventInABatchGetsItsProblemAndTheOthersTheirAnswers() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            async let unknown = client.post("/v1/conversations/nobody/messages", #"{"message":{"role":"customer","text":"hi"}}"#, key: "u")
            async let fine = client.post("/v1/conversations/ok/messages", #"{"customer":{"id":"c"},"message":{"role":"customer","text":"hi"}}"#)
            let (refused, accepted) = try await (unknown, fine)
            #expect(refused.status == .notFound)
            #expect(refused["field"]?.string == "customer")
            #expect(accepted.status == .ok)
            #expect(accepted["outcome"]?.string == "kept_by_ai")
            let replay = try await client.post("/v1/conversations/nobody/messages", #"{"message":{"role":"customer","text":"hi"}}"#, key: "u")
            #expect(replay.status == .notFound)
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
        }
        #expect(try harness.store.conversation(id: "nobody") == nil)
    }
}
