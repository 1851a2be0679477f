/// Word categories the rules look for; a word can belong to several.
///
/// The lexicon maps each known word to its classes once, so rules test a bit mask per token
/// instead of comparing strings.
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    private static func bit(_ n: UInt64) -> WordClass { WordClass(rawValue: 1 << n) }

    // Sentiment modifiers.
    /// not, never, no, nunca, não...
    public static let negator = bit(0)
    /// very, so, really, muy, muito...
    public static let intensifier = bit(1)
    /// a bit, slightly, kinda...
    public static let diminisher = bit(2)
    /// Function words ignored when comparing two questions.
    public static let stopword = bit(3)

    // Asking for a human.
    /// Someone who is clearly a human agent: human, person, agent, supervisor, ejecutivo, atendente.
    public static let humanStrong = bit(4)
    /// Vaguer: someone, somebody, team, alguien, alguém.
    public static let humanWeak = bit(5)
    /// want, need, rather, quiero, necesito, quero, preciso.
    public static let wantVerb = bit(6)
    /// speak, talk, chat, connect, transfer, hablar, pasar, falar, atender.
    public static let contactVerb = bit(7)
    /// Words after "human"/"person"/"agent" that make it something else: resources, readable.
    public static let humanBlockNext = bit(8)
    /// Words before them that make it something else: travel, estate, another, per.
    public static let humanBlockPrev = bit(9)
    /// please, pls, por favor, now.
    public static let politeness = bit(10)
    /// help, ayuda, ajuda, socorro.
    public static let helpWord = bit(11)
    /// Words that may surround a bare request ("help me now", "a real person").
    public static let filler = bit(12)
    /// bot, robot, chatbot, machine.
    public static let botWord = bit(13)
    /// call, phone, ring, llamar, ligar.
    public static let callVerb = bit(14)

    // Policy topics.
    public static let chargeWord = bit(15)
    public static let disputeMark = bit(16)
    public static let refundWord = bit(17)
    /// policy, window, period: a refund *question*, not a request.
    public static let refundBlockNext = bit(18)
    public static let legalWord = bit(19)
    public static let personalData = bit(20)
    public static let deleteVerb = bit(21)
    public static let privacyLaw = bit(22)
    public static let medicalWord = bit(23)
    public static let securityWord = bit(24)
    public static let lockWord = bit(25)
    public static let accountWord = bit(26)
    public static let cancelVerb = bit(27)
    public static let subscriptionNoun = bit(28)
    public static let loginWord = bit(29)
    public static let paymentInstrument = bit(30)
    public static let stolenWord = bit(31)

    // Buying intent.
    public static let buyStrong = bit(32)
    public static let buyPricing = bit(33)
    public static let buyScale = bit(34)
    public static let unitNoun = bit(35)

    // Other rules.
    /// again, otra vez, de novo.
    public static let againWord = bit(36)
    /// The AI's own handoff verbs: transferring, connecting, passing.
    public static let transferVerb = bit(37)
    /// Who the AI hands over to: specialist, colleague, agent, team.
    public static let specialistNoun = bit(38)
    /// First-person subjects: i, me, my, yo, eu.
    public static let firstPerson = bit(39)
    /// A person the customer cares for: son, daughter, child, hijo, filho.
    public static let dependent = bit(40)
    /// Frustration with the service itself: useless, pointless, inútil.
    public static let uselessWord = bit(41)
    /// Second person or the bot itself: you, your, this, it.
    public static let addressee = bit(42)
}
