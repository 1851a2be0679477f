/// Detects a customer going round in circles: asking the same thing again in other words, or
/// complaining that the AI keeps repeating itself.
///
/// Two customer messages count as the same question when, after dropping function words and
/// numbers, the shorter one has at least three content words and 60 % of them (at least two)
/// appear in the other, or it has two and both come back in a question, and the AI answered in between (not with a question of its own, which
/// the customer is then answering). Only the last three earlier customer
/// messages are compared, which bounds the work on long conversations.
public struct RepeatedQuestion: Sendable {
    /// What was detected, for the trigger's reason.
    public enum Finding: Sendable, Equatable {
        /// The customer said the AI repeats itself; the matched words.
        case complaint(tokens: Range<Int>)
        /// Message `index` overlaps an earlier customer message `earlier` by `shared` content words.
        case overlap(earlier: Int, shared: Int)
    }

    /// Compiled once per process; held here so matching skips the global lookup.
    private let complaints: PhraseSet<Void> = Self.complaints
    /// How many earlier customer messages are compared, most recent first.
    static let lookBack = 3

    public init() {}

    /// Whether customer message `index` of `texts` repeats an earlier question or complains of repetition.
    public func detect(in conversation: Conversation, texts: [NormalizedText], at index: Int) -> Finding? {
        let text = texts[index]
        if let complaint = complaints.firstMatch(in: text) { return .complaint(tokens: complaint.range) }
        // Content words only once there is an earlier message to compare them with: most messages have none.
        var current: [Int]?
        var sawAIReply = false
        var compared = 0
        var earlier = index - 1
        while earlier >= 0 && compared < Self.lookBack {
            let role = conversation.messages[earlier].role
            if role == .ai {
                // The customer answering the AI's own question repeats its words on purpose:
                // "which jacket?" → "the blue jacket with the hood".
                if !sawAIReply && texts[earlier].questionMarks > 0 { return nil }
                sawAIReply = true
            } else if role == .customer && sawAIReply {
                compared += 1
                if current == nil { current = Self.contentWords(text) }
                guard let current, current.count >= 2 else { return nil }
                let previous = Self.contentWords(texts[earlier])
                let smaller = min(previous.count, current.count)
                if smaller >= 2 {
                    var shared = 0
                    for word in current where previous.contains(word) { shared += 1 }
                    // Two content words only count when both repeat in a question ("order status??").
                    let repeated = smaller >= 3 ? shared >= 2 && shared * 5 >= smaller * 3
                        : shared == 2 && texts[index].questionMarks > 0 && !Self.mentionsNewNumber(text, texts[earlier])
                    if repeated { return .overlap(earlier: earlier, shared: shared) }
                }
            }
            earlier -= 1
        }
        return nil
    }

    /// Content words of a message: not function words, not numbers, not emoji, at least three letters.
    /// Words are compared by lexicon id, or by their hash when the lexicon does not know them.
    static func contentWords(_ text: NormalizedText) -> [Int] {
        var result: [Int] = []
        for index in 0..<text.count {
            let token = text.tokens[index]
            if token.flags.contains(.number) || token.flags.contains(.emoji) || token.classes.contains(.stopword) {
                continue
            }
            let word = text.words[index]
            if word.utf8.count < 3 { continue }
            let key = token.id >= 0 ? Int(token.id) : Self.unknownWordKey(word)
            if !result.contains(key) { result.append(key) }
        }
        return result
    }

    /// Whether `text` has a number `earlier` does not: "order 5542 status?" after "order 5541 status?"
    /// is a new question.
    static func mentionsNewNumber(_ text: NormalizedText, _ earlier: NormalizedText) -> Bool {
        for index in 0..<text.count where text.tokens[index].flags.contains(.number) {
            let number = text.words[index]
            if !earlier.words.contains(number) { return true }
        }
        return false
    }

    /// A key for a word the lexicon does not know: FNV-1a of its bytes, kept clear of lexicon ids.
    static func unknownWordKey(_ word: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash | 1 << 40)
    }

    static let complaintPatterns: [(String, Void)] = [
        ("you|u|it|bot keep|keeps saying|repeating|telling|sending|giving|copying", ()),
        ("same thing|answer|reply|response|message|link|text|issue|problem|question again|over|every", ()),
        // Having to come back: "this is the 4th time I'm contacting you", "tercera vez que escribo".
        ("third|fourth|fifth|sixth|umpteenth|3rd|4th|5th|6th time im|ive|i|were|weve|that|contacting|writing|calling|asking|messaging|reaching|chatting", ()),
        ("segunda|tercera|cuarta|quinta|terceira|quarta vez que", ()),
        ("the same thing|answer|reply|response|message over and over", ()),
        ("keep|keeps getting|saying * same answer|thing|reply|response|message", ()),
        ("repeating|repeat yourself|itself", ()), ("stop repeating", ()),
        // "Stop giving me the same canned response".
        ("canned|scripted|generic response|responses|reply|replies|answer|answers", ()),
        ("going|go|goes|run|running|round in circles", ()), ("you already said|told|wrote that|this|me", ()),
        ("i already told|said|explained|answered|asked", ()), ("told you already", ()),
        ("are you|u even reading|listening", ()), ("you|u arent|dont|not|never reading|listening|read|listen", ()), ("you|u are not reading|listening", ()),
        ("ya te|le|lo dije|explique", ()), ("como ya te|le dije", ()),
        ("siempre lo|la mismo|misma", ()), ("otra vez lo|la mismo|misma", ()), ("la misma respuesta|cosa", ()), ("me repites|repite", ()),
        ("estas|sigues repitiendo", ()), ("ja disse|falei|expliquei", ()), ("a mesma resposta|coisa", ()),
        ("sempre a|o mesma|mesmo", ()), ("de novo a|o mesma|mesmo", ()), ("voce|vc repete|repetiu", ()), ("continua|fica repetindo", ()),
    ]

    static let complaints = PhraseSet(complaintPatterns)

    static let lexicon = LexiconSource(
        classes: [
            (.stopword, """
                the a an and or but if of to in on at for from by with about as into is are was were be been
                am do does did have has had i me my mine you your yours we our us it its this that these those
                there here what which who whom when where why how can could would should will shall may might
                must just also so too very please pls thanks thank hi hello hey ok okay yes yeah yep not no
                any some all again still now then than get got im ive id youre dont cant
                el la los las un una unos unas y o de del al en con por para que es son fue ser esta estoy
                mi mis tu tus su sus me te se lo le les ya si hola gracias como cuando donde
                o a os as um uma e de do da dos das em no na nos nas com por para que e sao foi ser esta estou
                meu minha seu sua voce vc ja sim ola obrigado obrigada
                """),
        ],
        phrases: complaintPatterns.map(\.0))
}
