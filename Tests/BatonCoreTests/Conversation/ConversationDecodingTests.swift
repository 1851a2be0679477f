import Foundation
import Testing
@testable import BatonCore

@Suite("Conversation decoding")
struct ConversationDecodingTests {
    static func decode(_ json: String) throws -> Conversation {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Conversation.self, from: Data(json.utf8))
    }

    @Test("only the required fields are needed: ids, roles and texts")
    func minimal() throws {
        let conversation = try Self.decode("""
            {"id": "m1", "channel": "webchat", "customer": {"id": "c1"},
             "messages": [{"role": "customer", "text": "hi"},
                          {"role": "ai", "text": "Hello!", "at": "2026-11-20T10:00:00Z"}],
             "expect": {"handoff": false}}
            """)
        #expect(conversation.customer.tags.isEmpty)
        #expect(conversation.customer.priorContacts.isEmpty)
        #expect(conversation.messages[0].tools.isEmpty && conversation.messages[0].kb.isEmpty)
        #expect(conversation.messages[1].at != nil)
        #expect(conversation.expect == BatonCore.Expectation(handoff: false, at: nil, triggers: []))
    }

    @Test("a bad role is an error that names where it is")
    func badRole() {
        do {
            _ = try Self.decode("""
                {"id": "m2", "channel": "webchat", "customer": {"id": "c1"},
                 "messages": [{"role": "customer", "text": "hi"}, {"role": "robot", "text": "?"}]}
                """)
            Issue.record("decoded a message with role 'robot'")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.map(\.stringValue).contains("role"))
            #expect(context.codingPath.contains { $0.intValue == 1 })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
