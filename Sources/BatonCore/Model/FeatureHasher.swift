/// The escalation model's text features, version 2: the Swift side of `tools/train/FEATURES.md`.
///
/// Tokens: ASCII letters lower-cased, digits as `0`, Latin-1 and Latin Extended-A folded to ASCII,
/// combining accents, apostrophes, variation selectors, joiners and skin tones ignored, each emoji a
/// token, a hyphen between a word and a letter joins, runs of `?` or `!` one token, letters of other scripts kept as they are, anything else a
/// break; runs of three or more identical bytes squashed to two; words cut at 32 bytes, messages at
/// 128 tokens. Features: unigrams `u:t`, bigrams `b:a b` over `^ t1 … tn $`, character 3–5 grams
/// `c:g` of `<word>`, each hashed with 32-bit FNV-1a into `2^bits` rows; each distinct row valued 1 / √N,
/// N the number of distinct rows.
///
/// `tools/train/features.py` is the Python side; `FeatureAgreementTests` checks both against the
/// test vectors the Python side writes. Works on the UTF-8 bytes with stack buffers: no allocation
/// per message.
public struct FeatureHasher: Sendable {
    public static let version = 2
    /// The most feature occurrences a message can have: 128 unigrams, 129 bigrams and at most 99 character
    /// n-grams for each of 128 words of 32 bytes.
    public static let maxOccurrences = 128 + 129 + 128 * 99
    static let maxWordBytes = 32
    static let maxTokens = 128

    /// What a token is, as in FEATURES.md.
    public enum TokenKind: UInt8, Sendable {
        case word, emoji, mark
    }

    public let bits: Int

    public init(bits: Int) {
        self.bits = bits
    }

    // MARK: FNV-1a

    static let fnvOffset: UInt32 = 2_166_136_261
    static let fnvPrime: UInt32 = 16_777_619

    @inline(__always)
    static func fnv(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* fnvPrime }

    static func fnv(_ hash: UInt32, _ text: StaticString) -> UInt32 {
        var hash = hash
        text.withUTF8Buffer { for byte in $0 { hash = fnv(hash, byte) } }
        return hash
    }

    static let unigramSeed = fnv(fnvOffset, "u:")
    static let bigramSeed = fnv(fnvOffset, "b:")
    static let charSeed = fnv(fnvOffset, "c:")
    static let startByte = UInt8(ascii: "^")
    static let endByte = UInt8(ascii: "$")

    // MARK: Tokens

    /// A token's bytes are `bytes[start..<start + length]` of the scan buffer.
    struct Token {
        var start: Int
        var length: Int
        var kind: TokenKind
    }

    /// Latin-1 and Latin Extended-A, U+00C0 … U+017F: the ASCII folding, one to two bytes, 0 for none
    /// (a separator: × ÷). Packed as two bytes per scalar.
    static let latinFold: [UInt8] = {
        let table = """
            a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss \
            a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th y \
            a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g \
            g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l \
            l l l n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s \
            s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s
            """
        var packed: [UInt8] = []
        for entry in table.split(separator: " ") {
            let bytes = Array(entry.utf8)
            if entry == "_" {
                packed += [0, 0]
            } else {
                packed += [bytes[0], bytes.count > 1 ? bytes[1] : 0]
            }
        }
        precondition(packed.count == 2 * (0x180 - 0xC0), "Latin fold table has \(packed.count / 2) entries")
        return packed
    }()

    @inline(__always)
    static func isOtherScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x0180...0x024F, 0x0370...0x03FF, 0x0400...0x04FF, 0x0530...0x06FF, 0x0900...0x0DFF, 0x0E00...0x0E7F,
             0x1100...0x11FF, 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7AF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    @inline(__always)
    static func isEmoji(_ value: UInt32) -> Bool {
        (0x1F000...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value) || (0x2B00...0x2BFF).contains(value)
    }

