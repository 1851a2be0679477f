/// A set of token patterns matched against `NormalizedText`, each carrying a payload.
///
/// Pattern syntax, one pattern per string, elements separated by spaces:
/// - `word` or `a|b|c`: one token that is one of these words (written naturally, folded at build);
/// - `a|b|_`: the same, but the token may be absent;
/// - `@class`: one token of a `WordClass` (names in `PhraseSet.classNames`); classes and words
///   mix freely in alternatives (`@card|wallet`);
/// - `*`: up to three tokens of anything, `**` up to six, never across a sentence break.
/// Patterns must start with a word or class element. Matching is by lexicon id, so it inherits
/// the normaliser's tolerance for accents, elongations and typos.
public struct PhraseSet<Payload: Sendable>: Sendable {
    /// One compiled pattern element.
    enum Element: Sendable {
        /// One token: one of these words or of these classes; may be skipped when optional.
        case token(ids: [Int32], texts: [String], classes: WordClass, optional: Bool)
        case gap(Int)
    }

    /// A pattern that matched, with the token range it covers.
    public struct Match: Sendable {
        public var payload: Payload
        public var source: String
        public var range: Range<Int>
    }

    private let patterns: [[Element]]
    private let payloads: [Payload]
    private let sources: [String]
    /// Patterns by the lexicon id of their first word.
    private let byFirstWord: [Int32: [Int]]
    /// Quick rejection: `startsPattern[id]` is true when some pattern starts with word `id`.
    private let startsPattern: [Bool]
    /// Patterns that start with a class, or with a word the lexicon does not know (config phrases).
    private let otherStarts: [Int]

    /// Class names usable as `@name` in patterns.
    public static var classNames: [String: WordClass] {
        [
            "negator": .negator, "intensifier": .intensifier, "human": .humanStrong, "someone": .humanWeak,
            "want": .wantVerb, "contact": .contactVerb, "please": .politeness, "help": .helpWord, "bot": .botWord,
            "call": .callVerb, "charge": .chargeWord, "dispute": .disputeMark, "refund": .refundWord,
            "legal": .legalWord, "data": .personalData, "delete": .deleteVerb, "privacylaw": .privacyLaw,
            "medical": .medicalWord, "security": .securityWord, "lock": .lockWord, "account": .accountWord,
            "cancel": .cancelVerb, "subscription": .subscriptionNoun, "login": .loginWord,
            "card": .paymentInstrument, "stolen": .stolenWord, "unit": .unitNoun, "pricing": .buyPricing,
            "scale": .buyScale, "again": .againWord, "transfer": .transferVerb, "specialist": .specialistNoun,
            "i": .firstPerson, "dependent": .dependent, "useless": .uselessWord, "you": .addressee,
        ]
    }

    /// Compiles `entries` against `lexicon`; literal words it does not know are compared as text.
    public init(_ entries: [(String, Payload)], lexicon: Lexicon = .shared) {
        var patterns: [[Element]] = []
        var byFirstWord: [Int32: [Int]] = [:]
        var otherStarts: [Int] = []
        let names = Self.classNames
        for (source, _) in entries {
            var elements: [Element] = []
            for part in source.split(separator: " ") {
                if part == "*" {
                    elements.append(.gap(3))
                } else if part == "**" {
                    elements.append(.gap(6))
                } else {
                    var ids: [Int32] = []
                    var texts: [String] = []
                    var classes: WordClass = []
                    var optional = false
                    for alternative in part.split(separator: "|") {
                        if alternative == "_" {
                            optional = true
                        } else if alternative.hasPrefix("@") {
                            guard let named = names[String(alternative.dropFirst())] else {
                                preconditionFailure("unknown word class \(alternative) in phrase \"\(source)\"")
                            }
                            classes.formUnion(named)
                        } else {
                            for word in TextNormalizer.fold(String(alternative)) {
                                if let id = lexicon.id(of: word) { ids.append(id) } else { texts.append(word) }
                            }
                        }
                    }
                    elements.append(.token(ids: ids, texts: texts, classes: classes, optional: optional))
                }
            }
            let index = patterns.count
            switch elements.first {
            case .token(let ids, let texts, let classes, false)? where texts.isEmpty && classes.isEmpty:
                for id in ids { byFirstWord[id, default: []].append(index) }
            case .token(_, _, _, false)?:
                otherStarts.append(index)
            default:
                preconditionFailure("phrase \"\(source)\" must start with a word or a class")
            }
            patterns.append(elements)
        }
        var startsPattern = Array(repeating: false, count: lexicon.words.count)
        for id in byFirstWord.keys { startsPattern[Int(id)] = true }
        self.patterns = patterns
        self.payloads = entries.map(\.1)
        self.sources = entries.map(\.0)
        self.byFirstWord = byFirstWord
        self.startsPattern = startsPattern
        self.otherStarts = otherStarts
    }

