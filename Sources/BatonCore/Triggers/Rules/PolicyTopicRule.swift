/// Fires when a customer message touches a policy topic a human must handle: refunds, billing
/// disputes, legal threats, privacy requests, medical or safety incidents, account security,
/// lockouts and cancellations.
///
/// Each group has a built-in lexicon of patterns in English, Spanish and Portuguese that match
/// the meaning rather than one keyword (`I'd like my money back`, `quiero que me devuelvan mi
/// dinero`, `there's a charge I don't recognise`, `you billed me after I cancelled`), plus the
/// `phrases` of the configured `PolicyTopic`. Only groups present in `EngineConfig.topics` fire.
/// Groups are tried from the most urgent (legal, medical, security) to the least, so a message
/// about a stolen card that also asks for a refund is a security matter. Plain questions are not
/// disputes: `my bill is wrong`, `how do I update my card?`, `what's the return window?`.
public struct PolicyTopicRule: TriggerRule {
    public let kind = TriggerKind.policyTopic
    /// Built-in patterns of the configured groups, most urgent group first, labelled with the group.
    private let phrases: PhraseSet<String>
    /// Extra phrases from config, labelled with their topic.
    private let configPhrases: PhraseSet<String>

    public init(config: EngineConfig = EngineConfig()) {
        let configured = Set(config.topics.map(\.name))
        phrases = PhraseSet(Self.groupPatterns.filter { configured.contains($0.0) }.flatMap { name, patterns in
            patterns.map { ($0, name) }
        })
        configPhrases = PhraseSet(config.topics.flatMap { topic in
            topic.phrases.compactMap { phrase in
                // Config phrases are plain words: folding drops pattern syntax and punctuation, and a
                // phrase with no words left ("", "!!") is ignored rather than matching everything.
                let words = TextNormalizer.fold(phrase)
                return words.isEmpty ? nil : (words.joined(separator: " "), topic.name)
            }
        })
    }

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard context.conversation.messages[index].role == .customer else { return nil }
        let text = context.texts[index]
        if let match = mostUrgentMatch(in: text) {
            return fired(context, index, match.range, topic: match.payload, rule: "policy_topic/\(match.payload)")
        }
        if !configPhrases.isEmpty, let match = configPhrases.firstMatch(in: text) {
            return fired(context, index, match.range, topic: match.payload, rule: "policy_topic/\(match.payload)/config")
        }
        return nil
    }

    /// The match of the most urgent group, skipping questions about the policy itself ("refund
    /// policy", "return window") and denials.
    private func mostUrgentMatch(in text: NormalizedText) -> PhraseSet<String>.Match? {
        var best: PhraseSet<String>.Match?
        for position in 0..<text.count {
            // A match turned down here gives way to the next pattern that matches at the same place:
            // "swallowed" is not medical next to an ATM, but "swallowed by the ATM" is a lockout.
            var candidate = phrases.match(in: text, at: position)
            while let match = candidate, best.map({ match.pattern < $0.pattern }) ?? true {
                if accepts(match, in: text) {
                    best = match
                    break
                }
                candidate = phrases.match(in: text, at: position, after: match.pattern)
            }
        }
        return best
    }

    /// Whether a built-in match is about the topic, not a question about its policy, a denial or a
    /// known look-alike.
    private func accepts(_ match: PhraseSet<String>.Match, in text: NormalizedText) -> Bool {
        // "Email my lawyer about the meeting", "remind me to ask for a refund": a task for an assistant.
        if match.payload != "medical" && Self.isAssistantCommand(text) { return false }
        // "Send a message to Dave saying did you ever get a refund": words passed on to someone else.
        if RelayedMessage.isDictated(text) { return false }
        // "What does GDPR stand for", "define litigation": the meaning of a word, asked.
        if PolicyQuestion.asksForADefinition(text) || PolicyQuestion.isForStudy(text) { return false }
        let next = match.range.upperBound
        if next < text.count && text.has(.refundBlockNext, at: next) { return false }
        if Self.isLookAlike(match, in: text) { return false }
        // Threats are often denied ("I'm not going to sue"); elsewhere only a negator right before
        // counts, because "I still haven't got my refund" is very much about a refund.
        var start = match.range.lowerBound
        var window = 1
        if match.payload == "legal" {
            window = 4
            // Portuguese "no" right before is "in the": "uma reclamação no Procon" denies nothing.
            if start > 0 && text.words[start - 1] == "no" { start -= 1; window -= 1 }
        }
        if text.precededInClause(by: .negator, at: start, window: window) { return false }
        // "The ATM swallowed my card" is a card problem, not a medical one.
        if match.payload == "medical" && text.contains(.machineWord) { return false }
        if match.payload == "refund" && Self.isThanksForARefund(text, at: match.range) { return false }
        // "¿Cuál es la política de reembolso?", "the terms for refunds": the policy named before the topic
        // asks about the policy, as "refund policy" does after it.
        if match.payload == "refund" || match.payload == "billing_dispute" || match.payload == "cancellation",
           text.precededInClause(by: .refundBlockNext, at: match.range.lowerBound, window: 3) {
            return false
        }
        // "Cancel my order before it ships, I picked the wrong size": an order not yet sent, changed, for the AI.
        if match.payload == "cancellation" && text.words[match.range].contains(where: { ["order", "orders", "purchase", "purchases", "pedido", "compra"].contains($0) })
            && text.words.contains(where: { ["before", "wrong", "mistake", "changed", "antes", "equivocado", "errado", "engano"].contains($0) }) {
            return false
        }
        // "O seguro viagem cobre cancelamento de voo?": what a policy covers, asked.
        if match.payload != "legal" && Self.isAQuestion(text)
            && text.precededInClause(at: match.range.lowerBound, window: 6, where: { Self.coverWords.contains(text.words[$0]) }) {
            return false
        }
        // "Darme de baja del boletín", "cancel my subscription to the newsletter": leaving a mailing list.
        if match.payload == "cancellation" && (Self.leavesAMailingList(text, after: match.range.upperBound)
            || text.words[match.range].contains(where: Self.mailingWords.contains)) { return false }
        // "Will I be charged after I cancel?", "if I return it, will I get my money back?", "how long does a
        // refund take?": asking what would happen is a question for the AI; "why was I charged after I
        // cancelled?" is a dispute.
        if match.payload == "refund" || match.payload == "billing_dispute" {
            let asksWhatWouldHappen = text.precededInClause(at: match.range.lowerBound, window: 6) { position in
                Self.hypotheticalWords.contains(text.words[position]) || Self.comparisonWords.contains(text.words[position])
            }
            if asksWhatWouldHappen { return false }
            // "How long does it usually take to get a refund?", "in which cases can I ask for a refund?", "am I
            // eligible for a refund if…?": how the policy works, further back in the sentence.
            let asksHowItWorks = text.precededInClause(at: match.range.lowerBound, window: 10) { position in
                Self.asksHowLong(text, at: position) || Self.ruleWords.contains(text.words[position])
                    || (Self.eligibilityWords.contains(text.words[position]) && Self.isAQuestion(text))
            }
            if asksHowItWorks { return false }
        } else if match.payload == "security" && !text.words.contains(where: PolicyQuestion.ownCaseWords.contains)
                    && text.precededInClause(at: match.range.lowerBound, window: 10, where: {
                        Self.asksHowLong(text, at: $0) || Self.feeWords.contains(text.words[$0]) && Self.isAQuestion(text)
                    }) {
            // "How long does it take to replace a stolen card?": the time a replacement takes, nobody's card in it.
            return false
        } else if match.payload != "legal" {
            // "If someone hacks my account…", "what's your policy if I get hurt?": a supposition, not an incident.
            // Threats are left alone: they are conditional by nature ("if you don't refund me I'll sue").
            if text.precededInClause(at: match.range.lowerBound, window: 4, where: { Self.conditionWords.contains(text.words[$0]) }),
               !PolicyQuestion.conditionHasHappened(text) {
                return false
            }
        }
        // "Do you offer refunds on annual plans?", "are refunds possible on sale items?", "¿los reembolsos vuelven a
        // la tarjeta?": a question about refunds, charges or cancelling in general, with nobody's own case in it.
        // "Why does a payment show up twice?": why something happened is a case, even with nobody's name in it.
        if PolicyQuestion.asksInGeneral(text, topic: match.payload)
            && !(match.payload == "billing_dispute" && text.words.contains("why")) {
            return false
        }
        // "¿Cómo denuncio una tarjeta perdida? Es por si acaso": the customer says nothing has happened yet.
        if PolicyQuestion.saysItIsOnlyAsking(text) { return false }
        // "Se hackearem minha conta, vocês devolvem o dinheiro?", "if I return it, will I get my money back?": a
        // question that opens with a supposition asks what would happen, whatever clause the topic is in.
        if match.payload != "legal" && Self.asksAboutASupposition(text, before: match.range.lowerBound)
            && !PolicyQuestion.conditionHasHappened(text) { return false }
        // "Do you refund delivery charges if I send something back?": one sentence asking what would happen.
        if match.payload != "legal" && PolicyQuestion.asksAboutASupposition(text) { return false }
        // "Is there a fee to close a savings account?": a question about the price of leaving.
        if match.payload == "cancellation"
            && text.precededInClause(at: match.range.lowerBound, window: 4, where: { Self.feeWords.contains(text.words[$0]) }) {
            return false
        }
        return true
    }

    /// A group's words in a message about something else, by group.
    private static func isLookAlike(_ match: PhraseSet<String>.Match, in text: NormalizedText) -> Bool {
        let next = match.range.upperBound
        switch match.payload {
        case "security":
            // "Can you find my lost phone?", "my phone is lost, help me locate it": finding a phone, a phone
            // assistant's task; a lost phone alone, or with a bank's app on it, stays a security matter.
            if asksToFindAPhone(text) { return true }
            // "I found my lost card, can I reactivate it?", "achei o cartão que tinha perdido": lost, then found.
            if text.words.contains(where: { lostWords.contains($0) || $0 == "stolen" }) && text.words.contains(where: foundWords.contains)
                && !text.words.contains("out") {
                return true
            }
            // "Has my card been lost in the post?": a card not yet delivered.
            if text.words[match.range].contains(where: lostWords.contains) && text.words.contains(where: deliveryWords.contains) { return true }
            // "I lost my password", "perdí mi contraseña": a password to reset, not a card or a phone gone.
            if text.words[match.range].contains(where: lostWords.contains) && match.range.contains(where: { text.has(.loginWord, at: $0) })
                && !text.contains(.paymentInstrument) { return true }
            // "Perdí la cuenta de cuántas veces…", "perdi a conta de quantas vezes": lost count, not an account.
            if next + 1 < text.count && text.words[next] == "de" && countWords.contains(text.words[next + 1]) { return true }
            // "I can't find my card number in the app": a detail of the card, looked for.
            let matched = text.words[match.range]
            if matched.contains(where: { findWords.contains($0) || notFoundWords.contains($0) }),
               next < text.count && cardDetailWords.contains(text.words[next]) || matched.contains(where: cardDetailWords.contains)
                || text.words.contains(where: appWords.contains) { return true }
            // "The payment was taken from my card", "my card was taken by the ATM" (a lockout): not a theft.
            if matched.last == "taken" && (next < text.count && (["out", "off", "twice", "for", "as"].contains(text.words[next])
                || text.words[next] == "from" && text.contains(.chargeWord)) || text.contains(.machineWord)) { return true }
            // "My gift card is missing from the box", "the SIM card was taken out": not a payment card.
            if let card = matched.firstIndex(where: { $0 == "card" || $0 == "cards" }), card > 0,
               notAPaymentCard.contains(text.words[card - 1]) { return true }
            // "A mi hermano le robaron el celu", "roubaram o celular do meu irmão": someone else's phone or card.
            if match.range.lowerBound > 0 && ["le", "les"].contains(text.words[match.range.lowerBound - 1]) { return true }
            if next + 2 < text.count && ["do", "da", "de"].contains(text.words[next]) && ["meu", "minha", "mi"].contains(text.words[next + 1])
                && otherPeople.contains(text.words[next + 2]) { return true }
            // "My friend had her card stolen at an airport last year, so are your networks secure?", "a un amigo lo
            // hackearon en otro exchange; ¿tienen lista blanca?": someone else's incident, long ago or elsewhere,
            // told before a question.
            if Self.isSomeoneElsesPastIncident(text, incidentAt: match.range.lowerBound) { return true }
            // "El fraude es un tema que me preocupa, ¿qué medidas de seguridad tienen?": the bank's measures, asked.
            if match.range.count == 1 && text.words.contains(where: { ["medidas", "measures", "protegen", "protect", "protegem"].contains($0) }) {
                return true
            }
            // "La protección contra fraude de mi tarjeta", "your anti-fraud checks": a product, not an incident.
            return match.range.lowerBound > 0 && ["contra", "anti", "against"].contains(text.words[match.range.lowerBound - 1])
        case "lockout":
            // "What ATMs accept my card?", "do all ATMs take this card?": where the card works, not a card kept by a
            // machine.
            if text.contains(.machineWord) && text.words.contains(where: acceptWords.contains)
                && !text.words.contains(where: keptWords.contains) { return true }
            // "¿Hay opción de bloqueo temporal de la tarjeta en la app?": a freeze the customer sets, asked about.
            if text.words.contains(where: { ["temporal", "temporario", "temporaria", "temporary", "temporarily"].contains($0) }) { return true }
            // "I deactivated my card, can I turn it back on?": blocked by the customer, undone in the app.
            if match.range.contains(where: { $0 > 0 && text.has(.lockWord, at: $0) && ["i", "we", "yo", "eu"].contains(text.words[$0 - 1]) }) {
                return true
            }
            // "Como desbloqueio meu cartão novo que chegou hoje?": a new card to activate, not a block to lift.
            if text.words[match.range].contains(where: { $0.hasPrefix("unblock") || $0.hasPrefix("unlock") || $0.hasPrefix("desbloque") })
                && text.words.contains(where: newCardWords.contains) { return true }
            // "I couldn't get money from the ATM": a withdrawal declined at a machine is for the AI first; shut out of
            // one's money with a block named ("my account is frozen, I can't get my money") is a lockout.
            return text.words[match.range].contains(where: moneyWords.contains) && text.contains(.machineWord)
                && !text.contains([.lockWord, .stolenWord, .securityWord])
        case "billing_dispute":
            // "The ATM wouldn't give me cash, why?": declined. Short, or taken from the account anyway, is a dispute.
            if text.words[match.range].contains("only") && !text.words[match.range].contains("but") && !text.contains(.machineWord)
                && !text.words.contains(where: { ["cash", "withdraw", "withdrawal", "withdrawing", "withdrew"].contains($0) }) { return true }
            return match.range.contains(where: { text.has(.machineWord, at: $0) })
                && !text.words.contains(where: shortOrDebitedWords.contains)
        case "medical":
            // "Can I hurt my credit score?": a score, not a body.
            return next < text.count && notABody.contains(text.words[next])
        default:
            return false
        }
    }

    /// What follows "can't find my card" when a detail of it is looked for, and where.
    static let cardDetailWords: Set<String> = [
        "number", "numbers", "details", "detail", "info", "information", "pin", "settings", "cvv", "cvc", "code",
        "expiry", "expiration", "statement", "statements", "balance", "limit", "option", "tab", "page", "section",
        "menu", "screen", "button", "verification", "numero", "datos", "dados", "clave", "codigo", "senha", "saldo",
    ]
    /// "No encuentro", "não acho": the verbs of "can't find" after a negation, in Spanish and Portuguese.
    static let notFoundWords: Set<String> = ["encuentro", "encontre", "hallo", "acho", "achei", "encontro", "encontrei"]
    static let appWords: Set<String> = ["app", "website", "site", "online", "menu", "settings", "aplicacion", "aplicativo"]
    /// Cards that are not a means of payment.
    static let notAPaymentCard: Set<String> = [
        "gift", "sim", "memory", "sd", "business", "birthday", "greeting", "christmas", "loyalty", "library", "rewards",
        "graphics", "video", "sound", "boarding", "report", "key", "scratch", "virtual", "digital", "disposable", "top",
    ]
    static let newCardWords: Set<String> = [
        "new", "nuevo", "nueva", "novo", "nova", "arrived", "came", "llego", "chegou", "activate", "activar", "ativar", "replacement",
    ]
    /// Whether the incident at token `incidentAt` happened to another person ("my sister", "a un amigo", "meu
    /// irmão", within the six words before it; anywhere when the place is not known, as for the model), a year or
    /// more ago or somewhere else, in a message that asks a question.
    static func isSomeoneElsesPastIncident(_ text: NormalizedText, incidentAt: Int?) -> Bool {
        guard text.questionMarks > 0 else { return false }
        let words = text.words
        let before = incidentAt.map { words[max(0, $0 - 6)..<$0] } ?? words[...]
        let someoneElse = before.contains { word in
            otherPeople.contains(word) || englishOtherPeople.contains(word)
                || word.hasSuffix("s") && englishOtherPeople.contains(String(word.dropLast()))
        }
        guard someoneElse else { return false }
        for (position, word) in words.enumerated() {
            let next = position + 1 < words.count ? words[position + 1] : ""
            let previous = position > 0 ? words[position - 1] : ""
            if elsewhereWords.contains(word) { return true }
            if (word == "ago" || word == "atras") && longTimes.contains(previous) { return true }
            if (word == "last" || word == "pasado" || word == "passado") && (longTimes.contains(next) || longTimes.contains(previous)) { return true }
            if word == "hace" && longTimes.contains(next) { return true }
            if word == "used" && next == "to" { return true }
        }
        return false
    }

    /// The same people in English, for `isSomeoneElsesPastIncident` ("my sister", "my roommate's account").
    static let englishOtherPeople: Set<String> = [
        "friend", "sister", "brother", "mum", "mom", "dad", "mother", "father", "son", "daughter", "roommate", "flatmate",
        "housemate", "colleague", "coworker", "neighbour", "neighbor", "cousin", "aunt", "uncle", "grandma", "grandpa",
        "grandmother", "grandfather", "boss", "classmate",
    ]
    /// "On another game", "en otro exchange", "em outro banco": somewhere other than here.
    static let elsewhereWords: Set<String> = ["another", "otro", "otra", "outro", "outra"]
    /// Spans of time that put an incident long ago: "years ago", "last year", "hace meses", "ano passado".
    static let longTimes: Set<String> = ["year", "years", "months", "ano", "anos", "meses"]

    /// Family, friends and others whose card or phone the customer tells about, in Spanish and Portuguese.
    static let otherPeople: Set<String> = [
        "irmao", "irma", "amigo", "amiga", "mae", "pai", "filho", "filha", "avo", "primo", "prima", "namorado", "namorada", "marido",
        "esposa", "esposo", "hermano", "hermana", "madre", "padre", "hijo", "hija", "abuela", "abuelo", "tio", "tia", "vizinho",
        "vecino", "vecina", "colega", "chefe", "jefe", "novio", "novia", "mujer", "sogra", "suegra",
    ]
    static let coverWords: Set<String> = ["cover", "covers", "cobre", "cobrem", "cubre", "cubren", "incluye", "inclui"]
    static let deliveryWords: Set<String> = [
        "delivery", "delivered", "post", "mail", "arrive", "arrived", "shipping", "shipped", "envio", "correo", "correio", "entrega",
    ]
    static let moneyWords: Set<String> = ["money", "funds", "savings", "cash"]
    /// "Only got half", "still charged", "taken from my balance": a withdrawal gone wrong, not one declined.
    static let shortOrDebitedWords: Set<String> = [
        "all", "enough", "part", "half", "only", "rest", "full", "charged", "debited", "deducted", "taken", "withdrawn",
        "short", "less", "missing", "balance", "statement", "still", "cobraron", "cobrou", "cobro", "descontaron", "descontou", "desconto",
        "debito", "debitaron", "restaron", "quitaron", "tiraram", "cobrado", "cobrada", "descontado", "descontada",
        "debitou", "mitad", "metade", "parte", "solo", "so", "menos", "saldo",
    ]
    static let lostWords: Set<String> = ["lost", "misplaced", "perdi", "perdida", "perdido", "perdio", "extravie", "extraviada", "extraviado"]
    static let foundWords: Set<String> = [
        "found", "encontre", "encontrei", "achei", "aparecio", "apareceu", "reapareceu", "recovered", "recupere", "recuperei",
    ]
    static let acceptWords: Set<String> = ["accept", "accepts", "accepted", "take", "takes", "allow", "allows", "nearest", "near", "list", "aceptan", "aceitam", "aceita", "acepta"]
    static let keptWords: Set<String> = [
        "swallowed", "ate", "eaten", "kept", "took", "retained", "keeps", "stuck", "trago", "retuvo", "engoliu", "reteve", "comio",
        "prendio", "prendeu",
    ]

    /// Whether the message asks to find, ring or track a phone, with no app, card or bank in it.
    static func asksToFindAPhone(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard words.contains(where: phoneWords.contains), words.contains(where: findWords.contains) else { return false }
        return !words.contains(where: { ["app", "bank", "banco", "card", "tarjeta", "cartao", "token", "account", "cuenta", "conta"].contains($0) })
    }

    static let phoneWords: Set<String> = ["phone", "iphone", "mobile", "cellphone", "celular", "celu", "telefono", "telefone", "movil", "telemovel"]
    static let findWords: Set<String> = [
        "find", "finding", "locate", "locating", "ring", "track", "tracking", "retrieve", "retrieving", "where", "encontrar",
        "localizar", "ubicar", "rastrear", "achar", "encontra", "localiza",
    ]
    /// Words after "hurt my…" that are not a body.
    private static let notABody: Set<String> = ["credit", "score", "rating", "chances", "feelings", "business", "sales", "reputation"]

    /// "Cuántas", "quantas", "tantas": what follows "perdí la cuenta de" when it means losing count.
    private static let countWords: Set<String> = ["cuantas", "cuantos", "quantas", "quantos", "tantas", "tantos", "las", "as", "los", "os"]

    /// Verbs that open a command to a personal assistant, never a customer's case.
    private static let commandOpeners: Set<String> = [
        "remind", "email", "text", "play", "google", "search", "recuerdame", "recordame", "mandale", "lembra", "lembre",
    ]

    /// Whether the message opens with an assistant's command: "email my lawyer…", "remind me to…", "me lembra
    /// de…", "find a lawyer near me" (a search, unlike "find out why I was charged").
    private static func isAssistantCommand(_ text: NormalizedText) -> Bool {
        guard text.count > 1 else { return false }
        let first = text.words[0], second = text.words[1]
        // "Text from my lawyer: …", "email was sent": the noun, not the command.
        if commandOpeners.contains(first) { return !["from", "was", "is", "says", "said"].contains(second) }
        if first == "me" && (second == "lembra" || second == "lembre") { return true }
        return first == "find" && (second == "a" || second == "an" || second == "me")
    }

    /// Mailing lists and marketing messages: leaving them is an unsubscribe the AI handles, not a cancellation.
    private static let mailingWords: Set<String> = [
        "newsletter", "newsletters", "mailing", "boletin", "boletines", "emails", "email", "mails", "correos",
        "promos", "promociones", "promocoes", "promocionais", "promocionales", "marketing", "sms", "notificaciones",
        "notificacoes",
    ]

    /// Whether a mailing-list word follows within four words of `position`, in the same clause.
    private static func leavesAMailingList(_ text: NormalizedText, after position: Int) -> Bool {
        var index = position
        while index < min(text.count, position + 4) {
            if index > position && text.tokens[index].flags.contains(.clauseStart) { return false }
            if mailingWords.contains(text.words[index]) { return true }
            index += 1
        }
        return false
    }

    /// Whether the message is a question that opens with a supposition ("if…", "si…", "se…", "caso…") whose
    /// first sentence reaches `position`: "sí, …" (yes) and Spanish reflexive "se me…" do not count.
    private static func asksAboutASupposition(_ text: NormalizedText, before position: Int) -> Bool {
        text.questionMarks > 0 && position < 16 && PolicyQuestion.opensWithASupposition(text)
    }

    /// Words that make what follows a supposition, not something that happened or is asked for.
    private static let hypotheticalWords: Set<String> = ["will", "if", "whether"]
    /// The subset of `hypotheticalWords` that makes any topic a supposition ("will" is too common elsewhere).
    private static let conditionWords: Set<String> = ["if", "whether"]
    /// "the difference between a credit and a refund": comparing what the options are.
    private static let comparisonWords: Set<String> = ["difference", "diferencia", "diferenca"]
    /// "In which cases", "under what conditions": the rules of a policy, not a case of it (both numbers: the
    /// lexicon reads plain plurals as their singular).
    private static let ruleWords: Set<String> = [
        "case", "cases", "condition", "conditions", "circumstance", "circumstances", "caso", "casos", "condicion",
        "condiciones", "circunstancia", "circunstancias", "condicao", "condicoes", "situacao", "situacoes", "situacion",
        "situaciones",
    ]
    /// "Am I eligible", "do I qualify": only in a question ("I'm eligible for a refund and it never came" is a case).
    private static let eligibilityWords: Set<String> = [
        "eligible", "qualify", "elegible", "elegibles", "elegivel", "califico", "derecho", "direito",
    ]
    private static let questionOpeners: Set<String> = [
        "am", "do", "does", "would", "could", "can", "is", "are", "soy", "puedo", "sou", "posso",
    ]

    /// A question by its mark or by its first word ("am I eligible for a refund", written without one).
    private static func isAQuestion(_ text: NormalizedText) -> Bool {
        text.questionMarks > 0 || (text.count > 0 && questionOpeners.contains(text.words[0]))
    }

    /// Asking the price of leaving rather than leaving.
    private static let feeWords: Set<String> = [
        "fee", "fees", "cost", "costs", "penalty", "charge", "comision", "comisiones", "comissao", "taxa", "tarifa",
        "multa", "penalizacion", "cargo",
    ]
    /// Words after "cuanto"/"quanto" that ask how long something takes.
    private static let durationWords: Set<String> = [
        "tarda", "tardan", "tardara", "demora", "demoran", "demoram", "tiempo", "tempo", "leva", "levam", "costuma",
    ]

    /// "how long does a refund take?", "¿cuánto tarda el reembolso?", "quanto tempo demora o estorno?".
    private static func asksHowLong(_ text: NormalizedText, at position: Int) -> Bool {
        guard position + 1 < text.count else { return false }
        switch text.words[position] {
        case "how": return text.words[position + 1] == "long"
        case "cuanto", "quanto": return durationWords.contains(text.words[position + 1])
        default: return false
        }
    }

    /// "I got my refund, thanks": a refund received and thanked for, not asked for. "I still haven't got my
    /// refund, thanks" is negated and stays a refund matter.
    private static func isThanksForARefund(_ text: NormalizedText, at range: Range<Int>) -> Bool {
        let start = range.lowerBound
        // "I got my refund, thanks", "o estorno entrou ontem, obrigada": received before or right after.
        let after = range.upperBound..<min(range.upperBound + 2, text.count)
        let received = text.precededInClause(by: .receivedVerb, at: start, window: 3)
            || after.contains { text.has(.receivedVerb, at: $0) } && !after.contains { text.has(.negator, at: $0) }
        return text.contains(.thanksWord) && received && !text.precededInClause(by: .negator, at: start, window: 6)
    }

    private func fired(_ context: TriggerContext, _ index: Int, _ tokens: Range<Int>, topic: String,
                       rule: String) -> FiredTrigger {
        FiredTrigger(kind: kind, message: index,
                     reason: "\(topic): matched '\(context.excerpt(message: index, tokens: tokens))'",
                     rule: rule, topic: topic)
    }

    /// Whether `text` is a first report of trouble signing in and nothing more: "I can't get into my account", "no
    /// puedo entrar a mi cuenta", "não consigo acessar o app". Not when something is blocked, stolen or hacked,
    /// or the customer has already tried ("still", "again", "ya intenté", "ainda").
    public static func isPlainLoginTrouble(_ text: NormalizedText) -> Bool {
        if text.contains([.lockWord, .securityWord, .stolenWord, .legalWord, .medicalWord]) { return false }
        var sawInability = false
        var loginAt: Int?
        for position in 0..<text.count {
            let word = text.words[position]
            if alreadyTriedWords.contains(word) { return false }
            if inabilityWords.contains(word) || (word == "puedo" || word == "consigo" || word == "deja" || word == "deixa")
                && position > 0 && text.has(.negator, at: position - 1) {
                sawInability = true
            } else if sawInability && loginAt == nil && (signInWords.contains(word) || text.has(.loginWord, at: position)) {
                loginAt = position
            }
        }
        return loginAt != nil
    }

    private static let inabilityWords: Set<String> = ["cant", "cannot", "unable", "couldnt", "trouble", "problem", "problems"]
    private static let signInWords: Set<String> = [
        "log", "login", "sign", "signin", "access", "into", "entrar", "acceder", "ingresar", "acessar", "logar", "loguear",
        "loguearme", "logarme", "entro", "accedo", "ingreso", "acesso",
    ]
    private static let alreadyTriedWords: Set<String> = [
        "still", "again", "tried", "trying", "reset", "days", "week", "weeks", "sigo", "todavia", "aun", "intente",
        "intentado", "ainda", "continuo", "tentei", "tentando", "dias", "semana", "semanas", "ja", "ya", "desde",
        "since", "anymore", "mais", "resetei", "restableci", "longer", "old", "changed", "new", "cambie", "troquei", "mudei",
        "antiguo", "antigo", "viejo", "velho", "nuevo", "novo",
    ]

    /// Whether `text` names a lawyer, a court, a regulator or suing: a threat, not a damage claim that the legal
    /// group also holds ("the driver threw my parcel" said in anger is first of all anger).
    public static func threatensLegalAction(_ text: NormalizedText) -> Bool {
        text.contains(.legalWord) || text.words.contains(where: legalThreatWords.contains)
    }

    private static let legalThreatWords: Set<String> = [
        "sue", "suing", "court", "courts", "legal", "lawsuit", "demandar", "demanda", "demandarlos", "processar",
        "processo", "tribunal", "tribunales", "juzgado", "justica", "judicial", "police", "policia", "report", "reporting",
        "standards", "regulator", "regulators", "authorities", "ombudsman", "bbb", "ftc", "denuncia", "denunciar",
    ]

    /// Built-in patterns per group, most urgent group first.
    static let groupPatterns: [(String, [String])] = [
        ("legal", [
            "@legal", "sue|suing|sued you|your|them|the|this|u|company|yall", "going|gonna|will|ill|to sue",
            "legal action|proceedings|department|team|claim", "claim|complaint|case|lawsuit against you|your|the|this company|business|bank|store", "take|taking|taken you|this|them|it to court",
            "see you in court", "small claims", "class action",
            "report|reporting|reported you|this|them to the|_ bbb|ftc|authorities|regulator|regulators|ombudsman",
            "better business bureau", "call|calling|contact|contacting|report|reporting|llamar|llamare|chamar|chamo|acionar * police|cops|policia",
            "police report|complaint", "denuncia policial", "consumer protection|rights|agency", "demandar|demandarlos|demandare|demandaremos",
            "demanda legal|judicial", "accion|acciones legal|legales", "denuncia|denunciar|denunciarlos|denunciare",
            "vou|vamos processar", "processar voces|vcs|voce|vc", "processar a|essa empresa", "processo judicial",
            "acao judicial", "reclame aqui", "justica", "juzgado|tribunal|tribunales",
            "counterfeit|falsificado|falsificada|falsificados|pirata", "fake|knockoff|replica product|products|item|items|goods|brand",
            "not genuine|authentic|original", "driver|courier|technician|installer|engineer|worker|workers|staff|crew|movers|employee damaged|broke|scratched|smashed|destroyed|dented|hit|threw|thrown|tossed|chucked|dumped|kicked my|our",
        ]),
        ("medical", [
            "@medical", "allergic reaction|reactions|shock",
            "ate|eaten|swallow|swallowed|ingested|drank|drunk|chewed|comio|trago|bebio|comeu|engoliu|bebeu * battery|batteries|magnet|magnets|pill|pills|tablets|detergent|pod|pods|bleach|chemical|chemicals|pila|pilas|bateria|baterias|iman|imanes|pastilla|pastillas|lejia|pilha|pilhas|ima|comprimido|comprimidos|remedio", "reaccion|reacao alergica",
            "had|having|got|has|have an|a allergic", "sick|ill after|from eating|taking|using|drinking",
            "made|making me|him|her|us|my|them sick|ill", "food poisoning", "side effect|effects",
            "having|have|had|got|getting|experiencing|gave|giving|given|causing|caused me|him|her|us|_ chest|stomach|severe|sharp pain|pains|cramps", "cant|couldnt|hard to breathe|breathing", "trouble|difficulty breathing",
            "dizzy|nauseous|vomiting|rash|hives|swelling|swollen after|from taking|using|eating|drinking",
            "chest|stomach pain|pains ** since|after ** medication|medicine|pills|tablets|supplement|medicina|remedio",
            "burned|burnt|injured|scalded my|his|her|himself|herself|themselves|me",
            "se trago", "se lastimo|quemo|corto", "me|se machuquei|machucou|queimou|cortou",
            "passou|passei|sentiu|senti mal", "me enferme|enfermo", "fiquei|ficou doente",
            "caught|catches|catching fire", "burst into flames",
            "glass|metal|plastic|insect|insects|bug|bugs|worm|worms|hair|mold|mould|cockroach|vidrio|cristal|vidro|bicho|cabello|cabelo in|inside|en|dentro|no|na my|the|a|mi|el|la|_ food|jar|meal|drink|bottle|can|salad|sandwich|pizza|product|comida|frasco|bebida|produto|producto",
            "found|encontre|achei|encontrei a|an|some|un|una|um|uma|_ glass|metal|insect|worm|cockroach|vidrio|vidro|cucaracha|barata",
            // "A piece of glass in my burger", "bare wires hanging out of the wall", "the brakes kept failing", "I tore a
            // ligament".
            "piece|pieces|bit|bits|shard|shards|pedazo|pedazos|pedaco|pedacos|caco|cacos of|de glass|metal|plastic|vidrio|vidro|cristal|plastico",
            "bare|exposed|live wires|wire|cables|cable", "brakes|brake * failed|failing|failure|stopped|didnt|wouldnt",
            "nearly|almost crashed|crash|died|killed", "tore|torn|sprained|dislocated|ruptured my|a|his|her ligament|ligaments|tendon|muscle|shoulder|knee|ankle",
            // Hurt, hit, harassed or unsafe: "my kid was hurt on the playground", "se abrió la cabeza", "kept touching my
            // leg", "I don't feel safe".
            "was|got|been|is|fue|foi|ha|has hurt|injured|herido|herida|lastimado|lastimada|machucado|machucada|ferido|ferida",
            "hit|cut|banged|bumped|split her|his|my|their|its head", "se abrio|golpeo|pego|rompio la cabeza", "bateu|bati|abriu|abri com|_ a cabeca",
            "vomiting|vomitando|vomitou|vomitar|diarrhea|diarrhoea|diarrea|diarreia ** after|depois|despues|since|desde",
            "touching|touched|groped|grabbed|grabbing my|me leg|legs|thigh|body|chest|breast|bum|butt", "me toco|tocaba|manoseo|manoseaba", "me empezo|comenzo a tocar|manosear",
            "passando|passou|passava a mao", "dont|didnt|not feel safe",
            "acosando|acosan|acosaron|acosa|assediando|assediou|assediam|harassing|harassed|stalking|stalked|persiguiendo|perseguindo",
            // A driver or a stranger who frightened the customer: "I felt unsafe the whole ride", "el conductor iba
            // borracho", "o motorista me ameaçou".
            "felt|feel|feeling|was|am unsafe|threatened|endangered", "driver|conductor|chofer|motorista|taxista ** drunk|borracho|bebado|recklessly|reckless|threatened|threatening|amenazo|ameacou|grito|gritou",
            "me|nos amenazo|amenazaron|ameacou|ameacaram|ameacando|amenazando", "tuve|tive|senti|sentimos mucho|muito miedo|medo",
            // An accident: "I had an accident in the rental car", "tuvimos un choque".
            "had|have an|a car|road|_ accident|crash|collision", "was|were|been|got in|into an|a car|road|_ accident|crash|collision", "tuve|tuvimos|tive|tivemos|sofri|sofrimos un|uma|um accidente|acidente|choque|batida", "no me siento seguro|segura", "nao me sinto seguro|segura",
            "started|starts|keeps|kept smoking|sparking|melting", "smoke|sparks came|coming|come out", "exploded|explodes|blew up",
            "soltando|solto|echando|echo fumaca|humo|faisca|faiscas|chispas", "pegou|pega fogo", "se incendio|prendio",
            "electric|electrical shock",
            // Sick from food: "we all got sick after the lamb curry", "nos enfermamos con el pollo", "passamos mal com o frango".
            "sick|ill|poorly|unwell after|from ** @food",
            "enfermamos|enfermaron|enfermo|enferme|enfermaste|intoxicamos|intoxicaron|intoxico|intoxique|vomitamos|vomite|vomito con|por|despues|tras ** @food",
            "passamos|passaram|passou|passei|ficamos|ficaram|ficou|fiquei mal|doente|doentes|intoxicado|intoxicada|intoxicados com|depois|apos ** @food",
            "ended|wound|landed up in|at the|_ hospital|er|emergency", "rushed|admitted|taken to|into the|_ hospital|er|emergency",
            "got|was|been|were|is|am injured by|from|using|because|when|while|at|in|on", "injured|hurt my|his|her|their|our|himself|herself|themselves|myself",
            "termino|terminamos|acabo|acabou|acabei|acabamos|parar en|no|na|em el|_ hospital|urgencias|emergencia|pronto",
            "ingresaron|internaram|internado|internada en|no|na|al|ao el|a|o|_ hospital|urgencias",
            "smell|smells|smelling|smelt of|like gas", "smell|smells|smelling|smelt gas", "leaking|leaks|leak|smells|smelling|leaked gas|fumes", "carbon monoxide", "gas smell|leak|leaking", "olor|huele a gas", "cheiro|cheirando de|a gas",
            "falta de ar|aire", "dolor|dolores de pecho", "dor|dores no peito",
            "wrong|incorrect medication|medicine|tablets|pills|dose|dosage", "medicamento|medicina|remedio|pastillas|dosis|dose|comprimidos equivocado|equivocada|equivocados|equivocadas|incorrecto|incorrecta|errado|errada|errados|erradas",
            "my|his|her|our arm|leg|wrist|ankle|hand|head|finger|foot|knee|neck is|are|_ hurt|injured|bleeding|broken|swollen",
            "broke|broken|fractured my|his|her arm|leg|wrist|ankle|hand|finger|foot|knee",
            "rompi|quebre|fracture|me rompi|parti el|la|mi brazo|pierna|tobillo|mano|muneca|pie|rodilla", "quebrei|parti|fraturei o|a|meu|minha braco|perna|tornozelo|mao|pulso|pe|joelho",
            "braco|perna|tornozelo|pulso partido|partida|quebrado|quebrada",
        ]),
        ("security", [
            // "Got mugged last night, they have my card": a robbery with the card, wallet or phone in it.
            // "A transfer of 1,200 to an account I don't recognise", "un pix pra uma conta que eu não conheço".
            "@account|recipient|payee|destinatario|beneficiario|chave ** dont|no|nao|never|not recognise|recognize|reconozco|reconheco|conozco|conheco",
            "mugged|pickpocketed|asaltaron|atracaron|assaltaram|assaltado|assaltada|asaltado|asaltada",
            "robbed|burgled ** @card|wallet|purse|bag|cartera|billetera|carteira|bolsa|mochila",
            "@security", "@stolen my|the|a|our|la|el|mi|mis|minha|meu|o|a|_ debit|credit|visa|mastercard|amex|bank|atm|business|company|work|_ @card|@account|@login|identity|wallet|identidad|identidade",
            "@card|@account|identity|wallet details|info|information|number|numbers|data|_ was|were|got|has|have|is|are|fue|fueron|foi|foram|_ been|sido|_ @stolen",
            "@card details|info|information|number|numbers|data was|were|got|has|have|is|are|_ been|_ exposed|leaked",
            "@someone used|using|accessed|accessing|logged|logging|changed|took|taking|opened|hacked|withdrew|withdrawn|spent|spending|transferred|moved|made|uso|usaron|usou|usaram|usando|accedio|entro|entraron|entrou|acessou|saco|sacaron|sacou|sacaram|hizo|hicieron|fez|fizeram ** @card|@account|@login|money|cash|funds|dinero|dinheiro|purchases|compras|compra|pix",
            "@someone are|were using|spending|accessing ** @card|@account",
            "someones|somebodys been|_ using|accessing|logging|spending|taking|ordering|buying|purchasing|shopping ** @card|@account|@login|money|cash|funds",
            "@someone has|is|_ been|_ ordered|ordering|bought|buying|purchased|purchasing ** on|with|from my|our @card|@account",
            // "Someone has just made a withdrawal with my card", "somebody is taking money out of my account".
            "@someone has|have|had|is|just just|already|apparently|also|_ made|withdrawn|withdrew|taken|taking|took|used|using|accessed|spent|transferred|moved ** @card|@account|money|cash|funds|withdrawal|withdrawals",
            // A transfer the customer did not make: "una transferencia a un tal R. Pérez que yo no hice", "um pix que eu não fiz".
            "transferencia|transferencias|pix|retiro|retiros|saque|saques|movimiento|movimientos|movimentacao|movimentacoes|deposito|transfer|transfers|withdrawal|withdrawals ** que|_ yo|eu|_ no|nao hice|fiz|realice|realizei|autorice|autorizei|hicimos|fizemos",
            // A phone with the bank's app left behind: "se me quedó el celular en un taxi", "esqueci o celular num uber".
            "se me quedo|olvido|cayo el|la|mi|_ @card en|no|na|num|numa ** @vehicle", "esqueci|deixei|perdi|olvide|deje|left|forgot o|a|meu|minha|el|la|mi|my|the|_ @card em|no|na|num|numa|en|in|on|at ** @vehicle",
            "it|that|this|those wasnt|werent me|us", "it|that|this|those was|were not me|us",
            "someone|somebody else|_ has|had|got|gained|getting access|into to|_ my|our @account|@login|email|phone",
            "login|sign|signin|access alert|attempt|attempts|notification from|in a|an|_ another|different|unknown|strange|new|foreign country|location|device|city|phone|place", "someone|somebody else got|has|took|received|intercepted|opened it|my|the|them", "no fui|fuimos yo|nosotros", "nao fui|fomos eu|nos",
            // Money taken or moved by someone, and the account's email or password changed by someone.
            "me|nos sacaron|sacaram|quitaron|levaram|tiraram|transfirieron|transferiram ** pesos|euros|dolares|reais|dinero|dinheiro|plata|lana",
            "fueron|foram transferidos|transferidas|retirados|retiradas|sacados|sacadas ** pesos|euros|dolares|reais|dinero|dinheiro",
            "mudaram|alteraram|trocaram|cambiaron el|la|mi|o|a|minha|meu|_ email|correo|senha|contrasena",
            "me|nos han|ha robado|hackeado|clonado",
            "cant|cannot|couldnt seem|_ to|_ find my|the * @card",
            // "My card is missing", "my visa went missing", "I no longer have my phone", "my phone was taken".
            "@card is|was|has|have|went|got|_ gone|_ missing", "no|nao encuentro|encontre|hallo|acho|achei|encontro|encontrei|consigo * @card", "no longer have|got my|the * @card",
            "@card was|were|got|has|have been|_ taken", "dropped|misplaced my|the @card", "left my|the @card somewhere|behind",
            "entered|put|typed|gave|used my|the @card|details ** dodgy|fake|suspicious|scam|sketchy|shady|fraudulent|phishing",
            "me|nos la|lo|las|los robaron|roubaram|furtaram|clonaron|clonaram", "roubaram|furtaram|robaron me|nos o|a|el|la|mi|meu|minha|_ @card",
            // Identity theft in Spanish and Portuguese: "me suplantaron la identidad".
            "suplantaron|suplantacion|suplantaram|suplantacao|suplantar", "@card ** me|nos la|lo|_ robaron|roubaram|furtaram",
            "text|texts|email|emails|call|calls|message|messages|sms|someone|somebody asking|asked|requesting for|_ my|our|the @card|@login|code|details|number",
            "was|is that|this|it really you|from you", "is|was this|that|it legit|legitimate|a scam|fake|phishing", "is|was this|that|it * phishing|scam|legit|legitimate",
            "getting|receiving|received|got|get a|an|_ phishing|scam|fake|suspicious text|texts|email|emails|call|calls|message|messages|sms",
            "without my|our|_ permission|consent|authorization|authorisation|knowledge|approval", "sin mi permiso|autorizacion|consentimiento", "sem minha|a minha permissao|autorizacao",

            "order|orders|purchase|purchases|transaction|transactions|charges|charge i|we didnt|never|not place|make|made|placed|authorize|authorise|order",
            "didnt|not|never place|make|authorize|authorise|order|made|placed * order|orders|purchase|purchases|transactions|transfer|transfers",
            "unauthorized|unauthorised|suspicious|strange|unknown|unrecognized|unrecognised login|logins|access|activity|sign|device|email|emails|text|texts|transfer|transfers",
            "identity theft", "robo de identidad", "roubo de identidade",
            // Credit taken out by someone else: "someone took out a loan in my name", "me sacaron un préstamo a mi
            // nombre", "fizeram um empréstimo no meu nome", "abrieron una cuenta a mi nombre".
            "someone|somebody|alguien|alguem|sacaron|saco|hicieron|abrieron|abrio|pidieron|solicitaron|fizeram|fez|abriram|abriu|pediram|tomaram|contrataram ** loan|loans|prestamo|prestamos|emprestimo|emprestimos|credito|creditos|credit|financiamento|financiacion|mortgage|hipoteca|@account|@card|line ** my|mi|meu|minha name|nombre|nome",
            // An identity document stolen: "my passport was stolen", "me robaron el pasaporte".
            "stolen|stole|robbed|robaron|robo|roubaram|roubou|furtaram|furtou my|the|mi|el|la|meu|minha|o|a|_ passport|pasaporte|passaporte|dni|cedula|documentos|documents|licence|license|rg|cnh",
            "passport|pasaporte|passaporte|dni|cedula|documentos|documents|licence|license was|were|got|has|have|fue|fueron|foi|foram|_ been|sido|_ stolen|robado|robados|robada|roubado|roubados|roubada|furtado|furtados", "someone else|_ is using my|mi|meu @card|@account",
            "uso|usaron|usou|usaram mi|minha|meu @card|@account sin|sem",
            "sofri|cai|caimos|levei um|num|em|_ golpe",
            "bag|purse|handbag|backpack|bolso|bolsa|cartera|carteira|mochila ** @stolen", "@stolen my|the|a|mi|la|el|minha|o|_ bag|purse|handbag|backpack|bolso|bolsa|cartera|carteira|mochila",
            "left|forgot|forgotten|deje|olvide|esqueci|deixei my|the|mi|la|o|a|meu|minha @card in|at|en|no|na * @machine",
            "clicked|clicking|fell|entered|typed|gave|replied * phishing|scam|fake|dodgy|suspicious", "cai|caimos|cliquei|clique|di|hice ** phishing|golpe|falso|falsa|sospechoso|suspeito|suspeita", "e|eh|foi golpe", "um golpe no|do|com meu|minha|o|a @card|@account|pix",
        ]),
        ("privacy", [
            "@delete ** @data", "@privacylaw", "data protection|request|subject", "right to be forgotten",
            "someone|somebody|people else|_ can see|sees|access|accessed|saw my|our personal|_ @data|address|account",
            "what|which data|information|info do|does you|they have|hold|store|keep|collect * me|us",
            "selling|sold|sharing|shared|leaked my|our data|information|info|details|datos|dados",
            "stop using|processing my data|information|info", "proteccion|protecao de datos|dados",
            "copy|export|download of all|_ my|the|_ @data",
            "leaked|leaking|leak|exposed|exposing|published|posted|filtraron|filtro|vazaram|vazou|expuso|expos my|our|customers|users|_ @data|address|addresses|email|emails|phone|number|numbers|photos|direccion|endereco|correo",
            "data breach|leak", "filtracion|vazamento de datos|dados",
            "subject access", "another customers|users|persons|clients|patients|members order|orders|invoice|invoices|details|address|account|data|information|info|records|bill",
            "someone|somebody|other peoples|elses order|orders|invoice|invoices|details|address|account|data|information|info|records|bill",
            "someone|somebody else|elses order|orders|invoice|invoices|details|address|account|data|information|info|records|bill",
            "@delete everything|all|whatever|todo|tudo * you|u|they|ustedes|voces have|hold|know|store|tienen|tem|tem",
        ]),
        ("billing_dispute", [
            "@charge * @dispute", "@dispute * @charge",
            "extra|additional|unexpected|unknown|strange|weird|random|mystery @charge|fee|fees on|in my|the statement|account|card|bill|balance",
            // Cash short from a machine: "the ATM didn't give me all the cash", "asked for $100 but only got $20".
            "@machine|atm * didnt|never|wouldnt give|dispense|gave|pay out",
            // "Why didn't the ATM give me all my money?", "got only $20", "some cash was missing at the ATM".
            "didnt|wouldnt|doesnt * @machine give|dispense|pay * all|enough|right|full|rest",
            "only got|given|paid|gave|received|dispensed", "got|given|paid|gave|received|dispensed only", "cash was|is|_ missing", "money missing from|at",
            "but only got|received|gave|dispensed|came", "didnt|never get|receive all|enough of|_ the|my|_ cash|money",
            "wrong|incorrect amount of cash|money", "less|short cash|money|_ from|at the|an|_ @machine|atm",
            // "A transfer of £400 that I definitely didn't authorise": the customer's own denial of a payment.
            "i|we definitely|certainly|_ didnt|never|havent|hadnt authorise|authorize|authorised|authorized|approve|approved",
            "i|we definitely|certainly|_ did|have|had not|never authorise|authorize|authorised|authorized|approve|approved",
            "what|whats is|_ this|that @charge|fee", "what|whats are|_ these|those @charge|fees",
            "@charge ** dont|didnt|not|never|cant recognise|recognize|recognised|recognized|authorize|authorise|authorized|authorised|make|made|approve|approved|order|ordered|set|setup|sign|signed|do|did",
            "dont|didnt|cant|not|never recognise|recognize|authorize|authorise|authorized|authorised|approved|approve * @charge",
            "billed|charged|charging|billing|charge|cobraron|cobrou|cobrando|cobrado|cobraram|debitaram me|us|_ after|despues|depois|even * cancel|cancelled|canceled|cancellation|cancele|cancelei|cancelado|cancelada|cancelar",
            "still being|getting charged|billed", "still charging|billing me|us", "chargeback",
            "dispute|disputing|contest|contesting a|the|this|that|my|_ charge|transaction|payment|bill|purchase",
            "overcharged|overbilled",
            "cut|cutting|suspended|suspend|disconnected|disconnect|closed|close|shut|terminated|blocked|cortaron|cortaram|suspendieron|suspenderam|desconectaron|cancelaron|cancelaram ** without|sin|sem any|_ warning|notice|notification|telling|asking|avisar|aviso|avisarme|avisos|avisarem",
            "promised|quoted|offered|prometieron|prometeram ** discount|price|rate|credit|descuento|desconto|precio|preco ** not|isnt|wasnt|never|didnt|missing|no|nao",
            "@charge|billed ** after|even|though|despite|aunque|mesmo * cancel|cancelled|canceled|cancelling|cancele|cancelei|cancelado|cancelada|cancelar|cancellation", "@charge ** sin|sem autorizacion|autorizacao|permiso|permissao|consentimiento|consentimento|aviso|avisar", "@charge|fee|fees ** never|didnt|not agreed|agree|consented|consent|signed|asked",
            "@charge|fee|fees|comision|comisiones|comissao|tarifa|cuota ** nadie|nunca|ninguem|nobody|never me|us|_ explico|explicaron|informo|informaron|aviso|avisaron|explicou|avisou|informou|told|explained|mentioned|disclosed",
            "@charge|suscripcion|suscripciones|assinatura|assinaturas|servicio|servico ** no|nao|nunca pedi|solicite|contrate|pedimos|solicitei|contratei|autorice|autorizei",
            // "Abrir una disputa", "abrir uma contestação", "desconocer un cargo", "un consumo en Miami y yo no salí de
            // Buenos Aires", "um gasto em Orlando e eu nem saí de Recife".
            "abrir|iniciar|hacer|levantar|fazer|registrar|presentar una|uma|um disputa|contestacion|contestacao|chargeback|contracargo",
            "desconocer|desconozco un|el|este|ese|una|la|esta cargo|cobro|consumo|compra|debito",
            "@charge|consumo|consumos|gasto|gastos ** yo|eu|_ no|nem|nunca sali|sai|estuve|estive|fui|viaje|viajei",
            "stop|quit billing|charging|debiting me|us",
            // "You're still taking money after I cancelled", "I want to raise a dispute".
            "still|keep|keeps|kept taking|charging|billing|debiting ** after|since i|we|_ cancelled|canceled|cancel|closed",
            "raise|open|file|lodge|start a|an dispute|chargeback", "stop|quit billing|charging|debiting my|our @card|@account", "@charge ** anyway|regardless", "@charge ** never been|visited|heard|shopped|bought|used", "@charge ** not|arent|isnt|wasnt|werent mine|ours",
            "store|shop|merchant|company|place|website|site|business|vendor ive|i|weve|we|_ never been|visited|heard|shopped|used|bought",
            // "A store that I didn't go to", "a card payment I'm not familiar with", "payments that weren't made by me",
            // "a random charge", "I'd like to dispute a direct debit", "a debit that shouldn't be there".
            "store|shop|merchant|place|restaurant|website|site * didnt|never|havent go|went|been|visited|use|used|shop|shopped",
            "not|dont|didnt|arent|isnt familiar|recognizing|recognising|recognize|recognise|remember|recall * @charge|merchant|store|shop|company",
            "@charge ** not|dont|didnt|never familiar|recognize|recognise|recognizing|recognising",
            "werent|wasnt|not made|done|authorised|authorized|initiated by me|us|myself",
            "@charge ** havent|hadnt done|made myself|ourselves|_", "random|mystery|unfamiliar @charge|merchant",
            "dispute|disputing|contest|contesting|challenge|challenging * @charge|debit|debits",
            "@charge ** shouldnt be|have", "@charge ** should not be|have",
            "tienda|comercio|empresa|lugar|sitio|pagina|negocio|loja|site|estabelecimento ** que|q no|ni|nao|nem conozco|conheco|reconozco|reconheco|conocemos|conhecemos",
            "@machine ** less|wrong|short|missing|didnt|never|not|no money|cash|amount|dispense|give|gave",
            "@machine ** menos|errado|errada|equivocado|equivocada|incorrecto|incorreto dinero|dinheiro|plata|efectivo|_",
            "@machine ** no|nao me|_ entrego|entregou|dio|deu", "charged|billed|debited|charging|billing * wrong|incorrect|incorrectly|wrongly",
            "no|nao reconozco|reconheco|reconoci|reconheci * @charge",
            "@charge ** no|nao fiz|hice|realice|realizei|autorice|autorizei|reconozco|reconheco|reconoci|reconheci", "@charge * no|nao reconozco|reconocido|reconocida|reconheco|reconhecida|autorice|autorizado|autorizada|autorizei",
            "cobraron|cobrou|cobraram|cobran|cobram dos|duas|2 veces|vezes",
            "cobraron|cobrado|cobro|cobran|cobrou|cobraram|cobrando|cobraste|cobrado|cobrada de|a mas|mais",
            "cobraron|cobrado|cobro|cobran|cobrou|cobraram|cobrando|cobraste|cobrada demas|demais",
            "cargo|cobro|cobranca|compra|debito desconocido|desconocida|indebido|indebida|indevida|indevido|duplicado|duplicada",
            // Contesting a charge or a bill, refusing to pay it: "quero contestar essa cobrança", "no voy a pagar eso",
            // "I'm not paying that, take it off", "remove the fee".
            "contestar|disputar|impugnar|questionar|cuestionar|reclamar * @charge",
            "contestar|disputar|impugnar essa|esta|esa|la|a|mi|minha|_ factura|fatura|cuenta|conta",
            "no voy|vamos a pagar eso|esto|eso", "nao vou|vamos pagar isso|isto",
            "not|never|wont|refuse paying|pay|to that|this|it|_ * take|remove|reverse|cancel it|that|this",
            "take|get it|that|this off my|the|our bill|account|statement|invoice",
            "remove|waive|reverse the|this|that fee|fees|charge|charges",
            "wrong|incorrect|erroneous @charge|fee|fees",
            "never|didnt|dont buy|bought|purchase|purchased|order|ordered|shop|shopped anything|nothing from|at this|that|the merchant|store|shop|company|seller|vendor",
            "@machine ** part|half|some of|_ the|my money|cash|amount", "@machine ** nao|no liberou|libero|soltou|solto|entregou|entrego|dio|deu|saco|sacou",
            "wrong * not|never paying|pay",
            // "A withdrawal I don't remember making", "a transaction that I did not do".
            "@charge ** i|we dont|didnt|never remember|recall|make|made|do|did|authorize|authorise|authorized|authorised",
            "@charge ** i|we do|did not remember|recall|make|do|authorize|authorise",
            // The same payment listed again: "the transaction is showing up many times", "a payment shows twice".
            "@charge * showing|shows|show|appear|appears|appearing|appeared|listed|posted ** twice|multiple|several|many|again|times",
            "repeated|duplicated|duplicate|double @charge", "same @charge * twice|again|multiple|several",
            // Cash short from a machine: "all it gave me was $20", "I got less cash than I asked for", "$20 came out
            // instead of $100", "my cash withdrawal was short", "didn't get all of it".
            "all it|that|_ @machine|_ gave|dispensed|paid me|us|_ was|were", "got|received|given less|fewer cash|money|than",
            "came out ** instead of", "withdraw|withdrawal|withdrawn ** instead of", "withdrawal|cash was|came|is short", "shorted me|us",
            "didnt|never get|receive all of|_ it", "not get|receive all|enough of|_ the|my|_ cash|money|it", "@machine ** incorrect|wrong amount",
            // "un cargo de ustedes por 349 pesos y no tengo idea de qué es", "I didn't buy anything and got charged".
            "@charge ** no|nao tengo|tenho|have idea|ideia|clue", "no|nao tengo|tenho|sei idea|ideia|_ de|what|_ que ** @charge",
            "no idea|clue what ** @charge", "@charge ** didnt|never|not buy|bought|order|ordered anything|nothing",
            "didnt|never buy|bought|order|ordered anything|nothing ** @charge|charged|billed",
            "@charge ** no|nao compre|comprei|pedi|pedimos|compramos nada", "no|nao compre|comprei|pedi|pedimos|compramos nada ** @charge|cobraron|cobraram|cobrando|cobrado|cobrada",
        ]),
        ("refund", [
            "@refund", "money back", "my|the|our money returned|refunded",
            "want|need|get|give ** payments|payment|charges|fees back",
            "want|give|return|send|receive my|the|our money", "need|get my|our money",
            "devuelvan|devuelve|devolver|devuelvanme|regresen|regresar|reembolsen * mi|el|la|mi|_ dinero|plata|pago|cargo|cobro|importe|monto|compra",
            "devolucion del|de|_ mi|_ dinero|pago", "quero|devolvam|devolver|devolve|devolvem * meu|o|_ dinheiro",
            "dinheiro de volta", "mi dinero de vuelta",
            "want|need|get it|this|that reversed|refunded", "fees|fee|deposit|tuition returned|refunded", "want|need|get the|this|that|my fee|@charge reversed|refunded",
            "reverse|reversal of|_ the|this|that|a @charge|fee",
            "compensation|compensate|compensated|indemnizacion|indenizacao|compensacion|compensacao|resarcimiento",
            "refuse|refuses|refused|refusing|wont|wouldnt|declined|declining|denied|denying|rejected|rejecting to|_ honour|honor|accept|process|give|issue|cover|replace|exchange the|my|a|our|_ warranty|guarantee|refund|return|exchange|claim|replacement",
            "no|nao quiere|quieren|quer|querem|acepta|aceptan|aceita|aceitam trocar|devolver|reembolsar|respetar|cumplir|cumprir|honrar",
            "denied|rejected|declined|refused my|our|the warranty|guarantee|refund|return|claim|exchange|replacement",
            // "my insurance claim was denied and I want to appeal", "me rechazaron el reclamo".
            "warranty|guarantee|refund|return|claim|exchange|replacement|reembolso|reclamo|sinistro|garantia was|got|has|is|fue|foi|_ been|sido|_ denied|rejected|declined|refused|rechazado|rechazada|negado|negada|recusado|recusada",
            "want|need|like|going|wish|quiero|quero to|_ appeal|apelar|recorrer",
            "you|u|they|airline|courier|carrier|driver|store|company|aerolinea|companhia|loja|tienda lost|misplaced|perdio|perdieron|perdeu|perderam|extraviaron|extraviou|extraviaram my|our|mi|mis|minha|meu|a|la|o|_ luggage|bag|bags|suitcase|suitcases|maleta|maletas|equipaje|mala|malas|bagagem|package|parcel|paquete|pacote",
            "perdieron|perderam|extraviaron|extraviaram|extraviou|extravio|perdeu|perdio mi|mis|minha|meu|minhas|meus|la|a|o|_ luggage|maleta|maletas|equipaje|mala|malas|bagagem|paquete|pacote",
            "luggage|bag|bags|suitcase|suitcases|package|parcel was|were|got|has|have|_ been|_ lost|misplaced",
            "revertir|revertirla|revertirlo|reverter|reverta|revertam|estornar|estornem|devolver * transferencia|transaccion|transacao|pago|pagamento|pix|cargo|compra",
            "pueden|puedes|podem|pode|podrian revertir|revertirla|revertirlo|reverter|revertela|reverte-la|estornar",
            "@charge|transfer|transferencia|transferencias|transferi|pix|sent|envie|mande|mandei|enviei|fiz|hice ** by|por|in mistake|error|engano|equivocacion|accident|accidente",
            "sent|send|transferred|transfer|paid|pay|went|gone|deposited|payment|money ** to|into the|a|an|_ wrong|incorrect account|person|recipient|iban|number",
            "transferi|transferencia|envie|mande|mandei|enviei|pague|paguei|deposite|depositei|pix|bizum|dinero|dinheiro ** cuenta|persona|conta|pessoa|destinatario|destinataria|numero|chave|alias|cbu equivocada|equivocado|errada|errado|incorrecta|incorrecto|incorreta|incorreto",
        ]),
        ("lockout", [
            "@account|@login|@card * @lock", "@lock * @account|@login|@card", "locked|blocked|shut out",
            "lockout", "too many attempts|tries", "@login * too many times",
            // "I can't log in" alone is for the AI first (a password reset); shut out of one's money, or still
            // shut out after trying, is a lockout.
            "cant|cannot|unable|couldnt get|access|use|withdraw|reach to|_ my|the|_ money|funds|savings",
            "still cant|cannot|unable|couldnt get|log|sign into|in|on|_ to|_ my|the|_ @account|app|_",
            "forgot|forgotten|lost my|the @login * cant|cannot|unable|couldnt",
            "sigo|continuo sin poder entrar|acceder", "todavia|aun|ya no puedo entrar|acceder",
            "continuo sem conseguir entrar|acessar", "ainda|continuo nao consigo entrar|acessar",
            "nao consigo mais entrar|acessar",
            "@machine * swallowed|ate|eaten|kept|took|retained|keeps|trago|retuvo|engoliu|reteve|comio * @card|mine",
            "get|getting|take|taking my|the|mi|la|meu|o @card out of|from the|an|a|_ @machine", "@card got|is|was|_ stuck|trapped inside",
            "@card got|is|was|_ stuck|trapped in|at the|an|a|_ @machine",
            // Asking to lift a block is saying there is one: "how do I unblock my PIN?", "take the block off my card".
            "unblock|unlock|desbloquear|desbloquea|desbloqueen|desbloqueie|desbloqueiem|desbloqueo|desbloqueio|desbloqueia|desbloqueas my|the|a|mi|la|el|meu|o|a|_ * card|cards|tarjeta|cartao|pin|@account",
            "take|remove|lift the|a|this block|hold off|from my|the * card|cards|@account",
            "exceeded|reached ** attempts|tries",
            "pin number|code|_ is|was|_ not|isnt|doesnt|wont|didnt|stopped|never working|work|accepted",
            "pin number|code|_ keeps|was|is|got|_ getting|being|_ rejected|declined|refused",
            "pin|clave|nip|senha * no|nao funciona|funcionan|anda|sirve|serve|aceita|acepta|pasa|passa", "demasiados intentos", "muitas tentativas",
            "swallowed|eaten|retained|kept|taken by|in the|an|a|_ @machine",
        ]),
        ("cancellation", [
            "@cancel|@delete * @subscription", 
            // An order cancelled is asked for ("I want to cancel my order"); "how do I cancel my order?" is a question.
            "want|need|wanna|like|help|trying|tried|quiero|quero|necesito|preciso to|_ @cancel my|the|this|our|an|a|mi|el|la|meu|minha|o|_ order|orders|purchase|purchases|pedido|compra",
            "@delete * @account", "deactivate|invalidate|disable my|this|the|our account|accounts",
            "no longer want|need this|my|the * @subscription", "make my|this|the account go away",
            "shut|close down|_ our|my|the ** workspace|workspaces|account|accounts|organisation|organization|team",
            // A bereavement: closing the accounts of someone who died.
            "passed|pass away|on ** @cancel|close|closing|cerrar|encerrar", "death certificate",
            "my|our late husband|wife|father|mother|dad|mum|mom|partner|son|daughter|brother|sister ** @account|@subscription|close|closing|@cancel", "died|deceased|fallecio|fallecido|fallecida|murio|faleceu|falecido|falecida|morreu ** @cancel|close|closing|cerrar|encerrar",
            "@cancel|close|cerrar|encerrar ** deceased|fallecido|fallecida|falecido|falecida",
            "end my|the|this|our contract|subscription|membership|plan", "dar|darme|darnos|den|denme|dan|demos de baja", "doy de baja", "dont renew",
            "wont|not be|_ renewing|renew", "no|nao voy|vou|vamos|quiero|quero a|_ renovar", "cancela|cancele|cancelen|cancelem|cancelar|cancelo|encerrar|encerra|encerrem a partir|desde",
            "cancel it|that|this|my|the|_ from|effective|starting|as of * date|month|end|next|today|tomorrow",
            "turn|switch off auto|automatic _|renew|renewal", "stop auto|automatic renew|renewal|billing|payments",
            "unsubscribe from|me from|_ premium|plus|pro|membership|plan",
            // "Quero rescindir o seguro do carro", "rescindir el contrato": ending a contract, in its own word.
            "rescindir|rescindo|rescinda|rescindam|rescindan|rescisao|rescision",
        ]),
    ]

    static let lexicon = LexiconSource(
        classes: [
            (.chargeWord, """
                charge charged charges charging billed debit debited debits transaction transactions payment payments
                withdrawal withdrawals purchase purchases cobro cobros cobraron cobrado cobrada cargo cargos cobranca cobrancas cobraram
                cobrou debitaram debito compra compras transaccion transacciones transacao transacoes pix saque saques retiro retiros
                """),
            (.disputeMark, """
                twice double duplicate duplicated unauthorized unauthorised fraudulent unknown unrecognized
                unrecognised overcharged wrongly wrongfully strange suspicious questionable dodgy fishy unusual unfamiliar
                desconocido desconocida indebido indebida duplicado duplicada indevida indevido estranha estranho
                """),
            (.refundWord, """
                refund refunds reimburse reimbursement reimbursed reembolso reembolsar reembolsen reembolsem
                estorno estornar ressarcimento reintegro ressarcido ressarcida ressarcir
                """),
            (.refundBlockNext, "policy policies window period rules terms guarantee politica politicas prazo regras garantia protection prevention alert alerts status estado"),
            (.legalWord, """
                attorney attorneys lawyer lawyers lawsuit litigation solicitor solicitors abogado abogados
                advogado advogados profeco procon condusef subpoena ombudsman cfpb finra
                """),
            (.personalData, """
                data information info informacion informacao datos dados details records personal
                """),
            (.deleteVerb, "delete deleting deleted erase erasing erased remove removing wipe wiping purge borrar borren eliminar eliminen apagar apaguem excluir excluam suprimir"),
            (.privacyLaw, "gdpr ccpa lgpd dsar"),
            (.medicalWord, """
                swallowed choking choked anaphylaxis anaphylactic poisoning poisoned overdose overdosed bleeding
                hospitalized hospitalised rash hives ambulance seizure seizures
                unconscious vomiting tragado tragada intoxicacion intoxicado intoxicada hospitalizado
                hospitalizada herido herida quemadura quemaduras convulsiones engoliu engasgou engasgado
                intoxicacao internado internada ferido ferida queimadura sangrando
                """),
            (.securityWord, """
                hacked hacker hackers hack hacking compromised phished scam scammed scammer scammers fraud
                fraudulent fraudster breach breached hackearon hackeado hackeada hackeo hackearam hackeada estafa
                estafaron estafado estafada estafados fraude clonada clonaron clonado clonaram  golpista invadida invadiram invadiu
                """),
            (.stolenWord, "stolen stole steal theft robbed lost snatched nicked pinched mugged pickpocketed vanished disappeared asaltaron arrebataron afanaron desaparecio sumio roubou assaltaram sumiu desapareceu robada robado robaron roubado roubada roubaram furtado furtada perdi perdio perdido perdida extravie extravio extraviada extraviado levaram furtaram"),
            (.paymentInstrument, "card cards tarjeta tarjetas cartao cartoes wallet phone celular celu telefono telefone movil movel mobile telemovel"),
            (.accountWord, "account accounts cuenta cuentas conta contas profile perfil email"),
            (.loginWord, "login log sign password passwords passcode pin contrasena senha usuario"),
            (.lockWord, """
                locked blocked suspended disabled frozen deactivated lockout bloqueada bloqueado bloquearon bloqueo
                suspendida suspendido suspensa suspenso congelada congelado desactivada desativada bloqueou
                bloquearam
                """),
            (.cancelVerb, """
                cancel cancelling canceling terminate discontinue close stop quit cancelar cancela cancelen
                cancelem encerrar cerrar
                """),
            (.subscriptionNoun, """
                subscription subscriptions membership memberships account plan service contract suscripcion
                membresia cuenta contrato servicio assinatura conta plano servico renewal
                """),
            (.machineWord, "atm atms machine cashpoint cajero cajeros caixa terminal"),
            (.vehicleWord, """
                taxi taxis cab uber lyft bus buses onibus colectivo camion metro subway tube train tren trem plane avion
                aviao flight vuelo voo car coche carro auto restaurant restaurante bar cafe
                """),
            (.foodWord, """
                food meal meals dinner lunch breakfast takeaway takeout delivery chicken fish curry lamb beef pork
                meat seafood sushi burger burgers pizza salad sandwich milk eggs shrimp prawns oysters
                comida cena almuerzo desayuno pollo pescado carne mariscos hamburguesa ensalada leche huevos
                camarones jantar almoco frango peixe camarao lanche marmita
                """),
            (.receivedVerb, "got gotten received receive recibi recibimos recebi recebemos llego chegou caiu entrou cayo"),
            (.thanksWord, "thanks thank thankyou thx ty cheers gracias obrigado obrigada valeu"),
        ],
        phrases: groupPatterns.flatMap(\.1),
        typoTolerant: "refund reembolso attorney lawyer compromised hacked subscription cancel swallowed allergic unauthorized")
}
