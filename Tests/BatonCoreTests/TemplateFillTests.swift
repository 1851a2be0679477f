import Foundation
import Testing
@testable import BatonCore

/// Placeholder filling for customer-facing texts.
@Suite struct TemplateFillTests {
    @Test func knownPlaceholdersAreFilledAndOthersLeftAsWritten() {
        let text = Templates.fill("Hi {name}, wait {wait}. {unknown} {{name}} {name", ["name": "Ana", "wait": "about 4 minutes"])
        #expect(text == "Hi Ana, wait about 4 minutes. {unknown} {Ana} {name")
        #expect(Templates.fill("no placeholders", ["name": "Ana"]) == "no placeholders")
        #expect(Templates.fill("{name}{name}", ["name": "é👍"]) == "é👍é👍")
    }

    @Test func filledValuesAreNeverFilledAgain() {
        // A customer may call themselves "{wait}"; that must not pull in another value.
        let text = Templates.fill("Hi {name}, expected wait: {wait}.", ["name": "{wait}", "wait": "5 minutes"])
        #expect(text == "Hi {wait}, expected wait: 5 minutes.")
    }

    @Test func anEmptyValueTakesTheSpaceBeforeItAlong() {
        #expect(Templates.fill("Hi {name}, thanks.", ["name": ""]) == "Hi, thanks.")
        #expect(Templates.fill("Hola {name}, gracias.", ["name": ""]) == "Hola, gracias.")
        #expect(Templates.fill("{name}", ["name": ""]) == "")
    }

    @Test func placeholdersAreListedOnceInOrder() {
        #expect(Templates.placeholders(in: "Hi {name}, {wait} {name} {{x}} {y") == ["name", "wait", "x"])
        #expect(Templates.placeholders(in: "none {} here") == [])
    }

    @Test func everyDefaultTextUsesOnlyPlaceholdersItsFamilyFills() {
        let templates = Templates()
        for family in Templates.Family.allCases {
            for (key, languages) in templates[family].texts {
                for (language, text) in languages {
                    let unknown = Templates.placeholders(in: text).filter { !family.placeholders.contains($0) }
                    #expect(unknown.isEmpty, "\(family) \(key) \(language): \(unknown)")
                }
            }
        }
    }

    @Test func everyDefaultFamilySpeaksTheSameLanguages() {
        let templates = Templates()
        for family in Templates.Family.allCases {
            for (key, languages) in templates[family].texts {
                #expect(Set(languages.keys) == ["en", "es", "pt", "ja"], "\(family) \(key)")
            }
        }
    }
}

/// The handoff message reads as a person would write it: per trigger and per policy topic, in the customer's
/// language, acknowledging, saying the conversation was shared, giving the real wait and the customer's name.
@Suite("Handoff messages per trigger and topic")
struct HandoffMessageTests {
    static let reassurance = ["en": "won't need to", "es": "no tendrás que", "pt": "não vai precisar", "ja": "共有済み"]

