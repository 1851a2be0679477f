import Testing
@testable import BatonCore

@Suite("Low confidence rule")
struct LowConfidenceRuleTests {
    let rule = LowConfidenceRule()
    typealias F = ConversationFixture

    @Test("a reply under the floor fires at once")
    func floor() throws {
        let fired = try #require(F.evaluate(rule, F.conversation([F.said("q"), F.ai("I'm not sure.", confidence: 0.30)])))
        #expect(fired.rule == "low_confidence/floor")
        #expect(fired.reason == "confidence 0.30 < floor 0.35")
        #expect(fired.message == 1)
    }

    @Test("two consecutive replies under the threshold fire on the second")
    func consecutive() throws {
        let conversation = F.conversation([
            F.said("q"), F.ai("a", confidence: 0.41), F.said("and?"), F.ai("b", confidence: 0.45),
        ])
        let fired = try #require(F.evaluate(rule, conversation))
        #expect(fired.rule == "low_confidence/consecutive")
        #expect(fired.reason == "confidence 0.41 and 0.45 on two consecutive replies < 0.60")
    }

    @Test("one low reply followed by a confident one does not fire")
    func recovered() {
        let conversation = F.conversation([
            F.said("q"), F.ai("a", confidence: 0.55), F.said("and?"), F.ai("b", confidence: 0.88),
        ])
        #expect(F.evaluate(rule, conversation) == nil)
        #expect(F.evaluate(rule, F.conversation([F.said("q"), F.ai("a", confidence: 0.55)])) == nil)
    }

    @Test("hedging without a confidence is estimated low", arguments: [
        "I'm not sure about that.", "I don't have that information.", "No estoy seguro de eso.", "Não tenho certeza.",
        // The strongest hedge decides, wherever it is.
        "I think it might be related to your credit score, but I'm not sure.", "I'm not entirely certain.",
    ])
    func strongHedge(_ text: String) throws {
        let fired = try #require(F.evaluate(rule, F.conversation([F.said("q"), F.ai(text)])))
        #expect(fired.rule == "low_confidence/floor")
        #expect(fired.reason.hasPrefix("estimated confidence 0.30"))
    }

    @Test("soft hedges count toward two in a row")
    func softHedges() throws {
        let conversation = F.conversation([
            F.said("q"), F.ai("I think it ships Monday."), F.said("sure?"), F.ai("Possibly Tuesday."),
        ])
        let fired = try #require(F.evaluate(rule, conversation))
        #expect(fired.rule == "low_confidence/consecutive")
        #expect(F.evaluate(rule, F.conversation([F.said("q"), F.ai("It ships Monday.")])) == nil)
    }

    @Test("'it may depend' is a soft hedge")
    func dependsIsSoft() throws {
        let conversation = F.conversation([
            F.said("why was it rejected?"), F.ai("It may depend on several factors."), F.said("which?"), F.ai("Probably your income."),
        ])
        let fired = try #require(F.evaluate(rule, conversation))
        #expect(fired.rule == "low_confidence/consecutive")
        #expect(fired.message == 3)
    }

    @Test("thresholds come from the config")
    func configurable() {
        var config = EngineConfig()
        config.confidenceFloor = 0.2
        config.lowConfidenceConsecutive = 3
        let conversation = F.conversation([F.said("q"), F.ai("a", confidence: 0.3), F.said("?"), F.ai("b", confidence: 0.3)])
        #expect(F.evaluate(rule, conversation, config: config) == nil)
    }
}
