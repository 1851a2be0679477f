import Foundation
import Testing
@testable import BatonCore

@Suite("Packet summary: what the customer wants, what the AI tried, why it escalated")
struct PacketSummaryTests {
    let fired = FiredTrigger(kind: .policyTopic, message: 2, reason: "refund request: \"devolver\"", rule: "policy/refund", topic: "refund")

    func lines(_ customer: [String], ai: [Message] = [], primary: FiredTrigger? = nil, intent: String? = nil,
               confidence: Double? = nil) -> [String] {
        let messages = customer.map { Message(role: .customer, text: $0) } + ai
        let aiMessages = ai
        let attempts = AIAttempts(answers: aiMessages.map(\.text), kb: aiMessages.flatMap(\.kb),
                                  toolCalls: aiMessages.flatMap(\.tools))
        return PacketSummary.lines(messages: messages, attempts: attempts, primary: primary ?? fired,
                                   intent: intent, confidence: confidence)
    }

    /// Every word of the quoted request is a whole word of what the customer wrote.
    func quotedWordsAreWhole(_ line: String, source: String) -> Bool {
        guard let open = line.firstIndex(of: "“"), let close = line.lastIndex(of: "”") else { return true }
        var quote = String(line[line.index(after: open)..<close])
        if quote.hasSuffix("…") { quote.removeLast() }
        let words = Set(source.split(whereSeparator: \.isWhitespace).map(String.init))
        return quote.split(separator: " ").allSatisfy { words.contains(String($0)) }
    }

    @Test("English: intent, order number, amount and date, then the request in the customer's words")
    func english() {
        let summary = lines(["hi", "I was charged twice for order #1182, $49.99 on 12 November and want it back"],
                            ai: [Message(role: .ai, text: "Let me check.", confidence: 0.42, intent: "refund_request",
                                         tools: [ToolCall(name: "order_lookup", ok: false, error: "timeout")], kb: ["kb/refunds"])],
                            intent: "refund_request", confidence: 0.42)
        #expect(summary == [
            "Wants: refund request (order #1182, $49.99, 12 November) · “I was charged twice for order #1182, $49.99 on 12 November and want it back”",
            "AI tried: tool order_lookup failed (timeout), 1 answer (last 42 % confident), … · Escalated at message 3 on policy topic (refund): refund request: \"devolver\"",
        ])
    }

    @Test("Spanish and Portuguese facts are found and named in English for the agent")
    func spanishAndPortuguese() {
        #expect(KeyFacts.extract(from: ["Hola, quiero devolver el pedido 4471 que pagué 150 € el 3 de noviembre"])
            == ["order 4471", "150 €", "3 de noviembre"])
        #expect(KeyFacts.extract(from: ["Paguei R$ 1.299,90 pela encomenda nº 88123 em 20/11/2026, o liquidificador X200 veio quebrado"])
            == ["R$ 1.299,90", "order 88123", "20/11/2026", "X200"])
        let summary = lines(["Olá", "Paguei R$ 1.299,90 pela encomenda nº 88123 e quero o reembolso"], primary: fired)
        #expect(summary[0] == "Wants: refund (R$ 1.299,90, order 88123) · “Paguei R$ 1.299,90 pela encomenda nº 88123 e quero o reembolso”")
    }

    @Test("times, ordinals and quantities are not facts; ISO dates and product codes are")
    func notFacts() {
        #expect(KeyFacts.extract(from: ["call me at 10am on the 2nd, it took 24h and 3x the price"]).isEmpty)
        #expect(KeyFacts.extract(from: ["delivered 2026-11-20 instead of Nov 18th, SKU-4471 missing"])
            == ["2026-11-20", "Nov 18th", "SKU-4471"])
    }

    @Test("a number at the line's end is shown whole or not at all", arguments: 0..<40)
    func numberAtBoundary(shift: Int) {
        // Move a long number across the cut, one character at a time.
        let text = String(repeating: "a", count: shift) + " please refund 1234567890123.45 and 98765432109876 now " + String(repeating: "b ", count: 60)
        let summary = lines([text])
        #expect(summary[0].count <= PacketSummary.lineBudget)
        #expect(quotedWordsAreWhole(summary[0], source: text))
        #expect(!summary[0].contains("123456789012…"))
    }

    @Test("a word longer than the line is left out, never cut")
    func longWord() {
        let word = String(repeating: "x", count: 400)
        let summary = lines([word + " " + word], intent: "order_status")
        #expect(summary[0] == "Wants: order status")
        let long = lines(["my " + word])
        #expect(long[0] == "Wants: refund · “my…”")
        #expect(summary.allSatisfy { $0.count <= PacketSummary.lineBudget })
    }

    @Test("a long escalation reason is cut after a whole word and the line stays in budget")
    func longReason() {
        let reason = (1...80).map { "word\($0)" }.joined(separator: " ")
        let primary = FiredTrigger(kind: .explicitRequest, message: 0, reason: reason, rule: "explicit_request/en")
        let summary = lines(["I want a human"], primary: primary)
        #expect(summary[1].count <= PacketSummary.lineBudget)
        #expect(summary[1].hasSuffix("…"))
        #expect(quotedWordsAreWhole("“" + (summary[1].components(separatedBy: "explicit request: ").last ?? "") + "”", source: reason))
        #expect(summary[1].hasPrefix("AI tried: nothing yet · Escalated at message 1 on explicit request: word1 word2 "))
    }

    @Test("empty and emoji-only messages state no request")
    func emptyAndEmoji() {
        #expect(lines(["", "   ", "🙏🙏🙏", "😡"], primary: FiredTrigger(kind: .sentiment, message: 3, reason: "strongly negative", rule: "sentiment/strong"))
            == ["Wants: (no request stated)", "AI tried: nothing yet · Escalated at message 4 on sentiment: strongly negative"])
        #expect(lines(["😡😡", "refund 🙏"])[0] == "Wants: refund · “refund 🙏”")
    }

    @Test("newlines and runs of spaces in the request become single spaces")
    func flattened() {
        #expect(lines(["where is\n\nmy   order 55\tplease"])[0] == "Wants: refund (order 55) · “where is my order 55 please”")
    }
}
