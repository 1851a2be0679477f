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
        self.words = words
        self.entries = entries
        self.ids = ids
        self.typoBuckets = buckets
    }

    /// The id of a folded word, if known.
    public func id(of word: String) -> Int32? { ids[word] }

    /// Resolves a folded token to its id and canonical spelling.
    ///
    /// Tries, in order: the single-letter spelling of an elongated word (`heelp` → `help`), the
    /// word itself, its singular (`refunds` → `refund`), and a one-edit correction of a
    /// typo-tolerant word (`humna` → `human`). Unknown words keep their own spelling and id -1.
    func resolve(_ bytes: [UInt8], elongated: Bool) -> (Int32, String) {
        var single = bytes
        if elongated {
            single = Self.collapseDoubles(bytes)
            let singleWord = String(decoding: single, as: UTF8.self)
            if let id = ids[singleWord] { return (id, words[Int(id)]) }
        }
        let word = String(decoding: bytes, as: UTF8.self)
        if let id = ids[word] { return (id, words[Int(id)]) }
        if bytes.count >= 5 && bytes[bytes.count - 1] == UInt8(ascii: "s") {
            if let id = ids[String(decoding: bytes[0..<(bytes.count - 1)], as: UTF8.self)] {
                return (id, words[Int(id)])
            }
        }
        let candidate = elongated ? single : bytes
        if candidate.count >= 5 {
            for target in typoBuckets[Int(candidate[0])] where Self.withinOneEdit(candidate, target.bytes) {
                return (target.id, words[Int(target.id)])
            }
        }
        return (NormalizedText.Token.unknown, elongated ? String(decoding: single, as: UTF8.self) : word)
    }

    /// `hummman` → `human`: every doubled letter written once.
    static func collapseDoubles(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes where result.last != byte || (byte >= 48 && byte <= 57) { result.append(byte) }
        return result
    }

    /// Whether `a` and `b` differ by at most one substitution, insertion, deletion or swap of neighbours.
    static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
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
            return mismatches == 2 && first + 1 < countA && a[first] == b[first + 1] && a[first + 1] == b[first]
                && (first + 2 == countA || a[(first + 2)...] == b[(first + 2)...])
        }
        if abs(countA - countB) != 1 { return false }
        let (long, short) = countA > countB ? (a, b) : (b, a)
        var i = 0, j = 0
        var skipped = false
        while i < long.count && j < short.count {
            if long[i] == short[j] {
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
