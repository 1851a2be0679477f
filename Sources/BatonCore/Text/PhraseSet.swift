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
    /// One compiled pattern element, stored flat so matching touches no nested arrays.
    struct Element: Sendable {
        /// Gap length for a gap element; -1 for a token element.
        var gap: Int
        var optional: Bool
        var classes: WordClass
        /// This element's word ids are `ids[idRange]`, its unknown words `texts[textRange]`.
        var idRange: Range<Int>
        var textRange: Range<Int>
        /// Bit `id & 63` set for each of this element's word ids: a token whose bit is clear is none of them,
        /// without scanning `idRange` (alternatives lists run to a dozen words).
        var idBloom: UInt64 = 0

        /// Whether lexicon id `id` may be one of this element's words (false: certainly not).
        @inline(__always)
        func mayHave(_ id: Int32) -> Bool { idBloom & (1 &<< UInt64(UInt32(bitPattern: id) & 63)) != 0 }
    }

    /// What `match` reads of a pattern's first element to skip it (see `otherStartHeads`).
    struct Head: Sendable {
        var pattern: Int32
        var classes: WordClass
        var idBloom: UInt64
        var hasText: Bool
    }

    /// A pattern that matched, with the token range it covers.
    public struct Match: Sendable {
        public var payload: Payload
        public var source: String
        public var range: Range<Int>
        /// Index of the pattern in declaration order.
        public var pattern: Int
    }

    private let elements: [Element]
    private let ids: [Int32]
    private let texts: [String]
    /// Pattern `p`'s elements are `elements[patternBounds[p]..<patternBounds[p + 1]]`.
    private let patternBounds: [Int]
    private let payloads: [Payload]
    private let sources: [String]
    /// Patterns starting with lexicon word `id` are `firstWordPatterns[firstWordBounds[id]..<firstWordBounds[id + 1]]`.
    private let firstWordBounds: [Int32]
    private let firstWordPatterns: [Int32]
    /// Patterns that start with a class or with a word the lexicon does not know (config phrases).
    private let otherStarts: [Int]
    /// The first element of each of `otherStarts`, to skip a pattern whose first token cannot match: only
    /// what that test reads, 32 bytes a pattern rather than the whole element's 64.
    private let otherStartHeads: [Head]
    /// Union of the classes that start `otherStarts`, to skip them quickly.
    private let otherStartClasses: WordClass
    /// Whether some of `otherStarts` begins with a word the lexicon does not know (compared as text).
    private let otherStartsNeedText: Bool
    /// The `Element.idBloom` of `otherStarts`' first elements together: a known token whose bit is clear,
    /// and that has none of `otherStartClasses`, starts none of them.
    private let otherStartBloom: UInt64

    /// Class names usable as `@name` in patterns.
    public static var classNames: [String: WordClass] {
        [
            "negator": .negator, "intensifier": .intensifier, "human": .humanStrong, "someone": .humanWeak,
            "want": .wantVerb, "contact": .contactVerb, "please": .politeness, "help": .helpWord,
            "call": .callVerb, "charge": .chargeWord, "dispute": .disputeMark, "refund": .refundWord,
            "legal": .legalWord, "data": .personalData, "delete": .deleteVerb, "privacylaw": .privacyLaw,
            "medical": .medicalWord, "security": .securityWord, "lock": .lockWord, "account": .accountWord,
            "cancel": .cancelVerb, "subscription": .subscriptionNoun, "login": .loginWord,
            "card": .paymentInstrument, "stolen": .stolenWord, "unit": .unitNoun, "pricing": .buyPricing,
            "scale": .buyScale, "transfer": .transferVerb, "specialist": .specialistNoun,
            "machine": .machineWord, "complaint": .complaintWord,
            "received": .receivedVerb, "thanks": .thanksWord, "vehicle": .vehicleWord, "food": .foodWord,
        ]
    }

    /// Compiles `entries` against `lexicon`; literal words it does not know are compared as text.
    public init(_ entries: [(String, Payload)], lexicon: Lexicon = .shared) {
        var elements: [Element] = []
        var ids: [Int32] = []
        var texts: [String] = []
        var patternBounds: [Int] = [0]
        var byFirstWord: [Int32: [Int32]] = [:]
        var otherStarts: [Int] = []
        var otherStartClasses: WordClass = []
        var otherStartsNeedText = false
        var otherStartBloom: UInt64 = 0
        let names = Self.classNames
        for (source, _) in entries {
            let first = elements.count
            for part in source.split(separator: " ") {
                if part == "*" || part == "**" {
                    elements.append(Element(gap: part == "*" ? 3 : 6, optional: false, classes: [],
                                            idRange: 0..<0, textRange: 0..<0))
                    continue
                }
                let idStart = ids.count, textStart = texts.count
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
                var element = Element(gap: -1, optional: optional, classes: classes, idRange: idStart..<ids.count,
                                      textRange: textStart..<texts.count)
                for id in ids[idStart...] { element.idBloom |= 1 &<< UInt64(UInt32(bitPattern: id) & 63) }
                elements.append(element)
            }
            let index = patternBounds.count - 1
            guard first < elements.count, elements[first].gap < 0, !elements[first].optional else {
                preconditionFailure("phrase \"\(source)\" must start with a word or a class")
            }
            let head = elements[first]
            if head.classes.isEmpty && head.textRange.isEmpty {
                for id in ids[head.idRange] { byFirstWord[id, default: []].append(Int32(index)) }
            } else {
                otherStarts.append(index)
                otherStartClasses.formUnion(head.classes)
                if !head.textRange.isEmpty { otherStartsNeedText = true }
                otherStartBloom |= head.idBloom
            }
            patternBounds.append(elements.count)
        }
        var firstWordBounds: [Int32] = [0]
        var firstWordPatterns: [Int32] = []
        for id in 0..<Int32(lexicon.words.count) {
            firstWordPatterns.append(contentsOf: byFirstWord[id] ?? [])
            firstWordBounds.append(Int32(firstWordPatterns.count))
        }
        self.elements = elements
        self.ids = ids
        self.texts = texts
        self.patternBounds = patternBounds
        self.payloads = entries.map(\.1)
        self.sources = entries.map(\.0)
        self.firstWordBounds = firstWordBounds
        self.firstWordPatterns = firstWordPatterns
        self.otherStarts = otherStarts
        self.otherStartHeads = otherStarts.map { pattern in
            let head = elements[patternBounds[pattern]]
            return Head(pattern: Int32(pattern), classes: head.classes, idBloom: head.idBloom, hasText: !head.textRange.isEmpty)
        }
        self.otherStartClasses = otherStartClasses
        self.otherStartsNeedText = otherStartsNeedText
        self.otherStartBloom = otherStartBloom
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

    public var isEmpty: Bool { payloads.isEmpty }

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

    /// The first pattern (in declaration order) that matches starting exactly at token `position`; with
    /// `after`, the first one declared after that pattern, for a caller that turned down a match.
    public func match(in text: NormalizedText, at position: Int, after: Int = -1) -> Match? {
        let token = text.tokens[position]
        var best = Int.max
        var bestEnd = 0
        let id = Int(token.id)
        if id >= 0 && id + 1 < firstWordBounds.count {
            var candidate = Int(firstWordBounds[id])
            let last = Int(firstWordBounds[id + 1])
            while candidate < last {
                let pattern = Int(firstWordPatterns[candidate])
                if pattern > after, let end = matchEnd(patternBounds[pattern] + 1, patternBounds[pattern + 1], text, position + 1) {
                    best = pattern
                    bestEnd = end
                    break
                }
                candidate += 1
            }
        }
        if !otherStarts.isEmpty
            && (otherStartsNeedText || !token.classes.isDisjoint(with: otherStartClasses)
                || (token.id >= 0 && otherStartBloom & (1 &<< UInt64(UInt32(bitPattern: token.id) & 63)) != 0)) {
            // The token's bloom bit, none for a token the lexicon does not know (as `Element.mayHave` is not asked).
            let idBit: UInt64 = token.id >= 0 ? 1 &<< UInt64(UInt32(bitPattern: token.id) & 63) : 0
            for head in otherStartHeads {
                let pattern = Int(head.pattern)
                if pattern >= best { break }
                if pattern <= after { continue }
                // The first element is a word or class (never optional): a token it rejects matches nothing.
                if head.classes.isDisjoint(with: token.classes) && !head.hasText && head.idBloom & idBit == 0 {
                    continue
                }
                if let end = matchEnd(patternBounds[pattern], patternBounds[pattern + 1], text, position) {
                    best = pattern
                    bestEnd = end
                    break
                }
            }
        }
        guard best != Int.max else { return nil }
        return Match(payload: payloads[best], source: sources[best], range: position..<bestEnd, pattern: best)
    }

    /// Where elements `element..<last` end when matched from token `position`, if they match.
    private func matchEnd(_ element: Int, _ last: Int, _ text: NormalizedText, _ position: Int) -> Int? {
        if element == last { return position }
        let current = elements[element]
        if current.gap >= 0 {
            var skip = 0
            while skip <= current.gap && position + skip <= text.count {
                if skip > 0 && position + skip < text.count
                    && text.tokens[position + skip].flags.contains(.clauseStart) {
                    break
                }
                if let end = matchEnd(element + 1, last, text, position + skip) { return end }
                skip += 1
            }
            return nil
        }
        if position < text.count && accepts(current, text, position),
           let end = matchEnd(element + 1, last, text, position + 1) {
            return end
        }
        return current.optional ? matchEnd(element + 1, last, text, position) : nil
    }

    @inline(__always)
    private func accepts(_ element: Element, _ text: NormalizedText, _ position: Int) -> Bool {
        let token = text.tokens[position]
        if !element.classes.isEmpty && !token.classes.isDisjoint(with: element.classes) { return true }
        if token.id >= 0 && element.mayHave(token.id) {
            for index in element.idRange where ids[index] == token.id { return true }
        }
        if !element.textRange.isEmpty {
            let word = text.words[position]
            for index in element.textRange where texts[index] == word { return true }
        }
        return false
    }
}
