import Foundation
import Testing
@testable import BatonCore

/// What a customer is told about the wait: staffing, nobody available, nobody on shift, and updates.
@Suite struct HonestWaitTests {
    let t0 = Date(timeIntervalSince1970: 1_795_255_200)

    func conversation(language: String = "en") -> Conversation {
        Conversation(id: "c1", customer: Customer(id: "cust-1", name: "Rosa Díaz", language: language),
                     messages: [Message(role: .customer, text: "I want to talk to a human", at: t0)])
    }

    func plan(agents: [Agent], policy: AfterHoursPolicy = .queueWithETA, waiting: Int = 0, language: String = "en") throws -> HandoffRequest {
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", afterHours: policy)]
        let decision = TriggerEngine(config: config.engine).evaluate(conversation(language: language))
        let counts = [QueueCounts(queue: "general", waiting: waiting, claimed: 0, oldestQueuedAt: nil, nearestDeadline: nil,
                                  breached: 0, escalations: 0, recentHandleTimes: [600])]
        return try #require(HandoffPlanner(config: config).plan(conversation: conversation(language: language), decision: decision,
                                                                situation: .init(counts: counts, agents: agents), now: t0))
    }

    @Test func staffingCountsSpareCapacityOfAvailableAgentsAndWhoIsOnShift() {
        let queue = QueueConfig(name: "billing")
        let staffing = Staffing(of: queue, among: [
            Agent(id: "a", name: "A", skills: ["billing"], capacity: 3, load: 1),
            Agent(id: "b", name: "B", skills: ["billing"], capacity: 2, status: .away),
            Agent(id: "c", name: "C", skills: ["billing"], capacity: 2, status: .offline),
            Agent(id: "d", name: "D", skills: ["tech"], capacity: 5),
        ])
        #expect(staffing == Staffing(freeSlots: 2, available: 1, onShift: 2))
        #expect(!staffing.nobodyOnShift)
        #expect(Staffing(of: queue, among: [Agent(id: "c", name: "C", skills: ["billing"], status: .offline)]).nobodyOnShift)
    }

    @Test func customersAheadBeyondTheFreeSlotsWaitForHandleTimes() {
        let staffing = Staffing(freeSlots: 1, available: 1, onShift: 1)
        let waits = (0..<6).map { staffing.estimate(ahead: $0, recentHandleTimes: [360]).text }
        #expect(waits == ["less than 2 minutes", "about 7 minutes", "about 13 minutes", "about 19 minutes", "about 25 minutes", "about 31 minutes"])
    }

    @Test func anOpenQueueWithNobodyAvailablePromisesNoTime() throws {
        let request = try plan(agents: [Agent(id: "a", name: "A", skills: ["general"], status: .away)])
        #expect(request.customerMessage == "Of course, Rosa. I'm getting a person from our team for you, and they'll see our whole conversation, so you won't need to repeat anything. Expected wait: as soon as a team member is available.")
        #expect(request.promisedWait == nil)
        #expect(!request.nobodyOnShift)
    }

    @Test func anAvailableAgentGivesAPromiseTheSweepCanCheck() throws {
        let request = try plan(agents: [Agent(id: "a", name: "A", skills: ["general"], capacity: 1, load: 1)], waiting: 2)
        // Three handle times of 10 minutes ahead of this customer, plus a minute to pick up.
        #expect(abs((request.promisedWait ?? 0) - (60 + 3 * 600)) < 0.001)
        #expect(request.customerMessage.hasSuffix("Expected wait: about 31 minutes."))
    }

    @Test(arguments: [
        (AfterHoursPolicy.queueWithETA, "en", "Nobody from our team is on shift right now. You're in the queue"),
        (.callback, "es", "Ahora mismo no hay nadie de nuestro equipo de turno. Registramos tu solicitud"),
        (.acknowledgeClose, "pt", "No momento não há ninguém da nossa equipe de plantão. Registramos seu pedido e guardamos esta conversa"),
    ])
    func nobodyOnShiftSaysSoAndOffersTheQueuesAfterHoursOption(policy: AfterHoursPolicy, language: String, opening: String) throws {
        for agents in [[], [Agent(id: "a", name: "A", skills: ["general"], status: .offline)]] {
            let request = try plan(agents: agents, policy: policy, language: language)
            #expect(request.nobodyOnShift)
            #expect(request.customerMessage.hasPrefix(opening), "\(request.customerMessage)")
            #expect(!request.customerMessage.contains("{"))
            #expect(request.promisedWait == nil)
            #expect(!request.afterHours)
        }
    }

    func waiting(promisedUntil: Date?, lastUpdateAt: Date? = nil, lastEscalationAt: Date? = nil, ahead: Int = 0) -> WaitingCustomer {
        WaitingCustomer(threadID: "w1", queue: "general", language: "es", customerName: "Rosa Díaz", ahead: ahead, queuedAt: t0,
                        promisedUntil: promisedUntil, lastUpdateAt: lastUpdateAt, lastEscalationAt: lastEscalationAt)
    }

    @Test func anUpdateIsDueOnceThePromiseHasPassedOrTheThreadWasRequeuedAndNotMoreOftenThanTheInterval() {
        var config = BatonConfig()
        config.waitUpdateInterval = 600
        let planner = WaitUpdatePlanner(config: config)
        let now = t0.addingTimeInterval(1_000)
        #expect(planner.isDue(waiting(promisedUntil: t0.addingTimeInterval(420)), now: now))
        #expect(planner.isDue(waiting(promisedUntil: now), now: now))
        #expect(!planner.isDue(waiting(promisedUntil: now.addingTimeInterval(1)), now: now))
        #expect(!planner.isDue(waiting(promisedUntil: nil), now: now))
        // Updated 5 minutes ago: not again yet, even though the new promise has passed too.
        #expect(!planner.isDue(waiting(promisedUntil: now.addingTimeInterval(-10), lastUpdateAt: now.addingTimeInterval(-300)), now: now))
        #expect(planner.isDue(waiting(promisedUntil: now.addingTimeInterval(-10), lastUpdateAt: now.addingTimeInterval(-600)), now: now))
        // Re-queued after a breach since the last update (or the handoff), with no time promised.
        #expect(planner.isDue(waiting(promisedUntil: nil, lastEscalationAt: t0.addingTimeInterval(300)), now: now))
        #expect(!planner.isDue(waiting(promisedUntil: nil, lastUpdateAt: t0.addingTimeInterval(350),
                                       lastEscalationAt: t0.addingTimeInterval(300)), now: now))
        #expect(!planner.isDue(waiting(promisedUntil: nil, lastEscalationAt: t0.addingTimeInterval(-60)), now: now))
    }

    @Test func anUpdateGivesANewEstimateInTheCustomersLanguage() {
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general")]
        let now = t0.addingTimeInterval(1_000)
        let agents = [Agent(id: "a", name: "A", skills: ["general"], capacity: 1, load: 1)]
        let counts = [QueueCounts(queue: "general", waiting: 3, claimed: 1, oldestQueuedAt: t0, nearestDeadline: nil, breached: 0,
                                  escalations: 0, recentHandleTimes: [300])]
        let updates = WaitUpdatePlanner(config: config).updates(
            for: [waiting(promisedUntil: t0, ahead: 1), waiting(promisedUntil: now.addingTimeInterval(60))],
            counts: counts, agents: agents, now: now)
        #expect(updates == [WaitUpdate(threadID: "w1", text: "Hola Rosa, gracias por esperar. Está tardando más de lo que te dijimos y sigues en la fila. Nueva estimación: unos 11 minutos.",
                                       promisedUntil: now.addingTimeInterval(60 + 2 * 300))])
        let nobody = WaitUpdatePlanner(config: config).updates(for: [waiting(promisedUntil: t0)], counts: counts, agents: [], now: now)
        #expect(nobody.map(\.promisedUntil) == [nil])
        #expect(nobody.first?.text.hasSuffix("Nueva estimación: en cuanto una persona del equipo esté disponible.") == true)
    }

    /// Closed under queue_with_eta: the customer hears when the queue opens and the wait from then, counting
    /// the customers already waiting for the opening and the agents who work the queue.
    @Test func queueWithETAGivesARealEstimateFromOpeningAndDepth() throws {
        var config = BatonConfig()
        let zone = try #require(TimeZone(identifier: "America/Mexico_City"))
        config.queues = [QueueConfig(name: "general", hours: BusinessHours(weekly: [2: [DayInterval(start: 540, end: 1080)]], timeZone: zone),
                                     afterHours: .queueWithETA)]
        // Sunday 29 Nov 2026, 20:00 in Mexico City; the queue opens Monday at 09:00.
        let now = try #require(ISO8601.parse("2026-11-30T02:00:00Z"))
        let conversation = Conversation(id: "n1", customer: Customer(id: "c", name: "Rosa Díaz", language: "en"),
                                        messages: [Message(role: .customer, text: "I want to talk to a human", at: now)])
        let decision = TriggerEngine(config: config.engine).evaluate(conversation)
        let agents = [Agent(id: "a", name: "A", skills: ["general"], capacity: 1, status: .offline),
                      Agent(id: "b", name: "B", skills: ["general"], capacity: 1, status: .offline)]
        let counts = [QueueCounts(queue: "general", waiting: 3, claimed: 0, oldestQueuedAt: nil, nearestDeadline: nil, breached: 0,
                                  escalations: 0, recentHandleTimes: [600])]
        let request = try #require(HandoffPlanner(config: config).plan(conversation: conversation, decision: decision,
                                                                      situation: .init(counts: counts, agents: agents), now: now))
        #expect(request.afterHours)
        // Three ahead, two agents of capacity one, ten-minute handle times: two rounds after a minute's pickup.
        #expect(request.customerMessage == "Our team is offline right now. You're in the queue and someone will reply when we open (Mon 09:00 America/Mexico_City). Expected wait once we open: about 11 minutes.")
        #expect(abs((request.promisedWait ?? 0) - (13 * 3600 + 660)) < 0.001)
    }
}

