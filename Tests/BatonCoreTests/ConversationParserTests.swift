import Foundation
import Testing
@testable import BatonCore

@Suite("Conversation parser")
struct ConversationParserTests {
    let parser = ConversationParser()

    @Test("parses the documented conversation shape")
    func parsesConversation() throws {
        let line = #"{"id": "d008", "channel": "whatsapp", "customer": {"id": "cust-d008", "name": "Ana Ruiz", "language": "es", "tier": "standard", "ltv": 1200.0, "tags": ["vip"], "prior_contacts": [{"topic": "delivery", "days_ago": 3}]}, "messages": [{"role": "customer", "text": "refill status?", "at": "2026-11-20T10:00:00Z"}, {"role": "ai", "text": "Your refill ships Monday.", "confidence": 0.85, "intent": "order_status", "tools": [{"name": "order_lookup", "ok": true}], "kb": ["kb/shipping"], "links": []}, {"role": "customer", "text": "I'd rather speak with your team directly"}], "expect": {"handoff": true, "at": 2, "triggers": ["explicit_request"]}}"#
        guard case .conversation(let conversation) = try parser.parse(line: line, lineNumber: 1) else {
            Issue.record("expected a conversation")
            return
        }
        #expect(conversation.id == "d008")
        #expect(conversation.channel == .whatsapp)
        #expect(conversation.customer.tags == ["vip"])
        #expect(conversation.customer.priorContacts == [PriorContact(topic: "delivery", daysAgo: 3)])
        #expect(conversation.messages.count == 3)
        #expect(conversation.messages[0].at == ISO8601.parse("2026-11-20T10:00:00Z"))
        #expect(conversation.messages[1].tools == [ToolCall(name: "order_lookup", ok: true)])
        #expect(conversation.expect == Expectation(handoff: true, at: 2, triggers: [.explicitRequest]))
    }

