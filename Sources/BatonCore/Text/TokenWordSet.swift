/// A fixed set of normalised words, asked whether a token of a `NormalizedText` is one of them.
///
/// Answers what `Set<String>.contains(text.words[position])` answers, without hashing the word: a token
/// the lexicon knows carries the lexicon's own spelling of it (`TextNormalizer.normalize`), so it is a
/// member exactly when its id is one of the members' ids; a token the lexicon does not know can only be
/// a member the lexicon does not know either, compared as text (usually there is none).
public struct TokenWordSet: Sendable {
    /// Lexicon ids of the members the lexicon knows.
    private let ids: [Int32]
    /// The members the lexicon does not know.
    private let outside: [String]
    /// Bit `n` set when some member in `outside` is `n` bytes long (63 for longer ones).
    private let outsideLengths: UInt64

    /// The set of `words` (already normalised), for texts normalised with `lexicon` (the shared one).
    public init(_ words: Set<String>, lexicon: Lexicon = .shared) {
        var ids: [Int32] = []
        var outside: [String] = []
        var lengths: UInt64 = 0
        for word in words.sorted() {
            if let id = lexicon.id(of: word) {
                ids.append(id)
            } else {
                outside.append(word)
                lengths |= 1 &<< UInt64(min(word.utf8.count, 63))
            }
        }
        self.ids = ids
        self.outside = outside
        outsideLengths = lengths
    }

    /// Whether token `position` of `text` is one of the words.
    @inline(__always)
    public func contains(_ text: NormalizedText, at position: Int) -> Bool {
        let id = text.tokens[position].id
        if id >= 0 { return ids.contains(id) }
        return outsideLengths != 0 && containsOutside(text.words[position])
    }

    /// Whether some token of `text` is one of the words.
    public func containsAny(in text: NormalizedText) -> Bool {
        for position in 0..<text.count where contains(text, at: position) { return true }
        return false
    }

    private func containsOutside(_ word: String) -> Bool {
        guard outsideLengths & (1 &<< UInt64(min(word.utf8.count, 63))) != 0 else { return false }
        return outside.contains(word)
    }
}