/// A customer who wrote while nobody could answer gets an opener when the team is back, suggested to the agent.
@Suite struct OpenerTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    func plan(language: String, hours: BusinessHours, agents: [Agent]) throws -> HandoffRequest {
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", hours: hours, afterHours: .callback)]
        let conversation = Conversation(id: "c1", customer: Customer(id: "cust-1", name: "Rosa Díaz", language: language),
                                        messages: [Message(role: .customer, text: "I want to talk to a human", at: t0)])
        let decision = TriggerEngine(config: config.engine).evaluate(conversation)
        return try #require(HandoffPlanner(config: config).plan(conversation: conversation, decision: decision,
                                                                situation: .init(counts: [], agents: agents), now: t0))
    }

    @Test func afterHoursAndNobodyOnShiftTheSuggestedReplyIsTheOpenerInTheCustomersLanguage() throws {
        let closed = BusinessHours(weekly: [:], timeZone: TimeZone(identifier: "UTC")!)
        let ana = Agent(id: "ana", name: "Ana", skills: ["general"])
        let night = try plan(language: "es", hours: closed, agents: [ana])
        #expect(night.afterHours)
        #expect(night.packet.suggestedReply.hasPrefix("Hola Rosa, vi el mensaje que nos enviaste mientras nuestro equipo no estaba disponible"))
        let away = try plan(language: "pt", hours: .alwaysOpen, agents: [Agent(id: "ana", name: "Ana", skills: ["general"], status: .offline)])
        #expect(away.nobodyOnShift)
        #expect(away.packet.suggestedReply.hasPrefix("Oi Rosa, vi a mensagem que você enviou enquanto nossa equipe estava fora"))
        // With someone on shift the suggested reply is the trigger's, as always.
        let open = try plan(language: "en", hours: .alwaysOpen, agents: [ana])
        #expect(!open.packet.suggestedReply.contains("while our team was away"))
    }

    @Test func theOpenerCanBeConfiguredAndItsPlaceholdersAreChecked() throws {
        let config = try ConfigLoader.load(toml: "[templates.opener.default]\nen = \"Morning {name}! Back now.\"", source: "b.toml")
        #expect(config.templates.openerMessage(language: "en") == "Morning {name}! Back now.")
        #expect(throws: ConfigError.self) { try ConfigLoader.load(toml: "[templates.opener.default]\nen = \"Hi {wait}\"", source: "b.toml") }
    }
}
