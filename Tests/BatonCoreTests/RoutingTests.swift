import Foundation
import Testing
@testable import BatonCore

@Suite("Business hours, routing and wait estimates")
struct RoutingTests {
    let mexico = TimeZone(identifier: "America/Mexico_City")!

    func weekdays9to18() -> BusinessHours {
        BusinessHours(weekly: Dictionary(uniqueKeysWithValues: (2...6).map { ($0, [DayInterval(start: 540, end: 1080)]) }),
                      timeZone: mexico, holidays: ["2026-12-25"])
    }

    @Test("open and closed in the schedule's time zone")
    func openClosed() throws {
        let hours = weekdays9to18()
        // Friday 2026-11-20 10:00 in Mexico City is 16:00 UTC.
        #expect(hours.isOpen(at: try #require(ISO8601.parse("2026-11-20T16:00:00Z"))))
        // 08:59 local.
        #expect(!hours.isOpen(at: try #require(ISO8601.parse("2026-11-20T14:59:00Z"))))
        // Saturday.
        #expect(!hours.isOpen(at: try #require(ISO8601.parse("2026-11-21T16:00:00Z"))))
        // Christmas is a Friday holiday.
        #expect(!hours.isOpen(at: try #require(ISO8601.parse("2026-12-25T16:00:00Z"))))
    }

    @Test("next opening skips the weekend and holidays")
    func nextOpening() throws {
        let hours = weekdays9to18()
        let saturday = try #require(ISO8601.parse("2026-11-21T16:00:00Z"))
        #expect(hours.nextOpening(after: saturday) == ISO8601.parse("2026-11-23T15:00:00Z"))
        let christmasEve = try #require(ISO8601.parse("2026-12-25T01:00:00Z"))
        #expect(hours.nextOpening(after: christmasEve) == ISO8601.parse("2026-12-28T15:00:00Z"))
        #expect(BusinessHours(weekly: [:], timeZone: mexico).nextOpening(after: saturday) == nil)
    }

    @Test("least-loaded available agent with the skill and spare capacity")
    func suggestAgent() {
        let queue = QueueConfig(name: "billing", skills: ["billing"])
        let agents = [
            Agent(id: "ana", name: "Ana", skills: ["billing"], capacity: 3, load: 2),
            Agent(id: "bo", name: "Bo", skills: ["billing", "general"], capacity: 3, load: 1),
            Agent(id: "cy", name: "Cy", skills: ["general"], capacity: 3, load: 0),
            Agent(id: "di", name: "Di", skills: ["billing"], capacity: 2, status: .away, load: 0),
            Agent(id: "ed", name: "Ed", skills: ["billing"], capacity: 1, load: 1),
        ]
        #expect(Router.suggestAgent(for: queue, among: agents)?.id == "bo")
        #expect(Router.suggestAgent(for: queue, among: agents.filter { $0.id != "bo" })?.id == "ana")
        #expect(Router.suggestAgent(for: queue, among: [agents[2], agents[3], agents[4]]) == nil)
        let staffing = Router.staffing(of: queue, among: agents)
        #expect(staffing.freeSlots == 3)
        #expect(staffing.onShift == 3)
    }

    @Test("wait estimate follows position, staffing and handle times")
    func waitEstimate() {
        #expect(WaitEstimate.estimate(ahead: 0, freeSlots: 2, agentsOnShift: 2, recentHandleTimes: []).text == "less than 2 minutes")
        let busy = WaitEstimate.estimate(ahead: 3, freeSlots: 0, agentsOnShift: 2, recentHandleTimes: [300, 600, 420])
        let expected: TimeInterval = 60 + 4 * 420 / 2
        #expect(busy.seconds.map { abs($0 - expected) < 0.001 } == true)
        #expect(busy.text == "about 15 minutes")
        let longer = WaitEstimate.estimate(ahead: 6, freeSlots: 0, agentsOnShift: 2, recentHandleTimes: [300, 600, 420])
        #expect((longer.seconds ?? 0) > (busy.seconds ?? 0))
        #expect(WaitEstimate.estimate(ahead: 0, freeSlots: 0, agentsOnShift: 0, recentHandleTimes: []).seconds == nil)
        #expect(WaitEstimate(seconds: nil).text == "as soon as a team member is available")
    }
}
