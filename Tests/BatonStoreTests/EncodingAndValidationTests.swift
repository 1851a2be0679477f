import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// The fast paths of ingest and handoff must accept and store exactly what the Foundation-based ones did.
@Suite struct EncodingAndValidationTests {
    /// Every scalar type Codable knows, optionals, nesting, and strings that need escaping.
    struct Sample: Codable, Equatable {
        struct Inner: Codable, Equatable {
            var tag: String
            var weight: Float
        }
        enum Mood: String, Codable { case calm, cross }
        var text: String
        var flag: Bool
        var small: Int8, medium: Int16, wide: Int32, long: Int64, plain: Int, zero: Int
        var unsigned: UInt, byte: UInt8, half: UInt16, word: UInt32, big: UInt64
        var ratio: Double, tiny: Double, whole: Double, negative: Double
        var when: Date
        var maybe: String?
        var absent: String?
        var mood: Mood
        var inner: Inner
        var list: [Inner]
        var nested: [[Int]]
        var table: [String: Double]
        var empty: [String]
    }

    @Test func storeEncoderOutputDecodesToTheSameValueAsJSONEncoders() throws {
        let sample = Sample(
            text: "quote \" backslash \\ slash / newline \n tab \t bell \u{07} nul \u{00} emoji 👍🏽 accents ação 日本",
            flag: true, small: -8, medium: 1_600, wide: -32_000_000, long: Int64.min, plain: 42, zero: 0,
            unsigned: 7, byte: 255, half: 65_535, word: 4_000_000_000, big: UInt64.max,
            ratio: 0.1, tiny: 1e-7, whole: 1200, negative: -0.4,
            when: Date(timeIntervalSinceReferenceDate: 800_000_000.123456), maybe: "here", absent: nil, mood: .cross,
            inner: .init(tag: "{wait}", weight: 0.25), list: [.init(tag: "a", weight: 1), .init(tag: "", weight: -2.5)],
            nested: [[1, 2], [], [3]], table: ["x": 1.5, "y \"q\"": -3], empty: [])
        let ours = try StoreJSONEncoder().encode(sample)
        #expect(try JSONDecoder().decode(Sample.self, from: Data(ours.utf8)) == sample)
        let object = try JSONSerialization.jsonObject(with: Data(ours.utf8)) as? [String: Any]
        #expect(object?["absent"] == nil, "nil optionals are left out, as JSONEncoder does")
    }

    @Test func storedPacketsReadBackUnchanged() throws {
        let store = try SQLiteHandoffStore.inMemory()
        var conversation = StoreFixtures.conversation("c1")
        conversation.messages[0].text = "line one\nline \"two\" \\ \u{1B}[31m red"
        _ = try store.record(conversation, now: StoreFixtures.t0)
        var request = StoreFixtures.request("c1")
        request.packet.transcript = conversation.messages
        request.packet.summary.append("tab\there")
        try store.handoff(request, now: StoreFixtures.t0)
        let detail = try #require(try store.thread(id: "c1"))
        #expect(detail.packet == request.packet)
        #expect(detail.messages == conversation.messages)
    }

    @Test func nonFiniteNumbersAreRefusedNamingTheField() {
        struct Reading: Encodable { var score: Double }
        #expect(throws: EncodingError.self) { try StoreJSONEncoder().encode(Reading(score: .nan)) }
    }

    @Test func identifiersAreCheckedForSpacesControlsAndLength() throws {
        for good in ["c1", "ação-42", "日本", "a b", String(repeating: "é", count: 200)] {
            #expect(throws: Never.self) { try Validate.identifier(good, "id") }
        }
        for bad in ["", " c1", "c1 ", "c1\n", "\tc1", "c\u{07}1", "c\u{200B}1", "c1\u{00A0}", String(repeating: "x", count: 201)] {
            #expect(throws: StoreError.self, "\(String(reflecting: bad))") { try Validate.identifier(bad, "id") }
        }
        #expect(throws: StoreError.invalidInput("reply is empty")) { try Validate.text(" \n\t\u{3000}", "reply") }
        #expect(throws: Never.self) { try Validate.text("  ok ", "reply") }
    }

    @Test func batchHandoffsApplyTogetherAndReportRefusalsInTheirSlot() throws {
        let store = try SQLiteHandoffStore.inMemory()
        for id in ["a", "b", "c"] { _ = try store.record(StoreFixtures.conversation(id), now: StoreFixtures.t0) }
        try store.handoff(StoreFixtures.request("b"), now: StoreFixtures.t0)
        let results = try store.handoff(["a", "b", "c"].map { StoreFixtures.request($0, queue: "sales") }, now: StoreFixtures.t0)
        #expect(results.count == 3)
        #expect((try? results[0].get())?.queue == "sales")
        #expect(results[1] == .failure(.notAllowed(action: .handoff, state: .queued)))
        #expect((try? results[2].get())?.state == .queued)
        #expect(try store.threadCount(ThreadQuery(queues: ["sales"])) == 2)
        #expect(try store.threadCount(ThreadQuery(queues: ["billing"])) == 1)
        // Each applied handoff has its audit row and its customer message; the refused one added neither.
        #expect(try store.audit(threadID: "b", limit: 10).count == 1)
        #expect(try store.outbox(afterID: 0, limit: 10, includeDelivered: true).map(\.threadID) == ["b", "a", "c"])
        // Bad input stores nothing.
        var bad = StoreFixtures.request("a")
        bad.queue = " sales"
        #expect(throws: StoreError.self) { try store.handoff([StoreFixtures.request("x"), bad], now: StoreFixtures.t0) }
    }
}
