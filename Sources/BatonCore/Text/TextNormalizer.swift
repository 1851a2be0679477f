/// Turns raw message text into `NormalizedText`: the one place text is lowercased and tokenised.
///
/// Works on the UTF-8 bytes of the text (no Foundation, no regular expressions, a stack buffer
/// per token) so the engine can score hundreds of thousands of messages a second. Steps:
/// lowercase; strip Latin accents (`pásame` → `pasame`, `ação` → `acao`); drop apostrophes
/// (`can't` → `cant`); split on everything else, keeping each emoji as a token and digit
/// groups together (`1,000` → `1000`); collapse letters repeated three times or more
/// (`heeelp` → `help`); look each token up in the `Lexicon`, correcting one-letter typos of
/// typo-tolerant words (`agnet` → `agent`) and plain plurals.
public enum TextNormalizer {
    /// Tokens longer than this many bytes are cut (their span still covers the whole token).
    static let maxTokenBytes = 64

    /// Normalises `text` and resolves every token against the shared lexicon.
    public static func normalize(_ text: String) -> NormalizedText {
        let lexicon = Lexicon.shared
        var words: [String] = []
        var tokens: [NormalizedText.Token] = []
        words.reserveCapacity(16)
        tokens.reserveCapacity(16)
        let stats = scan(text) { bytes, flags, _ in
            let (id, word) = lexicon.resolve(bytes, elongated: flags.contains(.elongated))
            words.append(word)
            if id >= 0 {
                let entry = lexicon.entries[Int(id)]
                tokens.append(NormalizedText.Token(id: id, flags: flags, classes: entry.classes, valence: entry.valence))
            } else {
                tokens.append(NormalizedText.Token(id: id, flags: flags))
            }
        }
        return NormalizedText(words: words, tokens: tokens, letterCount: stats.letters,
                              uppercaseCount: stats.uppercase, questionMarks: stats.questionMarks,
                              exclamationMarks: stats.exclamationMarks)
    }

    /// The tokens of `text` after folding only (no lexicon lookup): used to build lexicons and patterns.
    public static func fold(_ text: String) -> [String] {
        var words: [String] = []
        _ = scan(text) { bytes, _, _ in words.append(String(decoding: bytes, as: UTF8.self)) }
        return words
    }

    /// The original text of tokens `range` (as numbered in `NormalizedText.words`), for explanations.
    ///
    /// Control characters are dropped and the excerpt is capped, because customer text is untrusted
    /// and ends up in reasons shown on screens and logs.
    public static func excerpt(of text: String, tokens range: Range<Int>, maxLength: Int = 80) -> String {
        guard !range.isEmpty else { return "" }
        // Only the first and the last token's spans are kept: where the excerpt starts and ends.
        var tokens = 0
        var start = 0
        var end = 0
        _ = scan(text) { _, _, span in
            if tokens == range.lowerBound { start = span.lowerBound }
            if tokens < range.upperBound { end = span.upperBound }
            tokens += 1
        }
        guard range.lowerBound < tokens else { return "" }
        var text = text
        var plain = false
        let original = text.withUTF8 { utf8 in
            let slice = UnsafeBufferPointer(rebasing: utf8[start..<end])
            // Printable ASCII (most excerpts) has nothing to drop and one scalar per byte: cut it as bytes.
            plain = !slice.contains { $0 < 0x20 || $0 > 0x7E }
            if plain && slice.count > maxLength {
                return String(decoding: UnsafeBufferPointer(rebasing: slice[0..<max(0, maxLength)]), as: UTF8.self) + "…"
            }
            return String(decoding: slice, as: UTF8.self)
        }
        if plain { return original }
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in original.unicodeScalars {
            if isControlOrFormat(scalar) { continue }
            if count >= maxLength { result.append("…"); break }
            result.append(scalar)
            count += 1
        }
        return String(result)
    }

    /// Control characters and the invisible formatting ones that can reorder or hide text on a
    /// terminal (bidi overrides, zero-width characters, byte-order mark).
    public static func isControlOrFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF,
             0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    /// Letter and punctuation counts gathered while scanning.
    struct Stats {
        var letters = 0
        var uppercase = 0
        var questionMarks = 0
        var exclamationMarks = 0
    }

    /// Accent folding for U+00C0–U+00FF: base letter, or `*` for a non-letter (× ÷).
    private static let latin1Fold: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty".utf8)