    @Test("parses every line of the dev set")
    func parsesDevSet() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/eval/dev.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count >= 70)
        for (offset, line) in lines.enumerated() {
            _ = try parser.parse(line: String(line), lineNumber: offset + 1)
        }
    }

    @Test("message events and csat events")
    func events() throws {
        let event = try parser.parse(line: #"{"conversation_id": "c1", "customer": {"id": "u1"}, "message": {"role": "customer", "text": "hola"}}"#, lineNumber: 1)
        #expect(event == .message(conversationID: "c1", channel: nil, customer: Customer(id: "u1"), message: Message(role: .customer, text: "hola")))
        #expect(try parser.parse(line: #"{"conversation_id": "c1", "csat": 4}"#, lineNumber: 2) == .csat(conversationID: "c1", score: 4))
    }

    @Test("fields Baton does not know are kept, with where they were, unless strict")
    func unknownFieldsAreKept() throws {
        let line = #"{"id": "x", "order_ref": "A-123", "customer": {"id": "u", "vip_level": 3}, "messages": [{"role": "customer", "text": "hi", "mood": {"score": -0.5}}]}"#
        guard case .conversation(let conversation) = try parser.parse(line: line, lineNumber: 1) else {
            Issue.record("expected a conversation")
            return
        }
        #expect(conversation.botFields == [BotField(path: "customer.vip_level", value: "3"),
                                           BotField(path: "messages[0].mood", value: #"{"score":-0.5}"#),
                                           BotField(path: "order_ref", value: #""A-123""#)])
        #expect(conversation.messages[0].text == "hi")
        let event = try parser.parse(line: #"{"conversation_id": "c", "ticket": 7, "message": {"role": "ai", "text": "ok", "model": "gpt"}}"#, lineNumber: 2)
        guard case .message(_, _, _, let message) = event else {
            Issue.record("expected a message event")
            return
        }
        #expect(message.botFields == [BotField(path: "message.model", value: #""gpt""#), BotField(path: "ticket", value: "7")])
        #expect(throws: InputError(line: 1, field: "customer.vip_level", message: "unknown field")) {
            try ConversationParser(strict: true).parse(line: line, lineNumber: 1)
        }
        // A CSAT event has nowhere to keep them.
        #expect(throws: InputError(line: 3, field: "extra", message: "unknown field")) {
            try parser.parse(line: #"{"conversation_id": "c", "csat": 4, "extra": 1}"#, lineNumber: 3)
        }
    }

    @Test("a message's platform id is read")
    func platformMessageID() throws {
        let event = try parser.parse(line: #"{"conversation_id": "c1", "message": {"id": "wamid.HBgL", "role": "customer", "text": "hola"}}"#, lineNumber: 1)
        #expect(event == .message(conversationID: "c1", channel: nil, customer: nil,
                                  message: Message(role: .customer, text: "hola", platformID: "wamid.HBgL")))
        guard case .conversation(let conversation) = try parser.parse(
            line: #"{"id": "c2", "customer": {"id": "u"}, "messages": [{"role": "customer", "text": "a"}, {"id": "m2", "role": "ai", "text": "b"}]}"#,
            lineNumber: 2) else {
            Issue.record("expected a conversation")
            return
        }
        #expect(conversation.messages.map(\.platformID) == [nil, "m2"])
    }

    @Test("bad input names the line and the field", arguments: [
        (#"{"conversation_id": "x", "message": {"id": "", "role": "customer", "text": "hi"}}"#, "line 7: message.id: must be a non-empty string of at most 256 bytes"),
        (#"{"conversation_id": "x", "message": {"id": 12, "role": "customer", "text": "hi"}}"#, "line 7: message.id: expected a string, got a number"),
        (#"{"id": "x", "customer": {"id": "u"}, "messages": [{"role": "customer", "text": "hi", "mood": "ok"}]}"#, "line 7: messages[0].mood: unknown field"),
        (#"{"id": "x", "customer": {"id": "u"}, "messages": [{"role": "customer"}]}"#, "line 7: messages[0].text: missing; every message needs its text"),
        (#"{"id": "x", "customer": {"id": "u"}, "messages": [{"role": "ai", "text": "ok", "confidence": 7}]}"#, "line 7: messages[0].confidence: 7 is outside 0…1"),
        (#"{"id": "x", "customer": {"id": "u"}, "messages": [{"role": "robot", "text": "ok"}]}"#, #"line 7: messages[0].role: must be "customer" or "ai", got "robot""#),
        (#"{"id": "x", "customer": {"id": "u"}, "messages": [{"role": "customer", "text": "hi", "at": "yesterday"}]}"#, #"line 7: messages[0].at: "yesterday" is not an ISO 8601 time such as 2026-11-20T10:00:00Z"#),
        (#"{"id": "x", "customer": {"id": "u"}, "messages": "#, "line 7: malformed JSON: unexpected end of line at column 50"),
        (#"{"id": 5, "customer": {"id": "u"}, "messages": []}"#, "line 7: id: expected a string, got a number"),
        (#"[1, 2]"#, "line 7: expected an object, got an array"),
    ])
    func badInput(line: String, message: String) {
        // Strict, so unknown fields are refused too (`baton ingest --strict`).
        let parser = ConversationParser(strict: true)
        #expect(throws: InputError.self) { try parser.parse(line: line, lineNumber: 7) }
        do {
            _ = try parser.parse(line: line, lineNumber: 7)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("invalid UTF-8 is reported, not replaced")
    func invalidUTF8() {
        var bytes = Array(#"{"id": "x", "customer": {"id": "u"}, "messages": [{"role": "customer", "text": "caf"#.utf8)
        bytes += [0xC3, 0x28] + Array(#""}]}"#.utf8)
        #expect(throws: InputError(line: 3, field: nil, message: "malformed JSON: invalid UTF-8 in a string at column 81")) {
            try parser.parse(line: bytes, lineNumber: 3)
        }
    }

    @Test("an oversized line is refused without parsing")
    func oversized() {
        let small = ConversationParser(maxLineBytes: 100)
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: 101)
        #expect(throws: InputError(line: 9, field: nil, message: "line is 101 bytes, over the 100-byte limit; skipped")) {
            try small.parse(line: line, lineNumber: 9)
        }
    }

    @Test("escapes and surrogate pairs decode")
    func escapes() throws {
        let value = try JSONReader.parse(#"{"t": "a\"b\\c\n\u00e9\ud83d\ude00"}"#)
        #expect(value["t"] == .string("a\"b\\c\n\u{e9}😀"))
    }

    @Test("ISO 8601 round trip and offsets")
    func iso8601() throws {
        let date = try #require(ISO8601.parse("2026-11-20T10:00:00Z"))
        #expect(date.timeIntervalSince1970 == 1_795_168_800)
        #expect(ISO8601.format(date) == "2026-11-20T10:00:00Z")
        #expect(ISO8601.parse("2026-11-20T05:00:00-05:00") == date)
        #expect(ISO8601.parse("2026-11-20T10:00:00.500Z") == date.addingTimeInterval(0.5))
        #expect(ISO8601.parse("2026-13-01T00:00:00Z") == nil)
        #expect(ISO8601.parse("2026-11-20T10:00:00Zjunk") == nil)
    }
}

@Suite("Conversation parser: fields read and unknown")
struct ConversationParserFieldTests {
    let parser = ConversationParser()

    static func line(extra: [String]) -> String {
        #"{"id": "x", "customer": {"id": "u"}, "messages": [{"role": "customer", "text": "hi"}]"#
            + extra.map { ", " + $0 }.joined() + "}"
    }

    @Test("strict: the first unknown field is named, also among more than 64 members", arguments: [3, 70])
    func unknownField(count: Int) {
        let extra = (0..<count).map { #""x\#($0)": 1"# }
        #expect(throws: InputError(line: 4, field: "x0", message: "unknown field")) {
            try ConversationParser(strict: true).parse(line: Self.line(extra: extra), lineNumber: 4)
        }
    }

    @Test("kept: unknown fields past the 64th member are kept too, up to the limit per record", arguments: [3, 70])
    func unknownFieldsKept(count: Int) throws {
        let extra = (0..<count).map { #""x\#($0)": 1"# }
        guard case .conversation(let conversation) = try parser.parse(line: Self.line(extra: extra), lineNumber: 4) else {
            Issue.record("expected a conversation")
            return
        }
        #expect(conversation.botFields.count == min(count, BotField.maxPerRecord))
        #expect(conversation.botFields.first?.path == "x0")
        #expect(conversation.botFields.first?.value == "1")
    }

    @Test("every known field read is accepted")
    func knownFields() throws {
        let line = Self.line(extra: [#""channel": "web""#, #""expect": {"handoff": false}"#])
        guard case .conversation(let conversation) = try parser.parse(line: line, lineNumber: 1) else {
            Issue.record("expected a conversation")
            return
        }
        #expect(conversation.channel.rawValue == "web")
    }
}
