import Foundation
import Testing
@testable import BatonCore

/// The direct reader (`ConversationParser.direct`) against the generic parser (`parseGeneric`): on every line
/// `parse(line:)` must answer exactly as the generic parser does, the same record or the same error, and the
/// direct reader answers either nil or the generic parser's record.
@Suite("Direct input reader")
struct DirectReaderTests {
    let parser = ConversationParser()

    /// The three answers for one line; records the differences as issues.
    @discardableResult
    func compare(_ line: [UInt8], strict: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> (direct: InputRecord?, generic: Result<InputRecord, InputError>) {
        let parser = ConversationParser(strict: strict)
        let generic: Result<InputRecord, InputError>
        do throws(InputError) { generic = .success(try parser.parseGeneric(line: line, lineNumber: 7)) } catch { generic = .failure(error) }
        let full: Result<InputRecord, InputError>
        do throws(InputError) { full = .success(try parser.parse(line: line, lineNumber: 7)) } catch { full = .failure(error) }
        let direct = ConversationParser.direct(line)
        #expect(full == generic, "parse(line:) differs from the generic parser on \(String(decoding: line, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
        if let direct {
            #expect(generic == .success(direct), "the direct reader differs on \(String(decoding: line, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
        }
        return (direct, generic)
    }

    @discardableResult
    func compare(_ line: String, strict: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> (direct: InputRecord?, generic: Result<InputRecord, InputError>) {
        compare(Array(line.utf8), strict: strict, sourceLocation: sourceLocation)
    }

    static let conversation = #"{"id": "b0", "channel": "whatsapp", "customer": {"id": "c0", "name": "Customer", "language": "en", "tags": []}, "messages": [{"role": "customer", "text": "I am still waiting on my card?", "at": "2026-11-20T10:00:00Z"}]}"#

    @Test("reads the benchmark's and the documented common shapes itself, the same as the generic parser")
    func commonShapes() {
        let lines = [
            Self.conversation,
            #"{"id":"m2","channel":"webchat","customer":{"id":"c2","name":"Ana","language":"es","tier":"gold","ltv":1200.5,"tags":["vip","named_account"]},"messages":[{"role":"customer","text":"hola","at":"2026-11-20T10:00:00.250+01:00"},{"role":"ai","text":"¿Qué pasó?","confidence":0.91,"intent":"general","kb":["kb/a"],"links":["https://x.test/a"],"id":"p-1"}]}"#,
            #"{"conversation_id": "m2", "message": {"role": "ai", "text": "Your order is on its way.", "confidence": 0.49, "intent": "general"}}"#,
            #"{"conversation_id": "new-1", "channel": "sms", "customer": {"id": "c9"}, "message": {"role": "customer", "text": "hi"}}"#,
            #"{"id": "empty", "customer": {"id": "c"}, "messages": []}"#,
        ]
        for line in lines {
            let (direct, generic) = compare(line)
            #expect(direct != nil, "left to the generic parser: \(line)")
            #expect((try? generic.get()) != nil)
        }
    }

    @Test("escapes and \\u surrogate pairs decode as the generic parser decodes them")
    func escapes() {
        let texts = [
            #"say \"hi\" \\ back\/slash \b\f\n\r\t"#,
            #"caf\u00e9 \u00C9t\u00e9"#,
            #"emoji \ud83d\ude00 and \uD83C\uDF89"#,
            #"plain ñ ü 漢字 😀"#,
        ]
        for text in texts {
            let line = #"{"id": "e", "customer": {"id": "c", "name": "\#(text)"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
            let (direct, generic) = compare(line)
            #expect(direct != nil, "left to the generic parser: \(line)")
            if case .success(.conversation(let conversation)) = generic {
                #expect(conversation.messages.first?.text == conversation.customer.name)
            } else {
                Issue.record("refused: \(generic)")
            }
        }
    }

    @Test("an escaped character in a time is decoded before the time is read, as the generic parser does")
    func escapedTime() {
        let line = #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "at": "2026\u002D11-20T10:00:00Z"}]}"#
        let (direct, generic) = compare(line)
        #expect(direct != nil)
        if case .success(.conversation(let conversation)) = generic {
            #expect(conversation.messages.first?.at == ISO8601.parse("2026-11-20T10:00:00Z"))
        } else {
            Issue.record("refused: \(generic)")
        }
    }

    @Test("bad escapes, lone surrogates and NUL are left to the generic parser, which refuses them as before")
    func badEscapes() {
        for text in [#"\ud83d alone"#, #"\ude00 alone"#, #"\ud83d\u0041"#, #"\x41"#, #"\u00G1"#, #"\u00"#, #"nul \u0000 here"#, "tab\there", #"end\"#] {
            let line = #"{"id": "e", "customer": {"id": "c"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
            let (direct, generic) = compare(line)
            #expect(direct == nil)
            #expect((try? generic.get()) == nil, "accepted: \(line)")
        }
    }

    @Test("invalid UTF-8 in a value, in a key or between tokens is refused as before")
    func invalidUTF8() {
        let prefix = Array(#"{"id": "e", "customer": {"id": "c"}, "messages": [{"role": "customer", "text": "bad "#.utf8)
        let suffix = Array(#""}]}"#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]] {
            let (direct, generic) = compare(prefix + bad + suffix)
            #expect(direct == nil)
            #expect((try? generic.get()) == nil)
        }
        compare(Array(#"{"id": "e", "customer": {"id": "c"}, "mess"#.utf8) + [0xFF] + Array(#"ages": []}"#.utf8))
        compare(Array(#"{"id": "e", "customer": {"id": "c"},"#.utf8) + [0xC3, 0xA9] + Array(#" "messages": []}"#.utf8))
    }

    @Test("duplicate keys, known or unknown, get the generic parser's error")
    func duplicateKeys() {
        for line in [
            #"{"id": "a", "id": "b", "customer": {"id": "c"}, "messages": []}"#,
            #"{"id": "a", "customer": {"id": "c", "id": "d"}, "messages": []}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "text": "y"}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [], "x": 1, "x": 2}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [], "messages": []}"#,
        ] {
            let (direct, generic) = compare(line)
            #expect(direct == nil)
            guard case .failure(let error) = generic else { Issue.record("accepted: \(line)"); continue }
            #expect(error.message.contains("duplicate field"))
        }
    }

    @Test("numbers: 1e400, -0, huge integers, leading zeros, fractions and exponents as the generic parser reads them")
    func numbers() {
        var directlyRead = 0
        for number in ["0.5", "1", "0", "-0", "-0.0", "1e0", "1E-1", "5e-1", "0.25e+0", "007", "1e400", "-1e400", "1e-400",
                       "123456789012345678901234567890", "1.", ".5", "-", "+1", "0x1", "1e", "1e+", "NaN", "Infinity", "2", "-0.1", "1.0000000000000002"] {
            for field in ["confidence", "ltv"] {
                let line = field == "ltv"
                    ? #"{"id": "n", "customer": {"id": "c", "ltv": \#(number)}, "messages": []}"#
                    : #"{"id": "n", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "t", "confidence": \#(number)}]}"#
                if compare(line).direct != nil { directlyRead += 1 }
            }
        }
        #expect(directlyRead > 10)
        // -0 is kept as -0 by both.
        if case .conversation(let conversation)? = ConversationParser.direct(Array(#"{"id": "n", "customer": {"id": "c", "ltv": -0}, "messages": []}"#.utf8)) {
            #expect(conversation.customer.ltv?.sign == .minus)
        } else {
            Issue.record("-0 left to the generic parser")
        }
    }

    @Test("whitespace anywhere JSON allows it, CRLF endings and blank padding")
    func whitespace() {
        let spaced = " \t{ \"id\" :\t\"w\" ,\r\n \"customer\" : { \"id\" : \"c\" , \"tags\" : [ \"a\" , \"b\" ] } , \"messages\" : [ { \"role\" : \"ai\" , \"text\" : \"x\" , \"confidence\" : 1 } ] } \r\n "
        #expect(compare(spaced).direct != nil)
        #expect(compare(Self.conversation + "\r").direct != nil)
        #expect(compare(Self.conversation + "\r\n").direct != nil)
        compare(Self.conversation + " x")
        compare(Self.conversation + "}")
        compare(Self.conversation + Self.conversation)
        compare("")
        compare("   ")
    }

    @Test("unknown fields, nesting and the rarer fields go the generic way: bot fields kept, strict refusals the same")
    func unknownFieldsAndNesting() {
        let lines = [
            #"{"id": "u", "customer": {"id": "c"}, "messages": [], "source": {"bot": "v2", "deep": [[[{"a": [1, 2, {"b": null}]}]]]}}"#,
            #"{"id": "u", "customer": {"id": "c", "plan": "pro"}, "messages": [{"role": "ai", "text": "x", "model": "gpt"}]}"#,
            #"{"id": "u", "customer": {"id": "c", "prior_contacts": [{"topic": "billing", "days_ago": 3}], "attributes": {"plan": "pro", "seats": 3}}, "messages": [{"role": "ai", "text": "x", "tools": [{"name": "t", "ok": false, "error": "timeout"}]}], "expect": {"handoff": true, "at": 0, "triggers": ["tool_failure"]}}"#,
            #"{"conversation_id": "u", "message": {"role": "ai_suggestion", "text": "Try a refund"}}"#,
            #"{"conversation_id": "u", "csat": 4}"#,
            #"{"conversation_id": "u", "customer_left": true}"#,
            #"{"id": "u", "channel": null, "customer": {"id": "c", "name": null}, "messages": []}"#,
            #"{"id": "u", "conversation_id": "v", "customer": {"id": "c"}, "messages": []}"#,
            #"{"te\u0078t": "escaped key", "id": "u", "customer": {"id": "c"}, "messages": []}"#,
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
        ]
        for line in lines {
            compare(line)
            compare(line, strict: true)
            #expect(ConversationParser.direct(Array(line.utf8)) == nil, "read directly: \(line)")
        }
        if case .success(.conversation(let conversation)) = compare(lines[0]).generic {
            #expect(conversation.botFields.map(\.path) == ["source"])
        } else {
            Issue.record("the unknown field was not kept")
        }
    }

    @Test("every refusal names the same line, field and message as before: wrong types, bad ids, bad times, ranges")
    func refusals() {
        let lines = [
            #"{"id": " padded", "customer": {"id": "c"}, "messages": []}"#,
            #"{"id": "", "customer": {"id": "c"}, "messages": []}"#,
            #"{"id": "a", "channel": "web chat\u0007", "customer": {"id": "c"}, "messages": []}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "agent", "text": "x"}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai"}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": 3}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "at": "2026-02-31T10:00:00Z"}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "at": "2026-11-20T10:00:00Z "}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "confidence": 1.5}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "confidence": "high"}]}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "id": ""}]}"#,
            #"{"id": "a", "customer": {"id": "c", "ltv": 1e16}, "messages": []}"#,
            #"{"id": "a", "customer": {"id": "c", "tags": ["vip", 3]}, "messages": []}"#,
            #"{"id": "a", "customer": "c", "messages": []}"#,
            #"{"id": "a", "messages": []}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": {}}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [1]}"#,
            #"{"id": "a"}"#,
            #"{"conversation_id": "a"}"#,
            #"{"conversation_id": " a", "message": {"role": "ai", "text": "x"}}"#,
            #"[]"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [],}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x"},]}"#,
            #"{"id": "a" "customer": {"id": "c"}, "messages": []}"#,
            #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "unterminated}]}"#,
        ]
        for line in lines {
            let (direct, generic) = compare(line)
            #expect(direct == nil)
            #expect((try? generic.get()) == nil, "accepted: \(line)")
        }
        // A message id of 256 bytes is accepted, 257 refused.
        for length in [256, 257] {
            let line = #"{"id": "a", "customer": {"id": "c"}, "messages": [{"role": "ai", "text": "x", "id": "\#(String(repeating: "i", count: length))"}]}"#
            #expect((compare(line).direct != nil) == (length == 256))
        }
    }

    @Test("lines cut short anywhere are refused as before")
    func truncations() {
        let bytes = Array(Self.conversation.utf8)
        for end in 0..<bytes.count {
            let (direct, _) = compare(Array(bytes[..<end]))
            #expect(direct == nil)
        }
    }
}

@Suite("Fast paths beside the input reader")
struct InputFastPathTests {
    @Test("Identifier's white space answer is Unicode's White_Space for every scalar")
    func whitespace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Identifier.isWhitespace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)) differs")
                return
            }
        }
    }

    @Test("strings are written with runs of plain ASCII copied whole and every escape as before")
    func writtenStrings() throws {
        let cases: [(String, String)] = [
            ("", #""""#),
            ("plain text", #""plain text""#),
            (#"a "quoted" \ back"#, #""a \"quoted\" \\ back""#),
            ("line\nbreak\ttab\rcr", #""line\nbreak\ttab\rcr""#),
            ("bell\u{07} del\u{7F} nul\u{0}", #""bell\u0007 del\u007f nul\u0000""#),
            ("café ñ 漢字 😀 end", "\"café ñ 漢字 😀 end\""),
            ("bidi\u{202E}rlo zero\u{200B}width", #""bidi\u202erlo zero\u200bwidth""#),
            ("\"", #""\"""#),
            ("x\\", #""x\\""#),
        ]
        for (text, expected) in cases {
            #expect(JSONValue.string(text).serialized == expected, "\(text.debugDescription)")
            // What is written reads back as the same text.
            #expect(try JSONReader.parse(JSONValue.string(text).serialized) == .string(text))
        }
    }
}
