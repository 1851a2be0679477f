/// A message reduced to lowercase, accent-free tokens, as every trigger rule sees it.
///
/// Built once per message by `TextNormalizer`; rules only read it. Tokens are letters and digits
/// (apostrophes inside words dropped, so "don't" is `dont`), and each emoji is a token of its own.
public struct NormalizedText: Sendable, Equatable {
    /// Canonical token text: accents stripped, elongations collapsed, known typos corrected.
    public let words: [String]
    /// Lexicon id and flags for each token, parallel to `words`.
    public let tokens: [Token]
    /// Letters in the original text, and how many of them were capitals.
    public let letterCount: Int
    public let uppercaseCount: Int
    public let questionMarks: Int
    public let exclamationMarks: Int
    /// Every class some token has: `contains(_:)` answers in constant time, so rules that ask it once per
    /// match stay linear in the length of the message.
    public let allClasses: WordClass

    public init(words: [String], tokens: [Token], letterCount: Int, uppercaseCount: Int,
                questionMarks: Int, exclamationMarks: Int) {
        self.words = words
        self.tokens = tokens
        var all: WordClass = []
        for token in tokens { all.formUnion(token.classes) }
        self.allClasses = all
        self.letterCount = letterCount
        self.uppercaseCount = uppercaseCount
        self.questionMarks = questionMarks
        self.exclamationMarks = exclamationMarks
    }

    /// One token's lexicon id (or `Token.unknown`), flags, and what the lexicon says about it,
    /// copied in so rules never go back to the lexicon.
    public struct Token: Sendable, Equatable {
        /// Not in the lexicon.
        public static let unknown: Int32 = -1
        public var id: Int32
        public var flags: Flags
        public var classes: WordClass
        public var valence: Float

        public init(id: Int32, flags: Flags, classes: WordClass = [], valence: Float = 0) {
            self.id = id
            self.flags = flags
            self.classes = classes
            self.valence = valence
        }
    }

    /// Facts about a token that do not depend on the lexicon.
    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// First token after a sentence or clause break (. , ; : ! ?) or at the start.
        public static let clauseStart = Flags(rawValue: 1)
        /// Written with a letter repeated three times or more ("sooo", "heeelp").
        public static let elongated = Flags(rawValue: 2)
        /// Only digits.
        public static let number = Flags(rawValue: 4)
        /// An emoji.
        public static let emoji = Flags(rawValue: 8)
        /// Written in capitals, two letters or more.
        public static let shouted = Flags(rawValue: 16)
    }

    public var count: Int { words.count }
    public var isEmpty: Bool { words.isEmpty }

    /// Tokens that are words or numbers (not emoji).
    public var wordCount: Int {
        var n = 0
        for token in tokens where !token.flags.contains(.emoji) { n += 1 }
        return n
    }

    /// The lexicon classes of token `index`.
    @inline(__always)
    public func classes(at index: Int) -> WordClass { tokens[index].classes }

    /// Whether token `index` has any of `classes`.
    @inline(__always)
    public func has(_ classes: WordClass, at index: Int) -> Bool {
        !self.classes(at: index).isDisjoint(with: classes)
    }

    /// Index of the first token with any of `classes`, searching `range`.
    public func firstIndex(of classes: WordClass, in range: Range<Int>? = nil) -> Int? {
        let range = range ?? 0..<count
        for index in range where has(classes, at: index) { return index }
        return nil
    }

    /// Whether some token has any of `classes`.
    @inline(__always)
    public func contains(_ classes: WordClass) -> Bool { !allClasses.isDisjoint(with: classes) }

    /// Whether a token with any of `classes` occurs in the `window` tokens before `index`, in the same clause.
    public func precededInClause(by classes: WordClass, at index: Int, window: Int) -> Bool {
        precededInClause(at: index, window: window) { has(classes, at: $0) }
    }

    /// Whether `test` holds for a token position in the `window` tokens before `index`, in the same clause.
    public func precededInClause(at index: Int, window: Int, where test: (Int) -> Bool) -> Bool {
        var position = index
        var steps = 0
        while position > 0 && steps < window {
            if tokens[position].flags.contains(.clauseStart) { return false }
            position -= 1
            steps += 1
            if test(position) { return true }
        }
        return false
    }

    /// Whether the message is written mostly in capitals (at least `minimumLetters` letters, 80 % upper).
    public func isShouting(minimumLetters: Int = 8) -> Bool {
        letterCount >= minimumLetters && uppercaseCount * 5 >= letterCount * 4
    }

    /// Whether the text has no word tokens, only punctuation or emoji.
    public var hasNoWords: Bool { wordCount == 0 }
}
