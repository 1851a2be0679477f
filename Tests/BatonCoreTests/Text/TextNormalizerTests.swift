import Testing
@testable import BatonCore

@Suite("Text normaliser")
struct TextNormalizerTests {
    @Test("lowercases, strips accents and joins contractions")
    func folding() {
        #expect(TextNormalizer.fold("¿Pásame con ALGUIÉN?") == ["pasame", "con", "alguien"])
        #expect(TextNormalizer.fold("Não consigo, ação!") == ["nao", "consigo", "acao"])
        #expect(TextNormalizer.fold("I can't, you’re wrong") == ["i", "cant", "youre", "wrong"])
        #expect(TextNormalizer.fold("human-readable") == ["human", "readable"])
        #expect(TextNormalizer.fold("Straße") == ["strasse"])
    }

    @Test("keeps digit groups together and marks numbers")
    func numbers() {
        let text = TextNormalizer.normalize("quote for 1,000 units, v3 and 2.5 kg.")
        #expect(text.words == ["quote", "for", "1000", "units", "v3", "and", "25", "kg"])
        #expect(text.tokens[2].flags.contains(.number))
        #expect(!text.tokens[4].flags.contains(.number))
    }

    @Test("collapses elongations and corrects typos of key words")
    func elongationAndTypos() {
        #expect(TextNormalizer.normalize("heeeelp").words == ["help"])
        #expect(TextNormalizer.normalize("hummmman").words == ["human"])
        #expect(TextNormalizer.normalize("goooood").words == ["good"])
        #expect(TextNormalizer.normalize("humna agnet persn").words == ["human", "agent", "person"])
        #expect(TextNormalizer.normalize("agenda managed").words == ["agenda", "managed"])
        #expect(TextNormalizer.normalize("sooo").tokens[0].flags.contains(.elongated))
    }

    @Test("emoji are tokens of their own; clause breaks and capitals are recorded")
    func emojiAndFlags() {
        let text = TextNormalizer.normalize("ok👍🏽 NOT HAPPY. fine")
        #expect(text.words == ["ok", "👍", "not", "happy", "fine"])
        #expect(text.tokens[1].flags.contains(.emoji))
        #expect(text.tokens[2].flags.contains(.shouted))
        #expect(text.tokens[4].flags.contains(.clauseStart))
        #expect(!text.tokens[3].flags.contains(.clauseStart))
        #expect(TextNormalizer.normalize("WHERE IS MY ORDER").isShouting())
        #expect(!TextNormalizer.normalize("Where is my order, ASAP").isShouting())
    }

    @Test("excerpts show the original words without control characters")
    func excerpts() {
        let text = "Hola, ¿me pásas con\u{202E} un ejecutivo?"
        #expect(TextNormalizer.excerpt(of: text, tokens: 1..<6) == "me pásas con un ejecutivo")
        #expect(TextNormalizer.excerpt(of: text, tokens: 9..<12) == "")
        let long = String(repeating: "a ", count: 200)
        #expect(TextNormalizer.excerpt(of: long, tokens: 0..<200).count <= 81)
    }

    @Test("odd input does not break it")
    func oddInput() {
        #expect(TextNormalizer.normalize("").isEmpty)
        #expect(TextNormalizer.normalize("?!?").questionMarks == 2)
        #expect(TextNormalizer.normalize("?!?").hasNoWords)
        let huge = String(repeating: "x", count: 500)
        #expect(TextNormalizer.normalize(huge).count == 1)
        #expect(TextNormalizer.normalize("Привет мир 你好").count == 3)
    }
}
