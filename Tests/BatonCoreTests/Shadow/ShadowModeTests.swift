import BatonCore
import Foundation
import Testing

/// `[engine] mode` and `pilot_percent`, the pilot share's hash and the shadow summary.
@Suite struct ShadowModeTests {
    @Test func modeIsLiveByDefaultAndShadowWhenConfigured() throws {
        #expect(try ConfigLoader.load(toml: "", source: "baton.toml").engine.mode == .live)
        let config = try ConfigLoader.load(toml: "[engine]\nmode = \"shadow\"\npilot_percent = 10\n", source: "baton.toml")
        #expect(config.engine.mode == .shadow)
        #expect(config.engine.pilotPercent == 10)
    }

    @Test func anUnknownModeIsAConfigErrorNamingTheKeyAndTheValidValues() {
        #expect {
            _ = try ConfigLoader.load(toml: "[engine]\nmode = \"dry-run\"\n", source: "baton.toml")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == "engine.mode" && error.message.contains("dry-run")
                && error.message.contains("\"live\"") && error.message.contains("\"shadow\"")
        }
    }

    @Test func pilotPercentMustBeAPercentageAndNeedsShadowMode() {
        for (toml, words) in [("mode = \"shadow\"\npilot_percent = 101", "0 to 100"), ("mode = \"shadow\"\npilot_percent = -1", "0 to 100"),
                              ("pilot_percent = 10", "applies only with mode = \"shadow\"")] {
            #expect {
                _ = try ConfigLoader.load(toml: "[engine]\n\(toml)\n", source: "baton.toml")
            } throws: { error in
                (error as? ConfigError)?.key == "engine.pilot_percent" && (error as? ConfigError)?.message.contains(words) == true
            }
        }
    }

    @Test func theHashIsFNV1a64() {
        // The published FNV-1a 64 test vectors: the function is fixed, not seeded per process.
        #expect(PilotShare.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(PilotShare.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(PilotShare.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func bucketsAreFixedValuesSoEveryProcessAgrees() {
        // Golden values: a run, a process or a machine that bucketed differently would move conversations in
        // and out of the pilot. (Swift's Hasher would change these on every launch.)
        let ids = ["conv-1", "conv-2", "wa-5521999990000-17", "c_8f14e45f"]
        let buckets = ids.map(PilotShare.bucket)
        #expect(buckets == ids.map { Int(PilotShare.fnv1a64($0) % 100) })
        #expect(buckets.allSatisfy { (0..<100).contains($0) })
        #expect(buckets == [Self.golden["conv-1"], Self.golden["conv-2"], Self.golden["wa-5521999990000-17"], Self.golden["c_8f14e45f"]])
    }

    static let golden: [String: Int] = ["conv-1": 85, "conv-2": 52, "wa-5521999990000-17": 9, "c_8f14e45f": 6]

    @Test(arguments: [1, 10, 25, 50, 90])
    func theLiveShareIsCloseToThePercentage(percent: Int) {
        let ids = (0..<20_000).map { "conv-\($0)" }
        let live = ids.filter { PilotShare.isLive($0, percent: percent) }.count
        let share = Double(live) / Double(ids.count) * 100
        #expect(abs(share - Double(percent)) < 1.5, "\(share)% live for pilot_percent = \(percent)")
        // Raising the percentage only adds conversations: those already live stay live.
        #expect(ids.allSatisfy { !PilotShare.isLive($0, percent: percent) || PilotShare.isLive($0, percent: min(100, percent + 5)) })
    }

    @Test func zeroIsNoneAndAHundredIsAll() {
        let ids = (0..<5_000).map { "id-\($0)" } + ["", "é", String(repeating: "x", count: 500)]
        #expect(ids.allSatisfy { !PilotShare.isLive($0, percent: 0) })
        #expect(ids.allSatisfy { PilotShare.isLive($0, percent: 100) })
        var engine = EngineConfig()
        #expect(ids.allSatisfy(engine.handsOffLive))
        engine.mode = .shadow
        #expect(!ids.contains(where: engine.handsOffLive))
        engine.pilotPercent = 100
        #expect(ids.allSatisfy(engine.handsOffLive))
    }

    @Test func aftermathComparesTheLatestHandoffWithTheDecision() {
        let decided = Date(timeIntervalSinceReferenceDate: 1_000)
        #expect(ShadowAftermath.of(state: .ai, handedOffAt: nil, decidedAt: decided) == .keptByAI)
        // Handed off before the decision (an earlier, live episode) does not count.
        #expect(ShadowAftermath.of(state: .resolved, handedOffAt: decided.addingTimeInterval(-60), decidedAt: decided) == .keptByAI)
        #expect(ShadowAftermath.of(state: .claimed, handedOffAt: decided.addingTimeInterval(60), decidedAt: decided) == .handedOffLater)
        #expect(ShadowAftermath.of(state: .resolved, handedOffAt: decided.addingTimeInterval(60), decidedAt: decided) == .resolvedByAgent)
    }

    @Test func theSummaryTotalsByTriggerAndQueue() {
        func record(_ id: String, _ trigger: TriggerKind, _ queue: String, afterHours: Bool = false,
                    _ aftermath: ShadowAftermath = .keptByAI) -> ShadowRecord {
            ShadowRecord(decision: ShadowDecision(conversationID: id, decidedAt: Date(timeIntervalSinceReferenceDate: 0), trigger: trigger,
                                                  rule: "r", reason: "why", message: 0, queue: queue, priority: .medium,
                                                  afterHours: afterHours, customerMessage: "hi"),
                         aftermath: aftermath)
        }
        let summary = ShadowSummary([
            record("a", .sentiment, "general"), record("b", .explicitRequest, "general", afterHours: true, .handedOffLater),
            record("c", .sentiment, "general", .resolvedByAgent), record("d", .policyTopic, "billing"),
        ])
        #expect(summary.rows.map(\.trigger) == [.sentiment, .explicitRequest, .policyTopic])
        #expect(summary.rows.map(\.decisions) == [2, 1, 1])
        #expect(summary.rows[0].aftermath == [.keptByAI: 1, .handedOffLater: 0, .resolvedByAgent: 1])
        #expect(summary.total.decisions == 4)
        #expect(summary.total.afterHours == 1)
        #expect(summary.total.aftermath == [.keptByAI: 2, .handedOffLater: 1, .resolvedByAgent: 1])
        #expect(summary.byQueue == [.init(queue: "general", decisions: 3), .init(queue: "billing", decisions: 1)])
        #expect(ShadowSummary([]).total.decisions == 0)
    }
}
