/// Every word the engine knows, with its classes and sentiment valence, built once.
///
/// Tokens are resolved to a small integer id at normalisation time, so rules compare integers
/// and test bit masks instead of hashing strings again.
public final class Lexicon: Sendable {
    /// The lexicon built from every rule's `LexiconSource`.
    public static let shared = Lexicon(sources: [
        ExplicitRequestRule.lexicon, SentimentScorer.lexicon, PolicyTopicRule.lexicon, LowConfidenceRule.lexicon,
        BuyingIntentRule.lexicon, RepeatContactRule.lexicon, BotRequestRule.lexicon, RepeatedQuestion.lexicon,
    ])

    /// What the lexicon knows about one word.
    public struct Entry: Sendable {
        public var classes: WordClass
        public var valence: Float
    }

    /// Canonical spelling per id.
    public let words: [String]
    public let entries: [Entry]
    private let ids: [String: Int32]
    /// Open-addressing hash table over the words' UTF-8 bytes (FNV-1a), so normalisation can look
    /// a token up without building a String or running the standard hasher: slot → id, or -1.
    private let slots: [Int32]
    private let wordBytes: [UInt8]
    /// Word `id`'s bytes are `wordBytes[wordOffsets[id]..<wordOffsets[id + 1]]`.
    private let wordOffsets: [Int]
    /// Typo-tolerant words by first byte, for one-edit corrections.
    private let typoBuckets: [[(bytes: [UInt8], id: Int32)]]

    public init(sources: [LexiconSource]) {
        var words: [String] = []
        var entries: [Entry] = []
        var ids: [String: Int32] = [:]
        func id(of word: String) -> Int {
            if let existing = ids[word] { return Int(existing) }
            ids[word] = Int32(words.count)
            words.append(word)
            entries.append(Entry(classes: [], valence: 0))
            return words.count - 1
        }
        for source in sources {
            for (classes, list) in source.classes {
                for word in TextNormalizer.fold(list) { entries[id(of: word)].classes.formUnion(classes) }
            }
            for (valence, list) in source.valences {
                for word in TextNormalizer.fold(list) { entries[id(of: word)].valence = valence }
            }
            for phrase in source.phrases {
                for word in PhraseSet<Void>.literals(in: phrase) { _ = id(of: word) }
            }
        }
        var buckets = Array(repeating: [(bytes: [UInt8], id: Int32)](), count: 256)
        for source in sources {
            for word in TextNormalizer.fold(source.typoTolerant) where word.utf8.count >= 5 {
                let bytes = Array(word.utf8)
                buckets[Int(bytes[0])].append((bytes, Int32(id(of: word))))
            }
        }
        var capacity = 16
        while capacity < words.count * 3 { capacity *= 2 }
        var slots = Array(repeating: Int32(-1), count: capacity)
        var wordBytes: [UInt8] = []
        var wordOffsets: [Int] = [0]
        for (id, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            wordBytes.append(contentsOf: bytes)
            wordOffsets.append(wordBytes.count)
            var slot = Int(Self.hash(bytes, count: bytes.count) & UInt64(capacity - 1))
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(id)
        }
        self.words = words
        self.entries = entries
        self.ids = ids
        self.typoBuckets = buckets
        self.slots = slots
        self.wordBytes = wordBytes
        self.wordOffsets = wordOffsets
    }

    /// FNV-1a over the first `count` bytes.
    @inline(__always)
    static func hash<Bytes: RandomAccessCollection>(_ bytes: Bytes, count: Int) -> UInt64
        where Bytes.Element == UInt8, Bytes.Index == Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The id of the word spelled by the first `count` bytes of `bytes`, if known.
    func id<Bytes: RandomAccessCollection>(bytes: Bytes, count: Int) -> Int32?
        where Bytes.Element == UInt8, Bytes.Index == Int {
        let mask = slots.count - 1
        var slot = Int(Self.hash(bytes, count: count) & UInt64(mask))
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            let start = wordOffsets[Int(id)], end = wordOffsets[Int(id) + 1]
            if end - start == count {
                var equal = true
                var index = 0
                while index < count {
                    if wordBytes[start + index] != bytes[index] {
                        equal = false
                        break
                    }
                    index += 1
                }
                if equal { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of a folded word, if known.
    public func id(of word: String) -> Int32? { ids[word] }

    /// Resolves a folded token to its id and canonical spelling.
    ///
    /// Tries, in order: the single-letter spelling of an elongated word (`heelp` → `help`), the
    /// word itself, its singular (`refunds` → `refund`), and a one-edit correction of a
    /// typo-tolerant word (`humna` → `human`). Unknown words keep their own spelling and id -1.
    func resolve(_ bytes: UnsafeBufferPointer<UInt8>, elongated: Bool) -> (Int32, String) {
        if elongated {
            let single = Self.collapseDoubles(bytes)
            if let id = id(bytes: single, count: single.count) { return (id, words[Int(id)]) }
            if let id = id(bytes: bytes, count: bytes.count) { return (id, words[Int(id)]) }
            if single.count >= 5 {
                for target in typoBuckets[Int(single[0])] where Self.withinOneEdit(single, target.bytes) {
                    return (target.id, words[Int(target.id)])
                }
            }
            return (NormalizedText.Token.unknown, String(decoding: single, as: UTF8.self))
        }
        if let id = id(bytes: bytes, count: bytes.count) { return (id, words[Int(id)]) }
        if bytes.count >= 5 && bytes[bytes.count - 1] == UInt8(ascii: "s"),
           let id = id(bytes: bytes, count: bytes.count - 1) {
            return (id, words[Int(id)])
        }
        if bytes.count >= 5 {
            for target in typoBuckets[Int(bytes[0])] where Self.withinOneEdit(bytes, target.bytes) {
                return (target.id, words[Int(target.id)])
            }
        }
        return (NormalizedText.Token.unknown, String(decoding: bytes, as: UTF8.self))
    }

    /// `hummman` → `human`: every doubled letter written once.
    static func collapseDoubles(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes where result.last != byte || (byte >= 48 && byte <= 57) { result.append(byte) }
        return result
    }

    /// Whether `a` and `b` differ by at most one substitution, insertion, deletion or swap of neighbours.
    static func withinOneEdit<A: RandomAccessCollection>(_ a: A, _ b: [UInt8]) -> Bool
        where A.Element == UInt8, A.Index == Int {
        let countA = a.count, countB = b.count
        if countA == countB {
            var first = -1
            var mismatches = 0
            for index in 0..<countA where a[index] != b[index] {
                mismatches += 1
                if mismatches == 1 { first = index } else if mismatches > 2 { return false }
            }
            if mismatches <= 1 { return true }
            // Two mismatches are fine only as a swap of neighbours: "humna" / "human".
            // Exactly two mismatches, and they are these two neighbours, so the rest is equal.
            return mismatches == 2 && first + 1 < countA && a[first] == b[first + 1] && a[first + 1] == b[first]
        }
        if abs(countA - countB) != 1 { return false }
        // Walk the longer one, allowing a single skipped byte.
        let aLonger = countA > countB
        let longCount = max(countA, countB), shortCount = min(countA, countB)
        var i = 0, j = 0
        var skipped = false
        while i < longCount && j < shortCount {
            let x = aLonger ? a[i] : b[i]
            let y = aLonger ? b[j] : a[j]
            if x == y {
                i += 1
                j += 1
            } else {
                if skipped { return false }
                skipped = true
                i += 1
            }
        }
        return true
    }
}
