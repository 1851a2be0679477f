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
    /// call, phone, ring, llamar, ligar.
    public static let callVerb = bit(13)

    // Policy topics.
    /// charge, billed, debit, transaction, cobro, cobrança.
    public static let chargeWord = bit(14)
    /// What makes a charge disputed: twice, duplicate, unauthorized, indevida.
    public static let disputeMark = bit(15)
    /// refund, reimbursement, reembolso, estorno.
    public static let refundWord = bit(16)
    /// policy, window, period: a refund *question*, not a request.
    public static let refundBlockNext = bit(17)
    /// attorney, lawyer, lawsuit, abogado, advogado, Profeco, Procon.
    public static let legalWord = bit(18)
    /// data, information, datos, dados, personal.
    public static let personalData = bit(19)
    /// delete, erase, wipe, borrar, eliminar, apagar, excluir.
    public static let deleteVerb = bit(20)
    /// gdpr, ccpa, lgpd.
    public static let privacyLaw = bit(21)
    /// swallowed, choking, allergic, poisoning, hospital, engasgou.
    public static let medicalWord = bit(22)
    /// hacked, compromised, phishing, scam, fraud, clonada, golpe.
    public static let securityWord = bit(23)
    /// locked, blocked, suspended, frozen, bloqueada.
    public static let lockWord = bit(24)
    /// account, cuenta, conta, profile, email.
    public static let accountWord = bit(25)
    /// cancel, terminate, close, cancelar, encerrar.
    public static let cancelVerb = bit(26)
    /// subscription, membership, plan, contract, assinatura.
    public static let subscriptionNoun = bit(27)
    /// login, password, pin, contraseña, senha.
    public static let loginWord = bit(28)
    /// card, wallet, phone, tarjeta, cartão.
    public static let paymentInstrument = bit(29)
    /// stolen, lost, theft, robada, roubado, perdi.
    public static let stolenWord = bit(30)

    // Buying intent.
    /// pricing, discount, licences, precio, desconto.
    public static let buyPricing = bit(31)
    /// enterprise, volume, team, company, empresa, equipe.
    public static let buyScale = bit(32)
    /// units, pieces, seats, licences, laptops, unidades, peças.
    public static let unitNoun = bit(33)

    // Other rules.
    /// The AI's own handoff verbs: transferring, connecting, passing.
    public static let transferVerb = bit(34)
    /// Who the AI hands over to: specialist, colleague, agent, team.
    public static let specialistNoun = bit(35)
    /// Cash machines and card readers: atm, cajero, caixa (an ATM that "swallowed" a card is no medical case).
    public static let machineWord = bit(36)
    /// Formal complaints: complaint, grievance, queja, reclamação.
    public static let complaintWord = bit(37)
    /// Having received something: got, received, recibí, recebi (a refund that came is no refund request).
    public static let receivedVerb = bit(38)
    /// Gratitude: thanks, thank, gracias, obrigado.
    public static let thanksWord = bit(39)
    /// Unambiguous determiners: the, my, la, mi, minha (a contact verb after one is a noun: "the transfer").
    public static let determiner = bit(40)
    /// Where a phone is left behind: taxi, uber, bus, ônibus, restaurant.
    public static let vehicleWord = bit(41)
    /// Food and meals a customer may fall ill from: meal, chicken, curry, pollo, frango.
    public static let foodWord = bit(42)
}
