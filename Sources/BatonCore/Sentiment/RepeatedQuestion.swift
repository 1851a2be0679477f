/// Detects a customer going round in circles: asking the same thing again in other words, or
/// complaining that the AI keeps repeating itself.
///
/// Two customer messages count as the same question when, after dropping function words and
/// numbers, the shorter one has at least three content words and 60 % of them (at least two)
/// appear in the other, and the AI answered in between.
public struct RepeatedQuestion: Sendable {
    /// What was detected, for the trigger's reason.
    public enum Finding: Sendable, Equatable {
        /// The customer said the AI repeats itself; the matched words.
        case complaint(tokens: Range<Int>)
        /// Message `index` overlaps an earlier customer message `earlier` by `shared` content words.
        case overlap(earlier: Int, shared: Int)
    }

    public init() {}

    /// Whether customer message `index` of `texts` repeats an earlier question or complains of repetition.
    public func detect(in conversation: Conversation, texts: [NormalizedText], at index: Int) -> Finding? {
        let text = texts[index]
        if let complaint = Self.complaints.firstMatch(in: text) { return .complaint(tokens: complaint.range) }
        let current = Self.contentWords(text)
        guard current.count >= 3 else { return nil }
        var sawAIReply = false
        var earlier = index - 1
        while earlier >= 0 {
            let message = conversation.messages[earlier]
            if message.role == .ai {
                sawAIReply = true
            } else if message.role == .customer && sawAIReply {
                let previous = Self.contentWords(texts[earlier])
                let smaller = min(previous.count, current.count)
                if smaller >= 3 {
                    var shared = 0
                    for word in current where previous.contains(word) { shared += 1 }
                    if shared >= 2 && shared * 5 >= smaller * 3 { return .overlap(earlier: earlier, shared: shared) }
                }
            }
            earlier -= 1
        }
        return nil
    }

    /// Content words of a message: not function words, not numbers, not emoji, at least three letters.
    static func contentWords(_ text: NormalizedText) -> [String] {
        var result: [String] = []
        for index in 0..<text.count {
            let flags = text.tokens[index].flags
            if flags.contains(.number) || flags.contains(.emoji) { continue }
            if text.has(.stopword, at: index) { continue }
            let word = text.words[index]
            if word.utf8.count < 3 || result.contains(word) { continue }
            result.append(word)
        }
        return result
    }

    static let complaintPatterns: [(String, Void)] = [
        ("you|u|it|bot keep|keeps saying|repeating|telling|sending|giving|copying", ()),
        ("same thing|answer|reply|response|message|link|text again|over|every", ()),
        ("the same thing|answer|reply|response|message over and over", ()),
        ("keep|keeps getting|saying * same answer|thing|reply|response|message", ()),
        ("repeating|repeat yourself|itself", ()), ("stop repeating", ()),
        ("going|go|goes|run|running|round in circles", ()), ("you already said|told|wrote that|this|me", ()),
        ("i already told|said|explained|answered|asked", ()), ("told you already", ()),
        ("are you|u even reading|listening", ()), ("you|u arent|are not|dont|not reading|listening", ()),
        ("ya te|le|lo dije|explique", ()), ("como ya te|le dije", ()),
        ("siempre|otra vez lo mismo|misma", ()), ("la misma respuesta|cosa", ()), ("me repites|repite", ()),
        ("estas|sigues repitiendo", ()), ("ja disse|falei|expliquei", ()), ("a mesma resposta|coisa", ()),
        ("sempre|de novo a mesma|o mesmo", ()), ("voce|vc repete|continua repetindo", ()), ("fica repetindo", ()),
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
