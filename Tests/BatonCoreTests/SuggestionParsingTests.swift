import Foundation
import Testing
@testable import BatonCore

@Suite("ai_suggestion message events")
struct SuggestionParsingTests {
    let parser = ConversationParser()

    func parse(_ message: String, line: Int = 3) throws(InputError) -> InputRecord {
        try parser.parse(line: #"{"conversation_id": "wa-1", "message": \#(message)}"#, lineNumber: line)
    }

    @Test("reply (the default kind), article and fact parse into suggestions, not messages")
    func kinds() throws {
        #expect(try parse(#"{"role": "ai_suggestion", "text": "Your refund was issued."}"#)
                == .suggestion(conversationID: "wa-1", suggestion: Suggestion(kind: .reply, text: "Your refund was issued.")))
        #expect(try parse(#"{"role": "ai_suggestion", "kind": "article", "title": "Refund times", "url": "https://help.example/r"}"#)
                == .suggestion(conversationID: "wa-1", suggestion: Suggestion(kind: .article, text: "", title: "Refund times", url: "https://help.example/r")))
        let fact = try parse(#"{"role": "ai_suggestion", "kind": "fact", "title": "order status", "text": "shipped", "at": "2026-11-20T10:00:00Z", "id": "s-1"}"#)
        #expect(fact == .suggestion(conversationID: "wa-1", suggestion: Suggestion(kind: .fact, text: "shipped", title: "order status",
                                                                                  at: ISO8601.parse("2026-11-20T10:00:00Z"))))
        #expect(fact.conversationID == "wa-1")
    }

    @Test("incomplete suggestions are refused naming the line and field")
    func refusals() {
        func error(_ message: String) -> String {
            do { _ = try parse(message); return "" } catch { return error.description }
        }
        #expect(error(#"{"role": "ai_suggestion", "kind": "poem", "text": "x"}"#) == #"line 3: message.kind: must be reply, article or fact, got "poem""#)
        #expect(error(#"{"role": "ai_suggestion"}"#) == "line 3: message.text: missing; a reply suggestion needs its text")
        #expect(error(#"{"role": "ai_suggestion", "kind": "article", "title": "T"}"#) == "line 3: message.url: missing; an article suggestion needs its url")
        #expect(error(#"{"role": "ai_suggestion", "kind": "fact", "text": "shipped"}"#).hasPrefix("line 3: message.title: missing"))
        // Inside a whole conversation a suggestion is not a message.
        let inside = #"{"id": "c1", "customer": {"id": "u1"}, "messages": [{"role": "ai_suggestion", "text": "x"}]}"#
        #expect(throws: InputError.self) { try parser.parse(line: inside, lineNumber: 1) }
    }
}
