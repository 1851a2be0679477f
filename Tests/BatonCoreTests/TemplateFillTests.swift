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
