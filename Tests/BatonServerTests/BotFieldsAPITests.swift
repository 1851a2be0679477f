import BatonCore
import BatonServer
import BatonStore
import Foundation
import Testing

/// A platform's extra fields never block a handoff: they are kept with the conversation ("from the bot").
@Suite struct BotFieldsAPITests {
    @Test func unknownFieldsAreKeptWithTheConversationInsteadOfRefused() async throws {
        let harness = try ServerHarness()
        try await harness.run { client in
            let event = try await client.post("/v1/conversations/b1/messages",
                                              #"{"customer":{"id":"cu1","crm_id":"Z-9"},"wa_phone_id":"5511","message":{"role":"customer","text":"I want to talk to a human","wa_type":"text"}}"#)
            #expect(event.status == .ok, "\(event.body)")
            #expect(event["outcome"]?.string == "handed_off")
            let whole = try await client.post("/v1/conversations",
                                              #"{"id":"b2","customer":{"id":"cu2"},"source":"botpress","messages":[{"role":"customer","text":"hi","lang_guess":"en"}]}"#)
            #expect(whole.status == .ok, "\(whole.body)")
        }
        #expect(try harness.store.thread(id: "b1")?.botFields == [
            BotField(path: "customer.crm_id", value: #""Z-9""#), BotField(path: "message.wa_type", value: #""text""#),
            BotField(path: "wa_phone_id", value: #""5511""#),
        ])
        #expect(try harness.store.thread(id: "b2")?.botFields.map(\.path) == ["messages[0].lang_guess", "source"])
    }
}
