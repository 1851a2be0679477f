import Foundation
import Testing
@testable import BatonCore

/// The engine against the labelled dev set in shared/eval, with the quality bar from the spec.
@Suite("Dev set quality")
struct DevSetQualityTests {
    /// shared/eval/dev.jsonl sits beside the checkout: Tests/BatonCoreTests/Triggers/<file> → ../../../../shared.
    static func loadDevSet() throws -> [Conversation] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/eval/dev.jsonl")
        let data = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try data.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            try decoder.decode(Conversation.self, from: Data($0.utf8))
        }
    }

    @Test("dev.jsonl meets recall, false escalation, primary and timing targets")
    func devSetMeetsTargets() throws {
        let conversations = try Self.loadDevSet()
        #expect(conversations.count == 78)
        let report = EvaluationReport.evaluate(conversations, with: TriggerEngine())
        print(report.description)
        #expect(report.recall >= 0.95)
        #expect(report.falseEscalationRate <= 0.03)
        #expect(report.primaryAccuracy >= 0.95)
        #expect(report.timingAccuracy >= 0.95)
    }

    @Test("every fired trigger explains itself, and decisions survive JSON")
    func decisionsExplainThemselves() throws {
        let engine = TriggerEngine()
        for conversation in try Self.loadDevSet() {
            let decision = engine.evaluate(conversation)
            for trigger in decision.triggers {
                #expect(!trigger.reason.isEmpty && trigger.rule.hasPrefix(trigger.kind.rawValue + "/"),
                        "\(conversation.id): \(trigger.rule) '\(trigger.reason)'")
                #expect(trigger.message == decision.at)
            }
            #expect(decision.sentiment.count == conversation.messages.filter { $0.role == .customer }.count)
            let decoded = try JSONDecoder().decode(HandoffDecision.self, from: JSONEncoder().encode(decision))
            #expect(decoded == decision)
        }
    }
}
