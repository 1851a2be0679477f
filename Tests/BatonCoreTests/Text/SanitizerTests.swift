import Testing
import Foundation
@testable import BatonCore

@Suite("Sanitizer: customer text cannot drive the terminal")
struct SanitizerTests {
    static func dangerous(_ text: String) -> [Unicode.Scalar] { Sanitizer.unsafeScalars(in: text) }

    @Test("CSI sequences lose their ESC and show visibly", arguments: ["\u{1B}[2J", "\u{1B}[31mred", "\u{1B}[10;10H", "\u{1B}[?1049h"])
    func csi(_ input: String) {
        let output = Sanitizer.line(input)
        #expect(Self.dangerous(output).isEmpty)
        #expect(output.hasPrefix("␛["))
    }

    @Test("OSC 52 clipboard writes and OSC 0 title changes are defused")
    func osc() {
        let clipboard = Sanitizer.line("\u{1B}]52;c;cGF5bWU=\u{07}")
        #expect(clipboard == "␛]52;c;cGF5bWU=␇")
        let title = Sanitizer.line("\u{1B}]0;pwned\u{1B}\\")
        #expect(title == "␛]0;pwned␛\\")
        let dcs = Sanitizer.line("\u{1B}P+q6e\u{1B}\\")
        #expect(Self.dangerous(dcs).isEmpty)
    }

    @Test("C1 controls (8-bit CSI, NEL, OSC) are shown as code points")
    func c1() {
        #expect(Sanitizer.line("a\u{9B}31mb") == "a<U+009B>31mb")
        #expect(Sanitizer.line("\u{9D}0;x\u{9C}") == "<U+009D>0;x<U+009C>")
    }

    @Test("BEL, DEL, NUL and backspace become control pictures")
    func controls() {
        #expect(Sanitizer.line("ding\u{07}") == "ding␇")
        #expect(Sanitizer.line("a\u{7F}b") == "a␡b")
        #expect(Sanitizer.line("a\u{0}b\u{8}c") == "a␀b␈c")
    }

    @Test("Bidi overrides, embeddings, isolates and marks are shown, not obeyed")
    func bidi() {
        #expect(Sanitizer.line("Co\u{202E}rp") == "Co<U+202E>rp")
        for value: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F] {
            let output = Sanitizer.line("x" + String(Unicode.Scalar(value)!) + "y")
            #expect(Self.dangerous(output).isEmpty, "U+\(String(value, radix: 16))")
            #expect(output.contains("<U+"))
        }
    }

    @Test("In single-line fields tabs and newlines become single spaces")
    func singleLine() {
        #expect(Sanitizer.line("one\ttwo\nthree\r\nfour") == "one two three four")
        #expect(Sanitizer.line("a\u{2028}b") == "a b")
    }

    @Test("Multi-line text keeps its paragraphs, CRLF counts once")
    func paragraphs() {
        #expect(Sanitizer.paragraphs("one\r\ntwo\nthree") == ["one", "two", "three"])
        #expect(Sanitizer.paragraphs("tab\there") == ["tab    here"])
        #expect(Sanitizer.paragraphs("x\u{1B}[2Jy") == ["x␛[2Jy"])
    }

    @Test("Ordinary international text passes through untouched")
    func ordinaryText() {
        for text in ["Marta Núñez", "Jose\u{301}", "王小明", "👩‍💻 🇲🇽", "مرحبا", "שלום", "Ünïcödé ✓"] {
            #expect(Sanitizer.line(text) == text)
        }
    }

    @Test("A flood of combining marks is capped so one cluster cannot smear a line")
    func zalgo() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 40) + "b"
        let output = Sanitizer.line(zalgo)
        #expect(output.unicodeScalars.count == 2 + Sanitizer.maxMarksPerCluster)
        #expect(TextWidth.width(of: output) == 2)
        let joiners = "a" + String(repeating: "\u{200D}", count: 1000)
        #expect(Sanitizer.line(joiners) == "a")
        let emojiJoiners = "👩" + String(repeating: "\u{200D}", count: 1000)
        #expect(Sanitizer.line(emojiJoiners) == "👩\u{200D}")
    }

    @Test("Zero-width and other invisible format characters are dropped; what reads the same stays the same",
          arguments: ["pay\u{200B}pal", "pay\u{200C}pal", "pay\u{2060}pal", "pay\u{00AD}pal", "\u{FEFF}paypal", "pay\u{180E}pal", "pay\u{2062}pal"])
    func zeroWidth(_ input: String) {
        #expect(Sanitizer.line(input) == "paypal")
        #expect(Sanitizer.paragraphs(input) == ["paypal"])
        #expect(Self.dangerous(input).isEmpty == false)
    }

    @Test("Emoji sequences with joiners, skin tones and tags survive whole")
    func emojiSequencesKept() {
        for text in ["👩🏽‍🤝‍👨🏿", "👨‍👩‍👧‍👦", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "1️⃣"] {
            #expect(Sanitizer.line(text) == text)
        }
    }

    @Test("Every C0 and C1 control and DEL is neutralised")
    func exhaustive() {
        var all = ""
        for value in UInt32(0)...0x9F where value < 0x20 || value >= 0x7F {
            all.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        #expect(Self.dangerous(Sanitizer.line(all)).isEmpty)
        #expect(Self.dangerous(Sanitizer.paragraphs(all).joined()).isEmpty)
    }
}

@Suite("JSON escapes for output")
struct JSONEscapeTests {
    @Test("Foundation's JSON gets Baton's escapes inside strings only, and reads back as the same text",
          arguments: ["\u{1b}]0;x\u{7}", "a\u{202e}b\u{200b}c", "\u{9b}31m", "tag\\\u{E0074}after a backslash", "plain"])
    func foreignJSON(_ text: String) throws {
        let data = try JSONSerialization.data(withJSONObject: ["text": text, "n": 1], options: [.prettyPrinted])
        let escaped = JSONText.escapingUnsafe(String(decoding: data, as: UTF8.self))
        #expect(!escaped.unicodeScalars.contains { JSONText.mustEscape($0) && $0 != "\n" })
        let back = try #require(try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: Any])
        #expect(back["text"] as? String == text)
    }
}
