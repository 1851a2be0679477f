import Foundation
import Testing
@testable import BatonCore

/// A queue whose hours never open promises no opening time: after hours the customer hears the queue's offer
/// plainly, in their language, and the config loader warns about the queue by name and field.
@Suite("A queue that never opens")
struct NeverOpenQueueTests {
    let now = Date(timeIntervalSince1970: 1_795_255_200)

    func plan(_ hours: BusinessHours, policy: AfterHoursPolicy, language: String = "en", name: String? = "Rosa Díaz",
              text: String = "I want to talk to a human") throws -> HandoffRequest {
        var config = BatonConfig()
        config.queues = [QueueConfig(name: "general", hours: hours, afterHours: policy)]
        let conversation = Conversation(id: "n1", customer: Customer(id: "c", name: name, language: language),
                                        messages: [Message(role: .customer, text: text, at: now)])
        let decision = TriggerEngine(config: config.engine).evaluate(conversation)
        let agents = [Agent(id: "a", name: "A", skills: ["general"], capacity: 2, status: .offline)]
        let counts = [QueueCounts(queue: "general", waiting: 2, claimed: 0, oldestQueuedAt: nil, nearestDeadline: nil, breached: 0,
                                  escalations: 0, recentHandleTimes: [600])]
        return try #require(HandoffPlanner(config: config).plan(conversation: conversation, decision: decision,
                                                                situation: .init(counts: counts, agents: agents), now: now))
    }

    static let noDays = BusinessHours(weekly: [:], timeZone: TimeZone(identifier: "UTC")!)
    static let everyDayClosed = BusinessHours(weekly: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [DayInterval]()) }),
                                              timeZone: TimeZone(identifier: "UTC")!)

    @Test("each after-hours policy says what it offers and promises no time", arguments: [noDays, everyDayClosed])
    func englishPerPolicy(hours: BusinessHours) throws {
        let callback = try plan(hours, policy: .callback)
        #expect(callback.afterHours)
        #expect(callback.customerMessage == "Our team is offline right now, and we can't give you a time yet for when we'll be back. We've noted your request, and a team member will call you back; you won't need to repeat anything.")
        #expect(callback.callbackAt == nil)
        let queued = try plan(hours, policy: .queueWithETA)
        #expect(queued.customerMessage == "Our team is offline right now, and we can't give you a time yet for when we'll be back. You're in the queue, and the first team member back will reply to you here; you won't need to repeat anything.")
        #expect(queued.promisedWait == nil)
        let acknowledged = try plan(hours, policy: .acknowledgeClose)
        #expect(acknowledged.customerMessage == "Our team is offline right now, Rosa, and we can't give you a time yet for when we'll be back. We've noted your request, and our team will follow up here, so you won't need to repeat anything. To add something, just reply here.")
        for request in [callback, queued, acknowledged] {
            #expect(!request.customerMessage.contains("as soon as"))
            #expect(!request.customerMessage.contains("{") && !request.customerMessage.contains("("))
        }
    }

    @Test("the customer's language, a missing name, and a callback time asked for that can never be kept")
    func languagesAndEdges() throws {
        #expect(try plan(Self.noDays, policy: .callback, language: "es").customerMessage
            == "Nuestro equipo no está disponible ahora y todavía no podemos darte una hora de regreso. Registramos tu solicitud y una persona del equipo te llamará; no tendrás que repetir nada.")
        #expect(try plan(Self.noDays, policy: .queueWithETA, language: "pt-BR").customerMessage
            == "Nossa equipe está offline agora e ainda não podemos informar quando voltaremos. Você está na fila e a primeira pessoa da equipe que voltar vai responder aqui; não vai precisar repetir nada.")
        #expect(try plan(Self.noDays, policy: .acknowledgeClose, name: nil).customerMessage
            == "Our team is offline right now, and we can't give you a time yet for when we'll be back. We've noted your request, and our team will follow up here, so you won't need to repeat anything. To add something, just reply here.")
        let asked = try plan(Self.noDays, policy: .callback, text: "I want to talk to a human, call me tomorrow at 3pm")
        #expect(asked.callbackAt == nil)
        #expect(asked.customerMessage.hasPrefix("Our team is offline right now, and we can't give you a time yet"))
    }

    @Test("hours that open within two weeks still name the opening")
    func openingHoursStillNamed() throws {
        let hours = BusinessHours(weekly: [2: [DayInterval(start: 540, end: 1080)]], timeZone: TimeZone(identifier: "UTC")!)
        #expect(!hours.neverOpens)
        #expect(try plan(hours, policy: .callback).customerMessage.contains("when we open (Mon 09:00 "))
    }

    @Test("loading warns about the queue by name and field, and only about it")
    func configWarning() throws {
        let toml = """
        [[queues]]
        name = "general"
        [[queues]]
        name = "night"
        after_hours = "callback"
        [queues.hours]
        mon = "closed"
        tue = []
        [[queues]]
        name = "weekdays"
        [queues.hours]
        mon = "09:00-17:00"
        """
        let config = try ConfigLoader.load(toml: toml, source: "baton.toml")
        let warnings = ConfigLoader.warnings(config, source: "baton.toml").map(\.description)
        #expect(warnings == ["baton.toml: queues[1].hours: queue \"night\" never opens: no day has a time range like \"09:00-17:30\", so every handoff to it is after hours (after_hours = \"callback\") and customers are told no opening time"])
        #expect(ConfigLoader.warnings(BatonConfig(), source: "baton.toml").isEmpty)
    }

    @Test("the texts can be replaced per policy in the config, with only the placeholders they fill")
    func configurable() throws {
        let config = try ConfigLoader.load(toml: """
            [templates.after_hours_no_opening.callback]
            en = "Closed for now, {name}. We'll call you."
            """, source: "baton.toml")
        #expect(config.templates.afterHoursNoOpeningMessage(policy: .callback, language: "en") == "Closed for now, {name}. We'll call you.")
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(toml: "[templates.after_hours_no_opening]\ncallback = \"Back at {opens}\"", source: "baton.toml")
        }
    }
}