    @inline(__always)
    static func isIgnored(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0xFE0E, 0xFE0F, 0x200D, 0x0300...0x036F, 0x1F3FB...0x1F3FF:
            return true
        default:
            return false
        }
    }

    /// Scans `text` into tokens and calls `body` with the token bytes and list.
    static func withTokens<R>(_ text: String,
                              _ body: (UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<Token>, Int) -> R) -> R {
        var text = text
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxTokens * (maxWordBytes + 4)) { bytes in
                withUnsafeTemporaryAllocation(of: Token.self, capacity: maxTokens + 1) { tokens in
                    var scanner = TokenScanner(bytes: bytes, tokens: tokens)
                    scanner.scan(utf8)
                    return body(bytes, tokens, scanner.count)
                }
            }
        }
    }

    /// Builds the token list of FEATURES.md §1 into caller-provided buffers.
    struct TokenScanner {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let tokens: UnsafeMutableBufferPointer<Token>
        var count = 0
        var used = 0
        var wordStart = 0
        var wordLength = 0

        init(bytes: UnsafeMutableBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Token>) {
            self.bytes = bytes
            self.tokens = tokens
        }

        var full: Bool { count >= FeatureHasher.maxTokens }

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            if full { return }
            if wordLength >= 2 && bytes[wordStart + wordLength - 1] == byte && bytes[wordStart + wordLength - 2] == byte {
                return
            }
            if wordLength < FeatureHasher.maxWordBytes {
                bytes[wordStart + wordLength] = byte
                wordLength += 1
            }
        }

        @inline(__always)
        mutating func flush() {
            guard wordLength > 0 else { return }
            if !full {
                tokens[count] = Token(start: wordStart, length: wordLength, kind: .word)
                count += 1
                used = wordStart + wordLength
            }
            wordStart = used
            wordLength = 0
        }

        mutating func emit(_ utf8: UnsafeBufferPointer<UInt8>, kind: TokenKind) {
            flush()
            guard !full else { return }
            if kind == .mark && count > 0 && tokens[count - 1].kind == .mark && tokens[count - 1].length == 1
                && bytes[tokens[count - 1].start] == utf8[0] {
                return
            }
            for (offset, byte) in utf8.enumerated() { bytes[used + offset] = byte }
            tokens[count] = Token(start: used, length: utf8.count, kind: kind)
            count += 1
            used += utf8.count
            wordStart = used
        }

        mutating func scan(_ utf8: UnsafeBufferPointer<UInt8>) {
            var index = 0
            let end = utf8.count
            while index < end && !full {
                let lead = utf8[index]
                if lead < 0x80 {
                    index += 1
                    switch lead {
                    case 65...90: add(lead + 32)
                    case 97...122: add(lead)
                    case 48...57: add(48)
                    case 39, 96: break
                    case 45 where wordLength > 0 && index < end && FeatureHasher.isASCIILetter(utf8[index]):
                        // A hyphen inside a word joins: e-mail, log-in, human-readable.
                        break
                    case 63, 33:
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { mark in
                            mark[0] = lead
                            emit(UnsafeBufferPointer(mark), kind: .mark)
                        }
                    default: flush()
                    }
                    continue
                }
                let start = index
                let (value, next) = UTF8Scalar.decode(utf8, at: start, end: end)
                index = next
                if value >= 0xC0 && value <= 0x17F {
                    let slot = Int(value - 0xC0) * 2
                    let first = FeatureHasher.latinFold[slot]
                    if first == 0 {
                        flush()
                    } else {
                        add(first)
                        let second = FeatureHasher.latinFold[slot + 1]
                        if second != 0 { add(second) }
                    }
                } else if FeatureHasher.isIgnored(value) {
                    continue
                } else if FeatureHasher.isEmoji(value) {
                    emit(UnsafeBufferPointer(rebasing: utf8[start..<index]), kind: .emoji)
                } else if FeatureHasher.isOtherScript(value) {
                    for position in start..<index { add(utf8[position]) }
                } else {
                    flush()
                }
            }
            flush()
        }
    }

    // MARK: Features

    /// Calls `body(row, group)` for every feature occurrence of `text`, in FEATURES.md order, and
    /// returns their number N. `group` is the token a unigram or character n-gram belongs to (0…n-1),
    /// or `n + i` for the bigram ending before token i (i = n: the bigram ending at `$`).
    @inline(__always)
    public func forEachFeature(of text: String, _ body: (Int, Int) -> Void) -> Int {
        Self.withTokens(text) { bytes, tokens, count in
            Self.features(bytes: bytes, tokens: tokens, count: count, mask: UInt32((1 << bits) - 1), body)
        }
    }

    @inline(__always)
    static func features(bytes: UnsafeMutableBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Token>, count: Int,
                         mask: UInt32, _ body: (Int, Int) -> Void) -> Int {
        withoutActuallyEscaping(body) { body in
            var sink = ClosureSink(body: body)
            return features(bytes: bytes, tokens: tokens, count: count, mask: mask, into: &sink)
        }
    }

    /// Hands every feature occurrence to `sink` as `features(…, body)` does to `body`. A sink is a type, not a
    /// closure, so this is specialised for it and the call inlined: the model's scoring called a closure
    /// through a context thunk once per n-gram.
    @inline(__always)
    static func features<Sink: FeatureSink>(bytes: UnsafeMutableBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Token>,
                                            count: Int, mask: UInt32, into sink: inout Sink) -> Int {
        @inline(__always) func body(_ row: Int, _ group: Int) { sink.feature(row: row, group: group) }
        var occurrences = 0
        // Unigrams.
        for index in 0..<count {
            var hash = unigramSeed
            let token = tokens[index]
            for offset in 0..<token.length { hash = fnv(hash, bytes[token.start + offset]) }
            body(Int(hash & mask), index)
        }
        occurrences += count
        // Bigrams over ^ t1 … tn $.
        for index in 0...count {
            var hash = bigramSeed
            if index == 0 {
                hash = fnv(hash, startByte)
            } else {
                let token = tokens[index - 1]
                for offset in 0..<token.length { hash = fnv(hash, bytes[token.start + offset]) }
            }
            hash = fnv(hash, 0x20)
            if index == count {
                hash = fnv(hash, endByte)
            } else {
                let token = tokens[index]
                for offset in 0..<token.length { hash = fnv(hash, bytes[token.start + offset]) }
            }
            body(Int(hash & mask), count + index)
        }
        occurrences += count + 1
        // Character 3–5 grams of <word>.
        for index in 0..<count where tokens[index].kind == .word {
            let token = tokens[index]
            let padded = token.length + 2
            @inline(__always) func byte(_ position: Int) -> UInt8 {
                position == 0 ? 0x3C : (position == padded - 1 ? 0x3E : bytes[token.start + position - 1])
            }
            for start in 0..<max(0, padded - 2) {
                var hash = charSeed
                hash = fnv(hash, byte(start))
                hash = fnv(hash, byte(start + 1))
                hash = fnv(hash, byte(start + 2))
                body(Int(hash & mask), index)
                occurrences += 1
                guard start + 3 < padded else { continue }
                hash = fnv(hash, byte(start + 3))
                body(Int(hash & mask), index)
                occurrences += 1
                guard start + 4 < padded else { continue }
                hash = fnv(hash, byte(start + 4))
                body(Int(hash & mask), index)
                occurrences += 1
            }
        }
        return occurrences
    }

    /// How many feature occurrences `features` hands out for these tokens (the number it returns): one unigram
    /// and one bigram per token, one more bigram, and L + (L - 1) + (L - 2) character n-grams of a word of L bytes.
    static func occurrences(tokens: UnsafeMutableBufferPointer<Token>, count: Int) -> Int {
        var total = 2 &* count &+ 1
        for index in 0..<count where tokens[index].kind == .word {
            let length = tokens[index].length
            total &+= length &+ max(0, length &- 1) &+ max(0, length &- 2)
        }
        return total
    }

    /// The number of feature occurrences of `text` (what `forEachFeature` returns), from its tokens alone.
    public static func occurrences(of text: String) -> Int {
        withTokens(text) { _, tokens, count in occurrences(tokens: tokens, count: count) }
    }

    /// A closure as a `FeatureSink`.
    struct ClosureSink: FeatureSink {
        let body: (Int, Int) -> Void
        @inline(__always)
        func feature(row: Int, group: Int) { body(row, group) }
    }

    /// Every feature row of `text`, with repeats, sorted: what the test vectors list.
    public func indices(of text: String) -> [Int] {
        var result: [Int] = []
        _ = forEachFeature(of: text) { row, _ in result.append(row) }
        return result.sorted()
    }

    /// The tokens of `text` as bytes, with their kinds.
    public static func tokens(of text: String) -> [(bytes: [UInt8], kind: TokenKind)] {
        withTokens(text) { bytes, tokens, count in
            (0..<count).map { index in
                let token = tokens[index]
                return (Array(bytes[token.start..<(token.start + token.length)]), token.kind)
            }
        }
    }
}

/// What `FeatureHasher.features` hands each feature occurrence to: its row and its group (see `forEachFeature`).
protocol FeatureSink {
    mutating func feature(row: Int, group: Int)
}
