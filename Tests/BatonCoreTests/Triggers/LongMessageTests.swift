import Testing
@testable import BatonCore

/// Huge messages: the engine reads a bounded head and tail, in time linear in what it reads.
@Suite("Long messages")
struct LongMessageTests {
    let engine = TriggerEngine()
    static let filler = String(repeating: "the order arrived and the box was fine and the courier was on time. ", count: 200)

    @Test("a short message is read whole; a long one by its head and tail, joined by a line break")
    func bounds() {
        #expect(EngineText.evaluated("hello", head: 3, tail: 2) == "hello")
        #expect(EngineText.evaluated("hello", head: 3, tail: 1) == "hel\no")
        #expect(EngineText.evaluated("abcdefgh", head: 3, tail: 2) == "abc\ngh")
        #expect(EngineText.evaluated("ñññññ", head: 3, tail: 2) == "ñññññ", "five scalars fit, though ten bytes do not")
        let long = String(repeating: "x", count: 10_000)
        let read = EngineText.evaluated(long, config: EngineConfig())
        #expect(read.unicodeScalars.count == EngineConfig().evaluateHead + EngineConfig().evaluateTail + 1)
    }

    @Test("a request in the tail of a huge message fires, and its reason quotes the words that matched")
    func tail() throws {
        let conversation = ConversationFixture.customer([Self.filler + " anyway. I want to talk to a person"])
        let decision = engine.evaluate(conversation)
        let primary = try #require(decision.primary)
        #expect(primary.kind == .explicitRequest)
        #expect(primary.reason.contains("talk to a person"), "\(primary.reason)")
    }

    @Test("a request in the head fires; one buried in the middle is past what the engine reads")
    func headAndMiddle() {
        #expect(engine.evaluate(ConversationFixture.customer(["I want to talk to a person. " + Self.filler])).handoff)
        let middle = Self.filler + " I want to talk to a person. " + Self.filler
        #expect(!engine.evaluate(ConversationFixture.customer([middle])).handoff)
        var config = EngineConfig()
        config.evaluateHead = 1_000_000
        #expect(TriggerEngine(config: config).evaluate(ConversationFixture.customer([middle])).handoff)
    }

    @Test("words are never matched across the cut")
    func noMatchAcrossTheCut() {
        var config = EngineConfig()
        config.evaluateHead = 100
        config.evaluateTail = 20
        let text = String(repeating: "a", count: 90) + " I want to talk" + String(repeating: " b", count: 500) + " to a person"
        let read = EngineText.evaluated(text, config: config)
        #expect(read.contains("\n"))
        #expect(!TriggerEngine(config: config).evaluate(ConversationFixture.customer([text])).handoff)
    }

    @Test("asking whether the message holds a class is constant time: a long run of rejected matches stays linear")
    func rejectedMatchesStayLinear() {
        // "will I get a refund" is a question (rejected match) on every repetition; each rejection used to
        // rescan the whole message for a thanks word. The answer must not change with the fix.
        let questions = String(repeating: "will i get a refund ", count: 200)
        #expect(!engine.evaluate(ConversationFixture.customer([questions])).handoff)
        let text = TextNormalizer.normalize("thanks, I got my refund")
        #expect(text.contains(.thanksWord))
        #expect(!text.contains(.legalWord))
    }
}
