import Foundation
import Testing
@testable import BatonCore

/// The pure rules behind agent-to-agent transfers and the captured-first queue order.
@Suite struct TransferOfferRulesTests {
    @Test func offerTimeoutIsReadPerQueueWithATwoMinuteDefault() throws {
        let config = try ConfigLoader.load(toml: """
            [[queues]]
            name = "money"
            offer_timeout = "90s"
            [[queues]]
            name = "tech"
            """, source: "baton.toml")
        #expect(config.queue(named: "money").offerTimeout == 90)
        #expect(config.queue(named: "tech").offerTimeout == 120)
    }

    @Test(arguments: [
        ("offer_timeout = \"soon\"", "baton.toml: queues[0].offer_timeout: expected a duration such as 90s, 5m, 2h or 7d (more than 0, at most 3650d)"),
        ("offer_timeout = 0", "baton.toml: queues[0].offer_timeout: expected a duration such as 90s, 5m, 2h or 7d (more than 0, at most 3650d)"),
        ("offer_timout = \"2m\"", "baton.toml: queues[0].offer_timout: unknown key"),
    ])
    func aBadOfferTimeoutNamesTheFileAndTheKey(line: String, message: String) {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(toml: "[[queues]]\nname = \"a\"\n\(line)", source: "baton.toml") }
        do {
            _ = try ConfigLoader.load(toml: "[[queues]]\nname = \"a\"\n\(line)", source: "baton.toml")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func fitnessNamesEveryReasonAnAgentCannotTakeTheQueue() {
        let queue = QueueConfig(name: "billing")
        #expect(AgentFitness.unfitness(of: Agent(id: "a", name: "A", skills: ["billing"], capacity: 2, load: 1), for: queue) == nil)
        #expect(AgentFitness.unfitness(of: Agent(id: "b", name: "B", skills: ["tech"], capacity: 1, status: .away, load: 1), for: queue)
                == "no billing skill, at capacity 1/1, away")
    }

    @Test func offerActionsKeepTheThreadClaimedUntilDeclinedOrExpired() throws {
        #expect(try Lifecycle.apply(.offer, to: .claimed, owner: "ana", actor: "ana") == .claimed)
        #expect(try Lifecycle.apply(.acceptOffer, to: .claimed, owner: "ana", actor: "bo") == .claimed)
        #expect(try Lifecycle.apply(.declineOffer, to: .claimed, owner: "ana", actor: "bo") == .queued)
        #expect(try Lifecycle.apply(.offerExpired, to: .claimed, owner: "ana", actor: "sweeper", afterHours: true) == .afterHours)
        #expect(throws: LifecycleError.notAllowed(action: .offer, state: .queued)) {
            try Lifecycle.apply(.offer, to: .queued, owner: nil, actor: "ana")
        }
    }

    @Test func capturedThreadsRankAheadOfEveryPriority() {
        let captured = Priority.allCases.map { QueueOrder.rank($0, captured: true) }
        let live = Priority.allCases.map { QueueOrder.rank($0, captured: false) }
        #expect(captured.max()! < live.min()!)
        #expect(captured == captured.sorted())  // priority still orders captured threads among themselves
        #expect(QueueOrder.captures(afterHours: false, nobodyOnShift: true))
        #expect(!QueueOrder.captures(afterHours: false, nobodyOnShift: false))
    }

    @Test func theTransferLineNamesTheNewAgentInTheCustomersLanguage() {
        #expect(Templates.transferIntroduction(language: "es-MX", agent: "Bo") == "Bo, de nuestro equipo, continúa con tu conversación a partir de aquí.")
        #expect(Templates.transferIntroduction(language: "fr", agent: "Bo") == "Bo from our team is taking over your conversation from here.")
    }
}
