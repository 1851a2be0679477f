import Foundation
import Testing
@testable import BatonCore

@Suite("Config loader")
struct ConfigLoaderTests {
    @Test("reads queues, hours, engine and templates")
    func readsEverything() throws {
        let toml = """
        wait_estimate_sample = 10
        [engine]
        low_confidence_threshold = 0.5
        high_ltv_amount = 10000
        [engine.queue_by_kind]
        buying_intent = "deals"
        [[topics]]
        name = "refund"
        queue = "money"
        phrases = ["reembolso ya"]
        [[queues]]
        name = "money"
        skills = ["billing"]
        pickup_window = "2m"
        expiry = "1h"
        expiry_policy = "requeue"
        after_hours = "callback"
        timezone = "America/Mexico_City"
        holidays = ["2026-12-25"]
        [queues.hours]
        mon = "09:00-18:00"
        sat = ["10:00-12:00", "13:00-14:00"]
        sun = "closed"
        [templates.handoff.sentiment]
        en = "Sorry! {wait}"
        [notify]
        command = "echo breach"
        """
        let config = try ConfigLoader.load(toml: toml, source: "baton.toml")
        #expect(config.engine.lowConfidenceThreshold == 0.5)
        #expect(config.engine.highLTVAmount == 10000)
        #expect(config.engine.queueByKind[.buyingIntent] == "deals")
        #expect(config.engine.topics == [PolicyTopic(name: "refund", queue: "money", urgency: .medium, phrases: ["reembolso ya"])])
        let queue = config.queue(named: "money")
        #expect(queue.skills == ["billing"])
        #expect(queue.pickupWindow == 120)
        #expect(queue.expiry == 3600)
        #expect(queue.expiryPolicy == .requeue)
        #expect(queue.afterHours == .callback)
        #expect(queue.hours.timeZone.identifier == "America/Mexico_City")
        #expect(queue.hours.weekly[7] == [DayInterval(start: 600, end: 720), DayInterval(start: 780, end: 840)])
        #expect(queue.hours.weekly[1] == [])
        #expect(queue.hours.holidays == ["2026-12-25"])
        #expect(config.templates.handoffMessage(kind: .sentiment, language: "en") == "Sorry! {wait}")
        #expect(config.templates.handoffMessage(kind: .sentiment, language: "es").contains("Lamento"))
        #expect(config.templates.handoffMessage(kind: .sentiment, language: "ja").contains("申し訳"))
        #expect(config.notifyCommand == "echo breach")
        #expect(config.waitEstimateSampleSize == 10)
        #expect(config.consoleMouse)
        #expect(try !ConfigLoader.load(toml: "[console]\nmouse = false", source: "b.toml").consoleMouse)
    }