    /// The message the planner sends for `text` from a customer named `name` in `language`.
    func message(_ text: String, name: String? = "Rosa Díaz", language: String = "en", tags: [String] = [],
                 priorContacts: [PriorContact] = []) throws -> (kind: TriggerKind, topic: String?, text: String) {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let config = BatonConfig()
        let customer = Customer(id: "c", name: name, language: language, tags: tags, priorContacts: priorContacts)
        let conversation = Conversation(id: "t", customer: customer, messages: [Message(role: .customer, text: text, at: now)])
        let decision = TriggerEngine(config: config.engine).evaluate(conversation)
        let agents = [Agent(id: "bo", name: "Bo", skills: ["general", "billing", "security", "safety", "vip", "sales"], capacity: 3)]
        let request = try #require(HandoffPlanner(config: config).plan(conversation: conversation, decision: decision,
                                                                       situation: .init(counts: [], agents: agents), now: now))
        return (try #require(decision.primary).kind, decision.primary?.topic, request.customerMessage)
    }

    @Test("billing, security, medical, VIP, repeat contact and a request for a person each have their own words")
    func ownWordsPerTopic() throws {
        let twice = [PriorContact(topic: "delivery", daysAgo: 2), PriorContact(topic: "delivery", daysAgo: 5)]
        let cases: [(String, [String], [PriorContact], TriggerKind, String?, String)] = [
            ("I was charged twice for order 8812", [], [], .policyTopic, "billing_dispute", "money matters need a person"),
            ("I want a refund for my order", [], [], .policyTopic, "refund", "money matters need a person"),
            ("someone hacked my account", [], [], .policyTopic, "security", "Please don't share passwords"),
            ("my son swallowed a battery from your toy", [], [], .policyTopic, "medical", "please call your local emergency number now"),
            ("where is my parcel", ["vip"], [], .customerTag, nil, "A senior member of our team"),
            ("where is my parcel", [], twice, .repeatContact, "delivery", "you've contacted us about this before"),
            ("can I talk to a person", [], [], .explicitRequest, nil, "Of course, Rosa."),
        ]
        var seen: Set<String> = []
        for (text, tags, prior, kind, topic, words) in cases {
            let handoff = try message(text, tags: tags, priorContacts: prior)
            #expect(handoff.kind == kind, "\(text)")
            #expect(handoff.topic == topic, "\(text)")
            #expect(handoff.text.contains(words), "\(handoff.text)")
            #expect(handoff.text.contains("Rosa"), "\(handoff.text)")
            #expect(handoff.text.contains(Self.reassurance["en"]!), "\(handoff.text)")
            #expect(handoff.text.contains("Expected wait: less than 2 minutes."), "\(handoff.text)")
            #expect(!handoff.text.contains("{"), "\(handoff.text)")
            seen.insert(handoff.text)
        }
        #expect(seen.count == cases.count - 1)  // refunds and disputes share the billing text
    }

    @Test("in Spanish and Portuguese, with the reassurance and the wait; no name reads naturally")
    func languagesAndNoName() throws {
        let spanish = try message("me cobraron dos veces el pedido 8812", language: "es")
        #expect(spanish.text.hasPrefix("Entiendo, Rosa: los temas de dinero"))
        #expect(spanish.text.contains(Self.reassurance["es"]!) && spanish.text.hasSuffix("Espera estimada: menos de 2 minutos."))
        let portuguese = try message("meu filho engoliu uma pilha do brinquedo", language: "pt")
        #expect(portuguese.topic == "medical")
        #expect(portuguese.text.contains("ligue agora para o número de emergência local"))
        #expect(portuguese.text.contains(Self.reassurance["pt"]!))
        let nameless = try message("I want to talk to a person", name: nil)
        #expect(nameless.text.hasPrefix("Of course. I'm getting a person"))
        let emoji = try message("I was charged twice", name: "👩")
        #expect(emoji.text.hasPrefix("I understand: money matters"))
        for language in ["en", "es", "pt", "ja"] {
            for kind in TriggerKind.allCases where kind != .agentTakeover {
                let text = Templates().handoffMessage(kind: kind, language: language)
                #expect(text.contains(Self.reassurance[language]!) || text.contains("ませ"), "\(kind) \(language): \(text)")
                #expect(text.contains("{wait}"), "\(kind) \(language)")
            }
        }
    }
}

/// Warm introduction: with `introduction = "with_summary"` the agent's introduction says what the conversation
/// is about, in the customer's language and words; "only" (the default) leaves it alone.
@Suite struct WarmIntroductionTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func introduction(_ text: String, language: String, withSummary: Bool) throws -> String {
        var config = BatonConfig()
        config.introductionWithSummary = withSummary
        let conversation = Conversation(id: "t", customer: Customer(id: "c", name: "Rosa Díaz", language: language),
                                        messages: [Message(role: .customer, text: text, at: now)])
        let decision = TriggerEngine(config: config.engine).evaluate(conversation)
        let request = try #require(HandoffPlanner(config: config).plan(conversation: conversation, decision: decision,
                                                                       situation: .init(counts: [], agents: []), now: now))
        return request.introduction
    }

    @Test func theIntroductionCarriesOneLineOfWhatItIsAbout() throws {
        #expect(try introduction("I want a refund for order 8812", language: "en", withSummary: true)
                == "A member of our team, {agent}, has joined the conversation. I can see this is about a refund, order 8812.")
        #expect(try introduction("quiero un reembolso del pedido 4471", language: "es", withSummary: true)
                == "{agent}, de nuestro equipo, se ha unido a la conversación. Veo que se trata de un reembolso, pedido 4471.")
        // Nothing specific known: the introduction alone, never "about ." with nothing in it.
        #expect(try introduction("can I talk to a person", language: "en", withSummary: true)
                == "A member of our team, {agent}, has joined the conversation.")
        #expect(try introduction("I want a refund for order 8812", language: "en", withSummary: false)
                == "A member of our team, {agent}, has joined the conversation.")
    }

    @Test func theSettingIsReadAndChecked() throws {
        #expect(try ConfigLoader.load(toml: "introduction = \"with_summary\"", source: "b.toml").introductionWithSummary)
        #expect(try !ConfigLoader.load(toml: "introduction = \"only\"", source: "b.toml").introductionWithSummary)
        #expect {
            try ConfigLoader.load(toml: "introduction = \"long\"", source: "b.toml")
        } throws: { error in
            "\(error)".contains("introduction") && "\(error)".contains("only, with_summary")
        }
    }
}
