import Foundation
import Testing
@testable import BatonCore

/// The monthly review reports shadow decisions as one more section, from the same summary as `baton shadow`.
@Suite struct ReviewShadowSectionTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    func record(_ id: String, _ trigger: TriggerKind, afterHours: Bool = false, _ aftermath: ShadowAftermath) -> ShadowRecord {
        let decision = ShadowDecision(conversationID: id, decidedAt: t0, trigger: trigger, rule: "r", reason: "why", message: 0,
                                      queue: "general", priority: .medium, afterHours: afterHours, customerMessage: "hi")
        return ShadowRecord(decision: decision, aftermath: aftermath, csat: nil)
    }

    @Test func decisionsPerReasonNextToWhatHappenedAfterwards() throws {
        let summary = ShadowSummary([
            record("a", .explicitRequest, .resolvedByAgent), record("b", .explicitRequest, afterHours: true, .handedOffLater),
            record("c", .lowConfidence, .keptByAI), record("d", .lowConfidence, .keptByAI), record("e", .lowConfidence, .keptByAI),
        ])
        let report = ReviewReport(start: t0, end: t0 + 86_400, previousStart: t0 - 86_400, sections: []).addingShadowDecisions(summary)
        let section = try #require(report.section("shadow_decisions"))
        #expect(section.rows == [
            ["low_confidence", "3", "0", "3", "0", "0"],
            ["explicit_request", "2", "1", "0", "1", "1"],
            ["all", "5", "1", "3", "1", "1"],
        ])
        #expect(section.charts.first?.bars.map(\.display) == ["3", "2"])
        let empty = ReviewReport(start: t0, end: t0, previousStart: t0, sections: []).addingShadowDecisions(ShadowSummary([]))
        #expect(empty.section("shadow_decisions")?.note == "No shadow decisions in this period.")
        #expect(empty.section("shadow_decisions")?.rows == [])
    }
}
