import Testing
@testable import BatonCore

@Suite("TextWidth: terminal columns of grapheme clusters")
struct TextWidthTests {
    @Test("ASCII and accented letters take one column, precomposed or combining")
    func narrow() {
        #expect(TextWidth.width(of: Character("a")) == 1)
        #expect(TextWidth.width(of: Character("é")) == 1)
        #expect(TextWidth.width(of: Character("e\u{301}")) == 1)
        #expect(TextWidth.width(of: Character("ñ")) == 1)
        #expect(TextWidth.width(of: "Núñez") == 5)
        #expect(TextWidth.width(of: "Jose\u{301}") == 4)
    }

    @Test("CJK, Hangul and fullwidth forms take two columns")
    func eastAsianWide() {
        #expect(TextWidth.width(of: "你好") == 4)
        #expect(TextWidth.width(of: Character("王")) == 2)
        #expect(TextWidth.width(of: Character("한")) == 2)
        #expect(TextWidth.width(of: Character("Ａ")) == 2)
        #expect(TextWidth.width(of: Character("カ")) == 2)
    }

    @Test("Emoji, ZWJ sequences, skin tones, flags and VS16 sequences take two columns")
    func emoji() {
        #expect(TextWidth.width(of: Character("😀")) == 2)
        #expect(TextWidth.width(of: Character("👩‍💻")) == 2)
        #expect(TextWidth.width(of: Character("👨‍👩‍👧‍👦")) == 2)
        #expect(TextWidth.width(of: Character("👍🏽")) == 2)
        #expect(TextWidth.width(of: Character("🇲🇽")) == 2)
        #expect(TextWidth.width(of: Character("❤️")) == 2)
        #expect(TextWidth.width(of: "👩‍💻 🇲🇽") == 5)
    }

    @Test("Combining marks and zero-width characters take no column on their own")
    func zeroWidth() {
        #expect(TextWidth.width(of: Unicode.Scalar(0x301)!) == 0)
        #expect(TextWidth.width(of: Unicode.Scalar(0x200B)!) == 0)
        #expect(TextWidth.width(of: Unicode.Scalar(0xFE0F)!) == 0)
        #expect(TextWidth.width(of: Unicode.Scalar(0x1B)!) == 0)
    }

    @Test("Text-style symbols without VS16 stay one column")
    func textSymbols() {
        #expect(TextWidth.width(of: Character("❤")) == 1)
        #expect(TextWidth.width(of: Character("●")) == 1)
        #expect(TextWidth.width(of: Character("▆")) == 1)
        #expect(TextWidth.width(of: Character("…")) == 1)
    }
}
