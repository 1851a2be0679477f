/// Every word the engine knows, with its classes and sentiment valence, built once.
///
/// Tokens are resolved to a small integer id at normalisation time, so rules compare integers
/// and test bit masks instead of hashing strings again.
public final class Lexicon: Sendable {
    /// The lexicon built from every rule's `LexiconSource`.
    public static let shared = Lexicon(sources: [
        ExplicitRequestRule.lexicon, SentimentScorer.lexicon, PolicyTopicRule.lexicon, LowConfidenceRule.lexicon,
        BuyingIntentRule.lexicon, RepeatContactRule.lexicon, BotRequestRule.lexicon, RepeatedQuestion.lexicon,
        PolicyQuestion.lexicon,
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
    /// Each slot holds its word's first `Slot.inlineBytes` bytes, length and id, so a lookup reads one slot
    /// rather than a slot, an offset and the bytes one after the other (three cache misses when the model's
    /// weights have pushed the lexicon out of the cache).
    private let slots: [Slot]
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
        var slots = Array(repeating: Slot.empty, count: capacity)
        var wordBytes: [UInt8] = []
        var wordOffsets: [Int] = [0]
        for (id, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            wordBytes.append(contentsOf: bytes)
            wordOffsets.append(wordBytes.count)
            let entry = Slot(bytes, id: Int32(id))
            var slot = Int(truncatingIfNeeded: Self.hash(entry)) & (capacity - 1)
            while !slots[slot].isEmpty { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = entry
        }
        self.words = words
        self.entries = entries
        self.ids = ids
        self.typoBuckets = buckets
        self.slots = slots
        self.wordBytes = wordBytes
        self.wordOffsets = wordOffsets
    }

    /// A slot's hash, from its key (the word's first `Slot.inlineBytes` bytes and its length) alone: the key is
    /// built anyway, and two multiplications cost less than FNV-1a over every byte, one multiplication each.
    /// Longer words that share their first bytes and length share a hash; `restMatches` tells them apart.
    @inline(__always)
    static func hash(_ key: Slot) -> UInt64 {
        var hash = key.head &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash &>> 32) ^ (key.tail & Slot.keyMask)) &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash &>> 31)
    }

    /// The id of the word spelled by the first `count` bytes of `bytes`, if known.
    func id<Bytes: RandomAccessCollection>(bytes: Bytes, count: Int) -> Int32?
        where Bytes.Element == UInt8, Bytes.Index == Int {
        let key = Slot(bytes, count: count, id: 0)
        let hash = Self.hash(key)
        let keyTail = key.tail & Slot.keyMask
        // Every normalised token comes through here: read the tables without bounds checks (slots are in range by
        // the mask, and a slot's id has its offsets).
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count &- 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry.isEmpty { return nil }
                if entry.head == key.head && entry.tail & Slot.keyMask == keyTail {
                    let id = entry.id
                    // Words longer than the inline bytes compare the rest.
                    if count <= Slot.inlineBytes || restMatches(id: id, bytes, count: count) { return id }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Whether word `id`'s bytes past the inline ones are those of `bytes` (of the same length).
    private func restMatches<Bytes: RandomAccessCollection>(id: Int32, _ bytes: Bytes, count: Int) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = wordOffsets[Int(id)]
        guard wordOffsets[Int(id) + 1] - start == count else { return false }
        for index in Slot.inlineBytes..<count where wordBytes[start + index] != bytes[index] { return false }
        return true
    }

    /// A lexicon hash slot: bytes 0–7 of the word in `head`; bytes 8–11, the length and id + 1 in `tail`
    /// (zero for an empty slot). Bytes past the word are zero.
    struct Slot {
        static let inlineBytes = 12
        static let empty = Slot(head: 0, tail: 0)
        /// The bytes and length bits of `tail`.
        static let keyMask: UInt64 = 0xFF_FFFF_FFFF
        var head: UInt64
        var tail: UInt64

        init(head: UInt64, tail: UInt64) {
            self.head = head
            self.tail = tail
        }

        init<Bytes: RandomAccessCollection>(_ bytes: Bytes, count: Int? = nil, id: Int32)
            where Bytes.Element == UInt8, Bytes.Index == Int {
            let count = count ?? bytes.count
            var head: UInt64 = 0
            var tail: UInt64 = 0
            var index = 0
            while index < min(count, 8) {
                head |= UInt64(bytes[index]) &<< UInt64(index &* 8)
                index &+= 1
            }
            while index < min(count, Self.inlineBytes) {
                tail |= UInt64(bytes[index]) &<< UInt64((index &- 8) &* 8)
                index &+= 1
            }
            // Tokens are at most 64 bytes (`TextNormalizer.maxTokenBytes`); a longer count still gets its own bits.
            tail |= UInt64(min(count, 255)) &<< 32
            tail |= (UInt64(UInt32(bitPattern: id)) &+ 1) &<< 40
            self.head = head
            self.tail = tail
        }

        var isEmpty: Bool { tail == 0 }
        var id: Int32 { Int32(truncatingIfNeeded: (tail >> 40) &- 1) }
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
