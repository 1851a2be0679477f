import Testing
@testable import BatonCore

@Suite("Token word set")
struct TokenWordSetTests {
    static let sets: [Set<String>] = [
        SentimentScorer.contrastWords, SentimentScorer.laughter,
        // Members the lexicon knows and members it does not, of several lengths.
        ["but", "zorblax", "kk", "mr", "difference", "refund", "x", "thisisaverylongmemberwordthatnolexiconholds"],
        [],
    ]

    static let texts = [
        "I love it but it broke", "but but BUT", "Buuut however, pero... porém porem", "lol this is the worst lmao",
        "hahaha jajaja kkkk kkk kk rsrs", "haaaahaha lool", "zorblax ZORBLAX zorblaxs zorblx", "refunds refund refnud",
        "Mr. Smith, the difference is clear", "x y z 123 1,000", "thisisaverylongmemberwordthatnolexiconholds!",
        "😂 but 😡", "ação não é bom mas pero", "ΚΑΛΗΜΕΡΑ but", "differences betwen", "", "butt buts butter",
    ]

    @Test("answers what a Set of the words answers for every token")
    func agreesWithSet() {
        for words in Self.sets {
            let set = TokenWordSet(words)
            for source in Self.texts {
                let text = TextNormalizer.normalize(source)
                for position in 0..<text.count {
                    #expect(set.contains(text, at: position) == words.contains(text.words[position]),
                            "\(text.words[position]) in \(source)")
                }
                #expect(set.containsAny(in: text) == text.words.contains(where: words.contains), "\(source)")
            }
        }
    }

    @Test("finds a member the lexicon knows by its corrected spelling")
    func correctedSpellings() {
        let set = TokenWordSet(SentimentScorer.contrastWords)
        let text = TextNormalizer.normalize("well buuut however")
        #expect(set.contains(text, at: 1) == SentimentScorer.contrastWords.contains(text.words[1]))
        #expect(set.contains(text, at: 2))
        #expect(!set.contains(text, at: 0))
    }
}
