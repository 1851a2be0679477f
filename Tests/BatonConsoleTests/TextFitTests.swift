import Testing
import BatonCore
@testable import BatonConsole

@Suite("TextFit and ScreenBuffer: clipping never splits a wide character")
struct TextFitTests {
    @Test("Clipping stops before a wide character that does not fit")
    func clipWide() {
        #expect(TextFit.clip("ab你好", to: 3) == "ab")
        #expect(TextFit.clip("ab你好", to: 4) == "ab你")
        #expect(TextFit.clip("👩‍💻x", to: 1) == "")
    }

    @Test("Ellipsis keeps the result within the width")
    func ellipsis() {
        #expect(TextFit.ellipsize("Marta Núñez", to: 20) == "Marta Núñez")
        #expect(TextFit.ellipsize("Marta Núñez", to: 6) == "Marta…")
        #expect(TextFit.ellipsize("王小明王小明", to: 6) == "王小…")
        #expect(TextWidth.width(of: TextFit.ellipsize("王小明王小明", to: 6)) == 5)
    }

    @Test("Padding gives exactly the width, whatever the characters")
    func padding() {
        for text in ["José", "你好世界你好", "👩‍💻🇲🇽", "e\u{301}e\u{301}", ""] {
            for width in 1...9 {
                #expect(TextWidth.width(of: TextFit.pad(text, to: width)) == width, "\(text) at \(width)")
                #expect(TextWidth.width(of: TextFit.padLeft(text, to: width)) == width, "\(text) at \(width)")
            }
        }
    }

    @Test("Word wrap respects the width and breaks overlong words")
    func wrap() {
        #expect(TextFit.wrap("the quick brown fox", to: 10) == ["the quick", "brown fox"])
        #expect(TextFit.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.wrap("你好你好你", to: 4) == ["你好", "你好", "你"])
    }

    @Test("A wide character at the right edge becomes padding, not half a glyph")
    func bufferEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let used = buffer.write("abcd你", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer.lines() == ["abcd"])
        #expect(buffer[4, 0].width == 1)
    }

    @Test("Overwriting half of a wide character blanks its other half")
    func bufferOverwrite() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("你好", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines() == [" x好"])
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.lines() == [" xy"])
        #expect(buffer[3, 0].text == " ")
        #expect(!buffer.cells.contains { $0.isContinuation })
    }
}
