import Foundation
import Testing
@testable import BatonCore

/// Callback times read from customer text in three languages and placed in the queue's time zone and hours.
@Suite struct CallbackTimeTests {
    static let everyDay = Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [DayInterval(start: 9 * 60, end: 18 * 60)]) })
    static let weekdays = Dictionary(uniqueKeysWithValues: (2...6).map { ($0, [DayInterval(start: 9 * 60, end: 18 * 60)]) })

    struct Case: Sendable, CustomTestStringConvertible {
        var zone: String
        var now: String
        var text: String
        var expected: String
        var moved: Bool = false
        var weekdaysOnly = false
        var testDescription: String { "\(text) @ \(now) \(zone)" }
    }

    static let cases: [Case] = [
        // New York springs forward on Sun 8 Mar 2026: 15:00 that day is EDT, UTC-4.
        Case(zone: "America/New_York", now: "2026-03-08T03:00:00Z", text: "call me tomorrow after 3pm", expected: "2026-03-08T19:00:00Z"),
        // Madrid springs forward on Sun 29 Mar 2026: 16:00 CEST is 14:00 UTC; a bare 4 is a business hour.
        Case(zone: "Europe/Madrid", now: "2026-03-28T20:00:00Z", text: "¿me pueden llamar mañana a las 4?", expected: "2026-03-29T14:00:00Z"),
        // São Paulo keeps UTC-3 all year; "de manhã" is 09:00.
        Case(zone: "America/Sao_Paulo", now: "2026-11-30T23:00:00Z", text: "pode ligar amanhã de manhã", expected: "2026-12-01T12:00:00Z"),
        // New York falls back on Sun 1 Nov 2026: Monday 09:00 is EST, UTC-5. A day with no time is called at opening.
        Case(zone: "America/New_York", now: "2026-11-01T00:00:00Z", text: "any time Monday is fine", expected: "2026-11-02T14:00:00Z"),
        // 20:00 is after closing (18:00): the nearest open slot is tomorrow 09:00, and the customer is told.
        Case(zone: "America/Mexico_City", now: "2026-12-01T01:00:00Z", text: "llámame a las 8 de la noche", expected: "2026-12-01T15:00:00Z", moved: true),
        Case(zone: "Asia/Tokyo", now: "2026-11-30T14:00:00Z", text: "Tomorrow at 10:30am please", expected: "2026-12-01T01:30:00Z"),
        Case(zone: "Europe/Madrid", now: "2026-11-30T20:00:00Z", text: "pasado mañana por la tarde", expected: "2026-12-02T13:00:00Z"),
        Case(zone: "America/Sao_Paulo", now: "2026-11-30T23:00:00Z", text: "depois de amanhã às 16h", expected: "2026-12-02T19:00:00Z"),
        Case(zone: "UTC", now: "2026-11-30T07:00:00Z", text: "in 2 hours", expected: "2026-11-30T09:00:00Z"),
        // Saturday is closed on a weekdays-only queue: Monday 09:00 EST.
        Case(zone: "America/New_York", now: "2026-12-05T00:00:00Z", text: "el sábado a las 10", expected: "2026-12-07T14:00:00Z", moved: true, weekdaysOnly: true),
        // "at 4" said after four, no day named: the next four o'clock.
        Case(zone: "UTC", now: "2026-11-30T17:00:00Z", text: "call me at 4", expected: "2026-12-01T16:00:00Z"),
    ]

    @Test(arguments: cases)
    func readsAndPlacesTheTime(_ example: Case) throws {
        let zone = try #require(TimeZone(identifier: example.zone))
        let hours = BusinessHours(weekly: example.weekdaysOnly ? Self.weekdays : Self.everyDay, timeZone: zone)
        let now = try #require(ISO8601.parse(example.now))
        let request = try #require(CallbackTime.read(example.text))
        let slot = try #require(CallbackTime.place(request, now: now, hours: hours))
        #expect(ISO8601.format(slot.at) == example.expected)
        #expect(slot.moved == example.moved)
    }

    @Test func textWithoutADayOrTimeIsNoCallbackTime() {
        #expect(CallbackTime.read("I was charged twice for order 8812 on 28 Nov") == nil)
        #expect(CallbackTime.read("please call me back") == nil)
        #expect(CallbackTime.read("vou ter que ligar de novo") == nil)
        #expect(CallbackTime.read("mañana")?.dayOffset == 1)
        #expect(CallbackTime.read("por la mañana") == CallbackRequest(partOfDay: .morning))
        #expect(CallbackTime.read("at 9:15 pm") == CallbackRequest(hour: 21, minute: 15))
    }

    @Test(arguments: [
        ("en", "tomorrow, Tue 1 Dec, at 16:00"), ("es", "mañana, mar 1 dic, a las 16:00"), ("pt", "amanhã, ter 1 dez, às 16:00"),
    ])
    func theTimeIsNamedInTheCustomersLanguage(language: String, expected: String) throws {
        let zone = try #require(TimeZone(identifier: "Europe/Madrid"))
        let now = try #require(ISO8601.parse("2026-11-30T20:00:00Z"))
        let call = try #require(ISO8601.parse("2026-12-01T15:00:00Z"))
        let wording = CallbackWording(templates: Templates())
        #expect(wording.describe(call, now: now, zone: zone, language: language) == expected)
        #expect(wording.describe(try #require(ISO8601.parse("2026-12-07T08:00:00Z")), now: now, zone: zone, language: "en") == "on Mon 7 Dec at 09:00")
        #expect(wording.describe(try #require(ISO8601.parse("2026-11-30T21:30:00Z")), now: now, zone: zone, language: "es") == "hoy a las 22:30")
    }

    @Test func aClosedCallbackQueueConfirmsTheTimeTheCustomerAskedFor() throws {
        var config = BatonConfig()
        let zone = try #require(TimeZone(identifier: "Europe/Madrid"))
        config.queues = [QueueConfig(name: "general", hours: BusinessHours(weekly: Self.everyDay, timeZone: zone), afterHours: .callback)]
        let now = try #require(ISO8601.parse("2026-11-30T20:00:00Z"))
        func plan(_ text: String) throws -> HandoffRequest {
            let conversation = Conversation(id: "cb", customer: Customer(id: "c", name: "Lucía Pérez", language: "es"), messages: [
                Message(role: .customer, text: "quiero hablar con una persona", at: now),
                Message(role: .customer, text: text, at: now),
            ])
            var decision = TriggerEngine(config: config.engine).evaluate(conversation)
            decision.queue = "general"
            return try #require(HandoffPlanner(config: config).plan(conversation: conversation, decision: decision,
                                                                    situation: .init(counts: [], agents: []), now: now))
        }
        let asked = try plan("¿me pueden llamar mañana a las 4?")
        #expect(asked.afterHours)
        #expect(asked.callbackAt.map(ISO8601.format) == "2026-12-01T15:00:00Z")
        #expect(asked.customerMessage == "Nuestro equipo no está disponible ahora. Registramos tu solicitud y te llamaremos mañana, mar 1 dic, a las 16:00.")
        let late = try plan("mañana a las 11 de la noche")
        #expect(late.callbackAt.map(ISO8601.format) == "2026-12-02T08:00:00Z")
        #expect(late.customerMessage.hasSuffix("te llamaremos en el momento más cercano posible: el mié 2 dic a las 09:00."))
        // Nothing said about when: the opening, as before.
        let unsaid = try plan("gracias")
        #expect(unsaid.callbackAt.map(ISO8601.format) == "2026-12-01T08:00:00Z")
        #expect(!unsaid.customerMessage.contains("{"))
    }
}