    /// Splits `text` into folded tokens, calling `emit` with each token's bytes, flags and UTF-8 span.
    static func scan(_ text: String,
                     emit: (_ bytes: UnsafeBufferPointer<UInt8>, _ flags: NormalizedText.Flags, _ span: Range<Int>) -> Void)
        -> Stats {
        var text = text
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxTokenBytes) { buffer in
                var scanner = Scanner(buffer: buffer)
                return scanner.run(utf8, fold: latin1Fold, emit: emit)
            }
        }
    }

    /// The state of one scan: the token being built and the counts so far.
    private struct Scanner {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var length = 0
        var stats = Stats()
        var wordStart = 0
        var wordLetters = 0
        var wordUpper = 0
        var allDigits = true
        var elongated = false
        var runByte: UInt8 = 0
        var runLength = 0
        var clauseStart = true

        init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

        mutating func run(_ utf8: UnsafeBufferPointer<UInt8>, fold: [UInt8],
                          emit: (UnsafeBufferPointer<UInt8>, NormalizedText.Flags, Range<Int>) -> Void) -> Stats {
            var index = 0
            let count = utf8.count
            while index < count {
                let start = index
                let lead = utf8[index]
                if lead < 0x80 {
                    index += 1
                    ascii(lead, at: start, next: index < count ? utf8[index] : 0, emit: emit)
                    continue
                }
                // One multi-byte scalar (the String is valid UTF-8).
                let (value, next) = UTF8Scalar.decode(utf8, at: start, end: count)
                index = next
                nonASCII(value, at: start, end: index, fold: fold, utf8: utf8, emit: emit)
            }
            flush(at: count, emit: emit)
            return stats
        }

        private mutating func ascii(_ byte: UInt8, at index: Int, next: UInt8,
                                    emit: (UnsafeBufferPointer<UInt8>, NormalizedText.Flags, Range<Int>) -> Void) {
            switch byte {
            case 65...90:
                stats.letters += 1
                stats.uppercase += 1
                wordLetters += 1
                wordUpper += 1
                append(byte + 32, at: index, isLetter: true)
            case 97...122:
                stats.letters += 1
                wordLetters += 1
                append(byte, at: index, isLetter: true)
            case 48...57:
                append(byte, at: index, isLetter: false)
            case 39, 96:
                // Apostrophes are dropped so contractions join ("don't" → "dont").
                break
            case 44, 46:
                // "1,000" and "2.5" stay one number; otherwise a clause break.
                if length > 0 && allDigits && next >= 48 && next <= 57 { break }
                flush(at: index, emit: emit)
                clauseStart = true
            case 63:
                stats.questionMarks += 1
                flush(at: index, emit: emit)
                clauseStart = true
            case 33:
                stats.exclamationMarks += 1
                flush(at: index, emit: emit)
                clauseStart = true
            case 59, 58, 40, 41, 10, 13:
                flush(at: index, emit: emit)
                clauseStart = true
            default:
                flush(at: index, emit: emit)
            }
        }

        private mutating func nonASCII(_ value: UInt32, at index: Int, end: Int, fold: [UInt8],
                                       utf8: UnsafeBufferPointer<UInt8>,
                                       emit: (UnsafeBufferPointer<UInt8>, NormalizedText.Flags, Range<Int>) -> Void) {
            if value >= 0xC0 && value <= 0xFF {
                let folded = fold[Int(value - 0xC0)]
                guard folded != UInt8(ascii: "*") else {
                    flush(at: index, emit: emit)
                    return
                }
                stats.letters += 1
                wordLetters += 1
                if value < 0xDF {
                    stats.uppercase += 1
                    wordUpper += 1
                }
                if value == 0xDF { append(UInt8(ascii: "s"), at: index, isLetter: true) }
                append(folded, at: index, isLetter: true)
                return
            }
            switch value {
            case 0x2019, 0x2018, 0x02BC, 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF:
                // Typographic apostrophes join like "'"; variation selectors, joiners and skin
                // tones belong to the emoji before them.
                return
            case 0xBF, 0xA1, 0x2026:
                flush(at: index, emit: emit)
                clauseStart = true
                return
            case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF:
                flush(at: index, emit: emit)
                emit(UnsafeBufferPointer(rebasing: utf8[index..<end]), clauseStart ? [.emoji, .clauseStart] : [.emoji],
                     index..<end)
                clauseStart = false
                return
            default:
                break
            }
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else {
                flush(at: index, emit: emit)
                return
            }
            stats.letters += 1
            wordLetters += 1
            if scalar.properties.isUppercase {
                stats.uppercase += 1
                wordUpper += 1
            }
            if length == 0 { wordStart = index }
            allDigits = false
            runByte = 0
            runLength = 0
            for byte in scalar.properties.lowercaseMapping.utf8 where length < buffer.count {
                buffer[length] = byte
                length += 1
            }
        }

        private mutating func append(_ byte: UInt8, at index: Int, isLetter: Bool) {
            if length == 0 { wordStart = index }
            if isLetter { allDigits = false }
            if byte == runByte {
                runLength += 1
            } else {
                runByte = byte
                runLength = 1
            }
            // A third copy of a letter is an elongation ("sooo"): keep two, the lexicon lookup
            // then tries both the single and the double spelling.
            if isLetter && runLength >= 3 {
                elongated = true
                return
            }
            if length < buffer.count {
                buffer[length] = byte
                length += 1
            }
        }

        private mutating func flush(at end: Int,
                                    emit: (UnsafeBufferPointer<UInt8>, NormalizedText.Flags, Range<Int>) -> Void) {
            guard length > 0 else { return }
            var flags: NormalizedText.Flags = []
            if clauseStart { flags.insert(.clauseStart) }
            if elongated { flags.insert(.elongated) }
            if allDigits { flags.insert(.number) }
            if wordLetters >= 2 && wordUpper == wordLetters { flags.insert(.shouted) }
            emit(UnsafeBufferPointer(rebasing: buffer[0..<length]), flags, wordStart..<end)
            length = 0
            clauseStart = false
            wordLetters = 0
            wordUpper = 0
            allDigits = true
            elongated = false
            runLength = 0
            runByte = 0
        }
    }
}
