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
}
