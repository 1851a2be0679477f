import BatonCore
import Foundation
import Testing
@testable import BatonStore

/// `PreLaunchSelftest`: the five pre-launch tests pass on the default config and show what a broken one breaks.
@Suite struct SelftestTests {
    static let now = Date(timeIntervalSince1970: 1_795_420_800)  // a Monday, 08:00 UTC

    func byName(_ config: BatonConfig) throws -> [String: SelftestResult] {
        Dictionary(uniqueKeysWithValues: try PreLaunchSelftest.run(config: config, now: Self.now).map { ($0.name, $0) })
    }

    @Test func theDefaultConfigPassesAllFive() throws {
        let results = try PreLaunchSelftest.run(config: BatonConfig(), now: Self.now)
        #expect(results.map(\.name) == ["explicit request", "out of knowledge", "frustration", "after hours", "packet completeness"])
        for result in results { #expect(result.passed, "\(result.name): \(result.problems)") }
        let explicit = results[0]
        #expect(explicit.trigger == .explicitRequest && explicit.queue == "general" && explicit.state == .queued)
        #expect(explicit.customerMessage?.isEmpty == false)
        #expect(results[1].triggers.contains(.lowConfidence))
        #expect(results[2].triggers.contains(.sentiment))
        #expect(results[3].remark?.contains("open around the clock") == true)
    }

    @Test func shadowModeInTheConfigStillTestsTheLiveHandoff() throws {
        var config = BatonConfig()
        config.engine.mode = .shadow
        #expect(try PreLaunchSelftest.run(config: config, now: Self.now).allSatisfy(\.passed))
    }

    @Test func aThresholdBelowTheOutOfKnowledgeConfidenceFailsThatTestOnly() throws {
        let config = try ConfigLoader.load(toml: "[engine]\nlow_confidence_threshold = 0.5\n", source: "low.toml")
        let results = try byName(config)
        #expect(results["out of knowledge"]?.passed == false)
        #expect(results["out of knowledge"]?.problems.contains { $0.contains("no handoff") } == true)
        #expect(results["out of knowledge"]?.state == .ai)
        for name in ["explicit request", "frustration", "after hours", "packet completeness"] {
            #expect(results[name]?.passed == true, "\(name)")
        }
    }

    @Test func aQueueThatIsNeverOpenFailsTheRequestsThatGoThere() throws {
        let config = try ConfigLoader.load(toml: "[[queues]]\nname = \"general\"\nskills = [\"general\"]\n[queues.hours]\n", source: "never.toml")
        let results = try byName(config)
        let explicit = try #require(results["explicit request"])
        #expect(!explicit.passed)
        #expect(explicit.problems.contains { $0.contains("never open") })
        #expect(explicit.state == .afterHours)
        // The after-hours test finds the closed window and passes: the customer is told so.
        let afterHours = try #require(results["after hours"])
        #expect(afterHours.passed, "\(afterHours.problems)")
        #expect(afterHours.state == .afterHours && afterHours.queue == "general")
    }

    @Test func afterHoursUsesAClosedInstantOfTheQueuesOwnHours() throws {
        // General works weekdays 09:00–17:00 UTC; at 08:00 on a Monday it is closed.
        let config = try ConfigLoader.load(toml: """
            [[queues]]
            name = "general"
            skills = ["general"]
            after_hours = "callback"
            [queues.hours]
            mon = "09:00-17:00"
            tue = "09:00-17:00"
            wed = "09:00-17:00"
            thu = "09:00-17:00"
            fri = "09:00-17:00"
            """, source: "office.toml")
        let results = try byName(config)
        for result in results.values { #expect(result.passed, "\(result.name): \(result.problems)") }
        #expect(results["after hours"]?.state == .afterHours)
        #expect(results["after hours"]?.expectation.contains("callback") == true)
        #expect(results["explicit request"]?.state == .queued)
    }

    @Test func aClosedInstantIsFoundOnTheHalfHour() {
        let hours = BusinessHours(weekly: [2: [DayInterval(parsing: "09:00-17:00")!]], timeZone: TimeZone(identifier: "UTC")!)
        let open = PreLaunchSelftest.instant(hours, open: true, from: Self.now)
        #expect(open == Self.now.addingTimeInterval(3600))
        #expect(PreLaunchSelftest.instant(hours, open: false, from: Self.now) == Self.now)
        #expect(PreLaunchSelftest.instant(BusinessHours.alwaysOpen, open: false, from: Self.now) == nil)
    }
}
