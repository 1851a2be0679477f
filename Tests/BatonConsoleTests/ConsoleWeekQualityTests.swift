import Testing
import Foundation
import BatonCore
import BatonStore
@testable import BatonConsole

/// The supervisor view shows the week's handoff quality score and its trend against the week before.
@Suite("Console: the week's quality score")
struct ConsoleWeekQualityTests {
    typealias F = ConsoleFixtures

    @Test("the supervisor view at 120×40 with the week's quality score, up 4 on the week before")
    func supervisorWithWeekQuality() throws {
        var stats = F.stats
        stats.weekQuality = 78.2
        stats.previousWeekQuality = 74.4
        let session = try F.session(try F.supervisorScene(), agent: "sue", supervisor: true, size: TerminalSize(columns: 120, rows: 40), stats: stats)
        _ = session.handle(.character("S"))
        #expect(F.screen(session) == """
             Baton · Sue · supervisor view                                                                    10:00:00 UTC · ? help
            tech 1 · 10s · ⏱9:50 │ billing 2 · 6m40 · ⏱3:00 · 1 late
              Customer      Queue     S  Wait  Pickup Owner       │Queues
            ! Marta Núñez   billing   ●  6m40 ↑1 5:00             │tech        1 waiting ████████  9:50 · 0 late
            · Evil␛[2J␛]52… billing   ●  2m00    3:00             │  Tech Person ████ 9:50
            · 👩‍💻 王小明 🇲🇽… billing   ●   30s         held by bob │billing     2 waiting █████░░░  3:00 · 1 late
            · Tech Person   tech      ●   10s    9:50             │  Marta Núñez ████ 5:00   Evil␛[2J␛]5… ██░░ 3:00
                                                                  │
                                                                  │Agents
                                                                  │Ana          available ░░░░░ 0/3
                                                                  │Bob          available ██░░░ 1/3  👩‍💻 王小明 🇲🇽 José
                                                                  │Sue          available ░░░░░ 0/3
                                                                  │
                                                                  │Today
                                                                  │handoff rate 12% · false escalations 3% · CSAT 4.3
                                                                  │median pickup 1m20 · median resolution 10m00
                                                                  │quality 7 d 78/100 ▲ +4 vs the week before
                                                                  │handoffs/h ▂▄▅▃█
                                                                  │pickup/h   ▆█▃
                                                                  │
                                                                  │Breaches (24 h): 1 · 1–1 of 1
                                                                  │10:00 Marta Núñez in billing missed pickup, level 1
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
             all queues: 4 threads
             F force-release  R reassign  / search  Tab breaches  S agent view  q quit  ? more
            """)
    }

    @Test("down and without a week before, in words")
    func trendWords() {
        #expect(SupervisorPanelView.qualityLine(61, previous: 70).runs.map(\.text).joined() == "quality 7 d 61/100 ▼ -9 vs the week before")
        #expect(SupervisorPanelView.qualityLine(61, previous: 61.2).runs.map(\.text).joined() == "quality 7 d 61/100 = vs the week before")
        #expect(SupervisorPanelView.qualityLine(61, previous: nil).runs.map(\.text).joined() == "quality 7 d 61/100 · no handoffs the week before")
    }

    @Test("the provider scores this week's handoffs from the store and has no trend without a week before")
    func provider() throws {
        let store = try F.scene()
        let stats = try #require(try ConsoleStats.todayWithWeekQuality(from: store)(F.t0))
        // Four handoffs, none claimed or resolved yet: scored on context and routing.
        let facts = try store.reviewFacts(since: F.t0.addingTimeInterval(-14 * 86_400), contactsSince: F.t0)
        #expect(facts.handoffs.count == 4)
        #expect(stats.weekQuality == QualityScore.mean(Array(QualityScore.scores(facts.handoffs).values)))
        #expect(stats.previousWeekQuality == nil)
    }

    @Test("the week's score is reused for five minutes, then read again")
    func cached() throws {
        let store = try F.scene()
        let provider = ConsoleStats.todayWithWeekQuality(from: store)
        let first = try #require(try provider(F.t0)?.weekQuality)
        // A thread handed off since: transferred, so it scores lower and pulls the mean down once it is read.
        _ = try F.handoff(store, id: "t9", customer: "Late Comer")
        try store.transfer(threadID: "t9", actor: "sue", toQueue: "tech", reason: "wrong queue",
                           pickupDeadline: F.t0.addingTimeInterval(600), now: F.t0.addingTimeInterval(10))
        #expect(try provider(F.t0.addingTimeInterval(299))?.weekQuality == first)
        let later = try #require(try provider(F.t0.addingTimeInterval(300))?.weekQuality)
        #expect(later < first)
    }
}
