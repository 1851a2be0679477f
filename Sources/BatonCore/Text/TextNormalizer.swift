/// Turns raw message text into `NormalizedText`: the one place text is lowercased and tokenised.
///
/// Works on Unicode scalars and UTF-8 bytes (no Foundation, no regular expressions) so the engine
/// can score hundreds of thousands of messages a second. Steps: lowercase; strip Latin accents
/// (`pásame` → `pasame`, `ação` → `acao`); drop apostrophes inside words (`can't` → `cant`);
/// split on everything else; collapse letters repeated three times or more (`heeelp` → `help`);
/// look each token up in the `Lexicon`, correcting one-letter typos of typo-tolerant words
/// (`agnet` → `agent`) and plain plurals.
public enum TextNormalizer {
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
            tokens.append(NormalizedText.Token(id: id, flags: flags))
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
        var spans: [Range<Int>] = []
        _ = scan(text) { _, _, span in spans.append(span) }
        guard !range.isEmpty, range.lowerBound < spans.count else { return "" }
        let last = min(range.upperBound, spans.count) - 1
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for scalar in scalars[spans[range.lowerBound].lowerBound..<spans[last].upperBound] {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                continue
            }
            if result.count >= maxLength { result.append("…"); break }
            result.append(scalar)
        }
        return String(result)
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

    /// Splits `text` into folded tokens, calling `emit` with each token's bytes, flags and scalar span.
    @inline(__always)
    static func scan(_ text: String,
                     emit: (_ bytes: [UInt8], _ flags: NormalizedText.Flags, _ span: Range<Int>) -> Void) -> Stats {
        var stats = Stats()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        var wordStart = 0
        var wordLetters = 0
        var wordUpper = 0
        var allDigits = true
        var elongated = false
        var runByte: UInt8 = 0
        var runLength = 0
        var clauseStart = true
        var pendingNumberSeparator = false
        var position = 0

        func flush(at end: Int) {
            guard !buffer.isEmpty else { return }
            var flags: NormalizedText.Flags = []
            if clauseStart { flags.insert(.clauseStart) }
            if elongated { flags.insert(.elongated) }
            if allDigits { flags.insert(.number) }
            if wordLetters >= 2 && wordUpper == wordLetters { flags.insert(.shouted) }
            emit(buffer, flags, wordStart..<end)
            buffer.removeAll(keepingCapacity: true)
            clauseStart = false
            wordLetters = 0
            wordUpper = 0
            allDigits = true
            elongated = false
            runLength = 0
            runByte = 0
        }

        func append(_ byte: UInt8, at index: Int, isLetter: Bool) {
            if buffer.isEmpty { wordStart = index }
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
            buffer.append(byte)
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            let index = position
            position += 1
            if pendingNumberSeparator {
                pendingNumberSeparator = false
                if value >= 48 && value <= 57 {
                    buffer.append(UInt8(value))
                    continue
                }
                flush(at: index - 1)
                clauseStart = true
            }
            if value < 128 {
                switch value {
                case 65...90:
                    stats.letters += 1
                    stats.uppercase += 1
                    wordLetters += 1
                    wordUpper += 1
                    append(UInt8(value + 32), at: index, isLetter: true)
                case 97...122:
                    stats.letters += 1
                    wordLetters += 1
                    append(UInt8(value), at: index, isLetter: true)
                case 48...57:
                    append(UInt8(value), at: index, isLetter: false)
                case 39, 96:
                    // Apostrophes are dropped so contractions join ("don't" → "dont").
                    continue
                case 44, 46:
                    if !buffer.isEmpty && allDigits {
                        pendingNumberSeparator = true
                    } else {
                        flush(at: index)
                        clauseStart = true
                    }
                case 63:
                    stats.questionMarks += 1
                    flush(at: index)
                    clauseStart = true
                case 33:
                    stats.exclamationMarks += 1
                    flush(at: index)
                    clauseStart = true
                case 59, 58, 40, 41, 10, 13:
                    flush(at: index)
                    clauseStart = true
                default:
                    flush(at: index)
                }
                continue
            }
            if value >= 0xC0 && value <= 0xFF {
                let folded = latin1Fold[Int(value - 0xC0)]
                if folded != UInt8(ascii: "*") {
                    stats.letters += 1
                    wordLetters += 1
                    if value < 0xDF {
                        stats.uppercase += 1
                        wordUpper += 1
                    }
                    if value == 0xDF {
                        append(UInt8(ascii: "s"), at: index, isLetter: true)
                    }
                    append(folded, at: index, isLetter: true)
                    continue
                }
                flush(at: index)
                continue
            }
            switch value {
            case 0x2019, 0x2018, 0x02BC:
                continue
            case 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF:
                // Variation selectors, joiners and skin tones belong to the emoji before them.
                continue
            case 0xBF, 0xA1, 0x2026:
                flush(at: index)
                clauseStart = true
                continue
            case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF:
                flush(at: index)
                var bytes: [UInt8] = []
                bytes.reserveCapacity(4)
                bytes.append(contentsOf: String(scalar).utf8)
                emit(bytes, clauseStart ? [.emoji, .clauseStart] : [.emoji], index..<(index + 1))
                clauseStart = false
                continue
            default:
                break
            }
            let properties = scalar.properties
            if properties.isAlphabetic {
                stats.letters += 1
                wordLetters += 1
                if properties.isUppercase {
                    stats.uppercase += 1
                    wordUpper += 1
                }
                if buffer.isEmpty { wordStart = index }
                allDigits = false
                buffer.append(contentsOf: properties.lowercaseMapping.utf8)
                runByte = 0
                runLength = 0
            } else {
                flush(at: index)
            }
        }
        if pendingNumberSeparator {
            flush(at: position - 1)
        } else {
            flush(at: position)
        }
        return stats
    }
}