    /// The literal words of a pattern, folded: what the lexicon must know for it to compile to ids.
    public static func literals(in pattern: String) -> [String] {
        var result: [String] = []
        for part in pattern.split(separator: " ") where !part.hasPrefix("*") {
            for alternative in part.split(separator: "|") where alternative != "_" && !alternative.hasPrefix("@") {
                result.append(contentsOf: TextNormalizer.fold(String(alternative)))
            }
        }
        return result
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The first match, scanning tokens from `start`.
    public func firstMatch(in text: NormalizedText, from start: Int = 0) -> Match? {
        var position = start
        while position < text.count {
            if let match = match(in: text, at: position) { return match }
            position += 1
        }
        return nil
    }

    /// Every match, left to right, not overlapping.
    public func allMatches(in text: NormalizedText) -> [Match] {
        var result: [Match] = []
        var position = 0
        while position < text.count {
            if let match = match(in: text, at: position) {
                result.append(match)
                position = max(match.range.upperBound, position + 1)
            } else {
                position += 1
            }
        }
        return result
    }

    /// The first pattern (in declaration order) that matches starting exactly at token `position`.
    public func match(in text: NormalizedText, at position: Int) -> Match? {
        let id = text.tokens[position].id
        var best: Int?
        if id >= 0 && Int(id) < startsPattern.count && startsPattern[Int(id)], let candidates = byFirstWord[id] {
            for pattern in candidates where matchEnd(patterns[pattern], 0, text, position) != nil {
                best = pattern
                break
            }
        }
        for pattern in otherStarts where best == nil || pattern < best! {
            if matchEnd(patterns[pattern], 0, text, position) != nil {
                best = pattern
                break
            }
        }
        guard let found = best, let end = matchEnd(patterns[found], 0, text, position) else { return nil }
        return Match(payload: payloads[found], source: sources[found], range: position..<end)
    }

    /// Where pattern `elements` from element `element` ends when matched at token `position`.
    private func matchEnd(_ elements: [Element], _ element: Int, _ text: NormalizedText, _ position: Int) -> Int? {
        if element == elements.count { return position }
        switch elements[element] {
        case .gap(let limit):
            var skip = 0
            while skip <= limit && position + skip <= text.count {
                if skip > 0 && position + skip < text.count
                    && text.tokens[position + skip].flags.contains(.clauseStart) {
                    break
                }
                if let end = matchEnd(elements, element + 1, text, position + skip) { return end }
                skip += 1
            }
            return nil
        case .token(let ids, let texts, let classes, let optional):
            if position < text.count {
                let id = text.tokens[position].id
                if (id >= 0 && ids.contains(id)) || (!classes.isEmpty && text.has(classes, at: position))
                    || (!texts.isEmpty && texts.contains(text.words[position])) {
                    if let end = matchEnd(elements, element + 1, text, position + 1) { return end }
                }
            }
            return optional ? matchEnd(elements, element + 1, text, position) : nil
        }
    }
}
