import Foundation
import Testing
@testable import BatonCore

/// Hostile and out-of-range input is refused with its line and field, never trapped on or stored cut short.
@Suite("Input refusals")
struct InputRefusalTests {
    let parser = ConversationParser()

    func conversation(customer: String = #"{"id": "u1"}"#, id: String = #""c1""#, messages: String = #"[{"role": "customer", "text": "hi"}]"#,
                      expect: String? = nil) -> String {
        #"{"id": \#(id), "customer": \#(customer), "messages": \#(messages)\#(expect.map { #", "expect": \#($0)"# } ?? "")}"#
    }

    func refusal(_ line: String, strict: Bool = false) -> InputError? {
        do {
            _ = try (strict ? ConversationParser(strict: true) : parser).parse(line: line, lineNumber: 12)
            return nil
        } catch {
            return error
        }
    }

    @Test("numbers out of range are refused naming the field, never trapped on", arguments: [
        (#"{"id": "u1", "ltv": 9.3e16}"#, "customer.ltv", "9.3e+16 is outside 0…1000000000000000"),
        (#"{"id": "u1", "ltv": -1}"#, "customer.ltv", "-1 is outside 0…1000000000000000"),
        (#"{"id": "u1", "prior_contacts": [{"topic": "delivery", "days_ago": 1e19}]}"#, "customer.prior_contacts[0].days_ago",
         "must be a whole number from 0 to 36500, got 1e+19"),
        (#"{"id": "u1", "prior_contacts": [{"topic": "delivery", "days_ago": 2.5}]}"#, "customer.prior_contacts[0].days_ago",
         "must be a whole number from 0 to 36500, got 2.5"),
    ])
    func customerNumbers(_ customer: String, _ field: String, _ message: String) throws {
        let error = try #require(refusal(conversation(customer: customer)))
        #expect(error.line == 12)
        #expect(error.field == field)
        #expect(error.message == message)
    }

    @Test("expect.at must be the index of one of the conversation's messages", arguments: ["1e19", "-1e19", "-1", "0.5", "1"])
    func expectationIndex(_ at: String) throws {
        let error = try #require(refusal(conversation(expect: #"{"handoff": true, "at": \#(at)}"#)))
        #expect(error.field == "expect.at")
        #expect(error.message.hasPrefix("must be a message index from 0 to 0, got"))
    }

    @Test("a csat score that is not 1 to 5 is refused", arguments: ["0", "6", "4.5", "1e19"])
    func csat(_ score: String) throws {
        let error = try #require(refusal(#"{"conversation_id": "c1", "csat": \#(score)}"#))
        #expect(error.field == "csat")
    }

    @Test("ids that cannot be stored are refused at the parser, naming the field", arguments: [
        (#""""#, "id", "is empty"),
        (#"" c1""#, "id", "has white space at its start or end"),
        (#""c1\t""#, "id", "has white space at its start or end"),
        (#""c\u001b]0;evil\u0007""#, "id", "contains the control character U+001B; ids and names must be printable"),
        (#""c\u202e1""#, "id", "contains the control character U+202E; ids and names must be printable"),
        ("\"" + String(repeating: "x", count: 201) + "\"", "id", "is 201 characters long, over the 200-character limit"),
    ])
    func conversationIDs(_ id: String, _ field: String, _ message: String) throws {
        let error = try #require(refusal(conversation(id: id)))
        #expect(error.field == field)
        #expect(error.message == message)
    }

    @Test("customer ids and event conversation ids follow the same rule")
    func otherIDs() throws {
        #expect(try #require(refusal(conversation(customer: #"{"id": "u1 "}"#))).field == "customer.id")
        #expect(try #require(refusal(#"{"conversation_id": "", "message": {"role": "customer", "text": "hi"}}"#)).field == "conversation_id")
        #expect(try #require(refusal(#"{"conversation_id": "c\u0000", "csat": 3}"#)).field == "conversation_id")
        // 200 characters, even multi-byte ones, are fine.
        #expect(refusal(conversation(id: "\"" + String(repeating: "é", count: 200) + "\"")) == nil)
    }

    @Test("an escaped NUL is refused instead of the text being cut at it when stored")
    func nul() throws {
        let text = try #require(refusal(conversation(messages: #"[{"role": "customer", "text": "hello\u0000 I want to talk to a person"}]"#)))
        #expect(text.field == "messages[0].text")
        #expect(text.message.contains("NUL"))
        let name = try #require(refusal(conversation(customer: #"{"id": "u1", "name": "Ann\u0000 Evil"}"#)))
        #expect(name.field == "customer.name")
        let tag = try #require(refusal(conversation(customer: #"{"id": "u1", "tags": ["vip\u0000"]}"#)))
        #expect(tag.field == "customer.tags[0]")
    }

    @Test("impossible times are refused", arguments: [
        "2026-02-31T10:00:00Z", "2026-02-29T10:00:00Z", "2026-04-31T00:00:00Z", "2026-11-20T10:00:60Z",
        "2026-11-20T10:00:00+25:00", "2026-11-20T10:00:00+05:60", "2026-11-20T24:00:00Z",
    ])
    func impossibleTimes(_ stamp: String) throws {
        #expect(ISO8601.parse(stamp) == nil)
        let error = try #require(refusal(conversation(messages: #"[{"role": "customer", "text": "hi", "at": "\#(stamp)"}]"#)))
        #expect(error.field == "messages[0].at")
    }

    @Test("real leap days and the last second of a day are times")
    func possibleTimes() {
        #expect(ISO8601.parse("2024-02-29T10:00:00Z") != nil)
        #expect(ISO8601.parse("2000-02-29T10:00:00Z") != nil)
        #expect(ISO8601.parse("1900-02-29T10:00:00Z") == nil)
        #expect(ISO8601.parse("2026-12-31T23:59:59+14:00") != nil)
    }

    @Test("input quoted in an error is sanitized and short")
    func quotedInput() throws {
        let role = try #require(refusal(conversation(messages: #"[{"role": "\u001b]0;owned\u0007robot", "text": "hi"}]"#)))
        #expect(Sanitizer.unsafeScalars(in: role.description).isEmpty)
        // Unknown fields are refused only when strict (`baton ingest --strict`); kept otherwise.
        let hostile = conversation(messages: #"[{"role": "customer", "text": "hi", "\u009b31m": 1}]"#)
        #expect(refusal(hostile) == nil)
        let unknown = try #require(refusal(hostile, strict: true))
        #expect(Sanitizer.unsafeScalars(in: unknown.description).isEmpty)
        let long = try #require(refusal(conversation(messages: #"[{"role": "customer", "text": "hi", "at": "\#(String(repeating: "9", count: 5000))"}]"#)))
        #expect(long.description.count < 200)
    }

    @Test("numbers from input and the store never trap when converted")
    func saturating() {
        #expect(Int(saturating: 1e20) == .max)
        #expect(Int(saturating: -1e20) == .min)
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: 12.9) == 12)
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1e20)).isEmpty == false)
        #expect(WaitEstimate(seconds: 1e20).text.hasPrefix("about"))
    }

    @Test("durations in config and flags are bounded")
    func durations() {
        #expect(DurationText.parse("1e20s") == nil)
        #expect(DurationText.parse("3651d") == nil)
        #expect(DurationText.parse("3650d") == 3650.0 * 86_400)
        #expect(DurationText.parse("5m") == 300)
    }
}