    @Test("mistakes name the file and the key", arguments: [
        ("[[queues]]\nname = \"a\"\npickup_windw = \"5m\"", "baton.toml: queues[0].pickup_windw: unknown key"),
        ("[[queues]]\nname = \"a\"\npickup_window = \"soon\"", "baton.toml: queues[0].pickup_window: expected a duration such as 90s, 5m, 2h or 7d (more than 0, at most 3650d)"),
        ("[[queues]]\nname = \"a\"\npickup_window = \"1e20s\"", "baton.toml: queues[0].pickup_window: expected a duration such as 90s, 5m, 2h or 7d (more than 0, at most 3650d)"),
        ("[[queues]]\nname = \"a\"\nexpiry = 400000000", "baton.toml: queues[0].expiry: expected a duration such as 90s, 5m, 2h or 7d (more than 0, at most 3650d)"),
        ("[engine]\nconfidence_floor = 3", "baton.toml: engine.confidence_floor: 3.0 is outside 0…1"),
        ("[[queues]]\nname = \"a\"\ntimezone = \"Mars/Base\"", #"baton.toml: queues[0].timezone: unknown time zone "Mars/Base" (use a name like America/Mexico_City)"#),
        ("[[queues]]\nname = \"a\"\n[queues.hours]\nmon = \"9-5\"", #"baton.toml: queues[0].hours.mon: "9-5" is not a time range like "09:00-17:30""#),
        ("[[queues]]\nname = \"a\"\nafter_hours = \"nap\"", #"baton.toml: queues[0].after_hours: "nap" is not one of callback, queue_with_eta, acknowledge_close"#),
        ("[templates.agent_introduction]\nen = \"Hi {name}, I'm {agnet}\"",
         "baton.toml: templates.agent_introduction.en: unknown placeholder {agnet}; these texts may use {agent}, {name}"),
        ("[templates.handoff.sentiment]\nes = \"Espera: {espera}\"",
         "baton.toml: templates.handoff.sentiment.es: unknown placeholder {espera}; these texts may use {name}, {wait}, {topic}"),
        ("[templates.suggested_reply]\nexplicit_request = \"Hi {name}, wait {wait}\"",
         "baton.toml: templates.suggested_reply.explicit_request.en: unknown placeholder {wait}; these texts may use {name}, {agent}, {topic}"),
        ("[templates.suggested_reply.topic.medical]\nen = \"Call {number}\"",
         "baton.toml: templates.suggested_reply.topic.medical.en: unknown placeholder {number}; these texts may use {name}, {agent}, {topic}"),
        ("[templates.handoff.sentimen]\nen = \"x\"",
         "baton.toml: templates.handoff.sentimen: unknown trigger kind; expected default, topic or one of explicit_request, bot_request, sentiment, repeat_contact, policy_topic, customer_tag, tool_failure, buying_intent, low_confidence, agent_takeover"),
        ("[templates.wait]\nminutes = \"{minutes} min\"\nsoon = \"x\"",
         "baton.toml: templates.wait.soon: unknown wait bucket; expected default, topic or one of under_2_minutes, minutes, hour, hours, unknown"),
        ("[templates]\ngreeting = \"x\"", "baton.toml: templates.greeting: unknown key"),
        ("[console]\nmouse = \"no\"", "baton.toml: console.mouse: expected true or false"),
    ])
    func mistakes(toml: String, message: String) {
        do {
            _ = try ConfigLoader.load(toml: toml, source: "baton.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("templates per trigger, topic and language; a plain string is English")
    func templateTables() throws {
        let toml = """
        [templates.suggested_reply]
        sentiment = "Hi {name}, sorry!"
        [templates.suggested_reply.explicit_request]
        es = "Hola {name}, ¿en qué te ayudo?"
        [templates.suggested_reply.topic.refund]
        en = "Hi {name}, about {topic}: it is on its way."
        [templates.wait.minutes]
        es = "{minutes} minutitos"
        [templates.topic_phrase.warranty]
        es = "una garantía"
        [templates.agent_introduction]
        ja = "{agent}です。"
        """
        let templates = try ConfigLoader.load(toml: toml, source: "baton.toml").templates
        #expect(templates.suggestedReply(kind: .sentiment, language: "en") == "Hi {name}, sorry!")
        #expect(templates.suggestedReply(kind: .sentiment, language: "es").hasPrefix("Hola {name}, siento"))
        #expect(templates.suggestedReply(kind: .explicitRequest, language: "es") == "Hola {name}, ¿en qué te ayudo?")
        #expect(templates.suggestedReply(kind: .policyTopic, topic: "refund", language: "en") == "Hi {name}, about {topic}: it is on its way.")
        #expect(templates.waitText(WaitEstimate(seconds: 600), language: "es") == "10 minutitos")
        #expect(templates.topicPhrase("warranty", language: "es") == "una garantía")
        #expect(templates.introduction(language: "ja") == "{agent}です。")
        #expect(templates.introduction(language: "es") == Templates.defaultIntroduction["es"])
    }

    @Test("a syntax error gives the line")
    func syntaxError() {
        do {
            _ = try ConfigLoader.load(toml: "[engine\nx = 1", source: "b.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("b.toml: "))
            #expect(error.description.contains("line 1"))
        }
    }
}

@Suite("Config loader: the escalation model")
struct ModelConfigTests {
    @Test("model on by default; [engine] model = false turns it off; thresholds per label")
    func modelSettings() throws {
        #expect(try ConfigLoader.load(toml: "", source: "t").engine.model)
        let config = try ConfigLoader.load(toml: """
            [engine]
            model = false
            [engine.model_thresholds]
            frustration = 0.9
            security = 0.55
            """, source: "baton.toml")
        #expect(config.engine.model == false)
        #expect(config.engine.modelThresholds == ["frustration": 0.9, "security": 0.55])
        #expect(TriggerEngine(config: config.engine).modelRule == nil)
        var on = config.engine
        on.model = true
        let rule = try #require(TriggerEngine(config: on).modelRule)
        #expect(rule.threshold(of: .frustration) == 0.9)
        #expect(rule.threshold(of: .security) == 0.55)
        #expect(rule.threshold(of: .refund) == EscalationModel.shipped.thresholds[ModelLabel.allCases.firstIndex(of: .refund)!])
    }

    @Test("a wrong model setting names the key")
    func mistakes() {
        #expect(throws: ConfigError(source: "b", key: "engine.model", message: "expected true or false")) {
            try ConfigLoader.load(toml: "[engine]\nmodel = \"no\"", source: "b")
        }
        #expect(throws: ConfigError.self) { try ConfigLoader.load(toml: "[engine.model_thresholds]\nfrustation = 0.9", source: "b") }
        #expect(throws: ConfigError(source: "b", key: "engine.model_thresholds.refund", message: "1.5 is outside 0…1")) {
            try ConfigLoader.load(toml: "[engine.model_thresholds]\nrefund = 1.5", source: "b")
        }
    }
}
