import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// The fast paths of ingest and handoff must accept and store exactly what the Foundation-based ones did.
@Suite struct EncodingAndValidationTests {
    static let awkward = "quote \" backslash \\ slash / newline \n tab \t bell \u{07} nul \u{00} esc \u{1B}[31m emoji 👍🏽 ação 日本"

    /// A packet with every optional field set and every list non-empty.
    static var fullPacket: ContextPacket {
        let at = Date(timeIntervalSinceReferenceDate: 800_000_000.123456)
        let message = Message(role: .ai, text: awkward, at: at, confidence: 0.41, intent: "refund_status",
                              tools: [ToolCall(name: "orders", ok: false, error: "timeout \"x\""), ToolCall(name: "crm", ok: true)],
                              kb: ["kb/refunds"], links: ["https://example.com/a?b=c"])
        return ContextPacket(
            conversationID: "c-ação", builtAt: at, summary: ["Wants: \(awkward)", "Escalated"],
            primary: FiredTrigger(kind: .policyTopic, message: 2, reason: "matched 'money back'", rule: "policy_topic/refund", topic: "refund"),
            otherTriggers: [FiredTrigger(kind: .lowConfidence, message: 1, reason: "0.41 < 0.60", rule: "low_confidence/floor")],
            intent: "refund_status", confidence: 0.41,
            sentiment: SentimentReading(current: -0.62, trajectory: [0, -0.3, -0.62, 1, -1]),
            aiTried: AIAttempts(answers: ["Try again", awkward], links: ["https://x.test/"], kb: ["kb/1", "kb/2"],
                                toolCalls: [ToolCall(name: "orders", ok: false, error: "timeout")]),
            profile: CustomerProfile(id: "cust-1", name: "Ana \"Ruiz\"", channel: .whatsapp, language: "es", tier: "vip",
                                     ltv: 12_345.67, tags: ["vip", "named_account"],
                                     priorContacts: [PriorContact(topic: "refund", daysAgo: 3)], openHandoffs: 2),
            recommendedAction: "Check the refund", suggestedReply: "Hi {name}, I'm {agent}.",
            transcript: [Message(role: .customer, text: "hola", at: at), message,
                         Message(role: .customer, text: "-1200 is a whole number", confidence: -1200)],
            whatsappWindow: ReplyWindow(lastCustomerMessageAt: at, closesAt: at.addingTimeInterval(86_400)),
            queue: "billing", priority: .high)
    }

    /// The same JSON, as parsed objects, as `JSONEncoder` writes for the value.
    private func expectSameJSON<T: Encodable>(_ ours: [UInt8], _ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSameJSON(String(decoding: ours, as: UTF8.self), value, sourceLocation: sourceLocation)
    }

    private func expectSameJSON<T: Encodable>(_ ours: String, _ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let theirs = try JSONEncoder().encode(value)
        let parsedOurs = try JSONSerialization.jsonObject(with: Data(ours.utf8)) as? NSObject
        let parsedTheirs = try JSONSerialization.jsonObject(with: theirs) as? NSObject
        #expect(parsedOurs != nil && parsedOurs == parsedTheirs, "\(ours)", sourceLocation: sourceLocation)
    }

    @Test func packetsAreWrittenAsJSONEncoderWritesThemAndReadBackEqual() throws {
        var packet = Self.fullPacket
        let ours = String(decoding: try StoreJSON.packet(packet), as: UTF8.self)
        try expectSameJSON(ours, packet)
        #expect(try JSONDecoder().decode(ContextPacket.self, from: Data(ours.utf8)) == packet)

        // Without any optional field and with empty lists: absent keys, as JSONEncoder leaves them out.
        packet.intent = nil
        packet.confidence = nil
        packet.whatsappWindow = nil
        packet.primary.topic = nil
        packet.otherTriggers = []
        packet.profile.ltv = nil
        packet.profile.tags = []
        packet.transcript = [Message(role: .customer, text: "")]
        packet.aiTried = AIAttempts()
        let sparse = String(decoding: try StoreJSON.packet(packet), as: UTF8.self)
        try expectSameJSON(sparse, packet)
        #expect(try JSONDecoder().decode(ContextPacket.self, from: Data(sparse.utf8)) == packet)
        #expect(!sparse.contains("\"intent\"") && !sparse.contains("\"whatsappWindow\"") && !sparse.contains("\"ltv\""))
    }

    @Test func messageAndCustomerColumnsAreWrittenAsJSONEncoderWritesThem() throws {
        let calls = [ToolCall(name: "orders", ok: false, error: Self.awkward), ToolCall(name: "crm", ok: true)]
        try expectSameJSON(StoreJSON.toolCalls(calls), calls)
        try expectSameJSON(StoreJSON.strings(["a", Self.awkward, ""]), ["a", Self.awkward, ""])
        let contacts = [PriorContact(topic: "refund", daysAgo: 0), PriorContact(topic: "é", daysAgo: 31)]
        try expectSameJSON(StoreJSON.priorContacts(contacts), contacts)
        #expect(try JSONDecoder().decode([PriorContact].self, from: Data(StoreJSON.priorContacts(contacts))) == contacts)
        #expect(StoreJSON.strings([]) == Array("[]".utf8))
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

    @Test func nonFiniteNumbersInAPacketAreRefusedNamingTheField() {
        var packet = Self.fullPacket
        packet.sentiment.trajectory[1] = .nan
        #expect(throws: StoreError.invalidInput("the context packet of c-ação has sentiment.trajectory that is not a finite number")) {
            try StoreJSON.packet(packet)
        }
        packet = Self.fullPacket
        packet.profile.ltv = .infinity
        #expect(throws: StoreError.self) { try StoreJSON.packet(packet) }
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
