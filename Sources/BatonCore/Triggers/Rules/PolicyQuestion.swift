/// Questions about how a policy works, told apart from a customer's own case: the rules and the model
/// leave them to the AI ("do you offer refunds on annual plans?", "what should I do if my card is ever
/// stolen?"), while "can I get a refund?" or "my card was stolen, what do I do?" are cases.
public enum PolicyQuestion {
    /// Groups whose general questions are common and harmless: asking how refunds, charges or cancelling work.
    static let generalGroups: Set<String> = ["refund", "billing_dispute", "cancellation"]

    /// Whether `text` asks about `topic`'s policy in general: a question (by its mark or its first word) with
    /// no first person, no negation and nothing still pending in it. Only for `generalGroups`, or for any group
    /// when the question asks for a procedure ("what's the process for reporting fraud?", "¿cuál es el
    /// procedimiento si roban una tarjeta?").
    public static func asksInGeneral(_ text: NormalizedText, topic: String) -> Bool {
        guard generalGroups.contains(topic) || text.words.contains(where: procedureWords.contains), text.count > 0,
              text.questionMarks > 0 || generalOpeners.contains(text.words[0]) else { return false }
        for position in 0..<text.count {
            let word = text.words[position]
            if ownCaseWords.contains(word) || pendingWords.contains(word) || text.has(.negator, at: position) { return false }
        }
        return true
    }

    /// Whether `text` is one sentence asking what would happen under a condition: "do I get compensation if my
    /// train is late?", "what should I do if my card is ever stolen", "if I cancel, do I pay the last month?".
    /// A statement before the question ("my card was stolen, what do I do if they use it?") is a case.
    public static func asksAboutASupposition(_ text: NormalizedText) -> Bool {
        guard text.count > 1, !conditionHasHappened(text) else { return false }
        if opensWithASupposition(text) { return text.questionMarks > 0 || isOneClause(text, from: 1) }
        guard text.questionMarks > 0 || generalOpeners.contains(text.words[0]), isOneClause(text, from: 1) else { return false }
        if text.words.contains(where: conditionWords.contains) { return true }
        // "¿Qué hago si huele a gas?", "o que faço se sentir cheiro de gás?": "si" and "se" after a question word.
        guard questionWords.contains(text.words[0]) else { return false }
        for position in 1..<text.count where text.words[position] == "si" || text.words[position] == "se" {
            if position + 1 < text.count && clitics.contains(text.words[position + 1]) { continue }
            return true
        }
        return false
    }

    /// Whether the customer says outright that nothing has happened yet: "just in case", "out of curiosity",
    /// "not sure yet if I'll cancel", "por si acaso", "todavía no sé si lo voy a hacer", "só por curiosidade",
    /// "ainda não sei se vou cancelar". What follows is a question about the policy, not a case.
    /// Only in a question: "block my card just in case" asks for something done.
    public static func saysItIsOnlyAsking(_ text: NormalizedText) -> Bool {
        guard text.count > 0, text.questionMarks > 0 || generalOpeners.contains(text.words[0]) || questionWords.contains(text.words[0])
        else { return false }
        return onlyAsking.firstMatch(in: text) != nil
    }

    static let onlyAskingEntries: [(String, Bool)] = [
        ("just in case", true), ("in case it|that|this ever happens", true), ("for future reference", true),
        ("out of curiosity", true), ("asking for a friend", true), ("hypothetically|hypothetical", true),
        ("not sure yet if|whether", true), ("havent|hasnt decided|made yet|_", true), ("have not decided", true),
        ("por si acaso", true), ("por si las moscas", true), ("por las dudas", true), ("por curiosidad", true),
        ("todavia|aun no se si", true), ("no se todavia|aun si", true), ("todavia|aun no decido|decidi", true),
        ("no lo he decidido", true), ("para futuras referencias", true),
        ("por via das duvidas", true), ("por curiosidade", true), ("ainda nao sei se", true), ("nao sei ainda se", true),
        ("ainda nao decidi", true), ("so por precaucao", true), ("por precaucao", true),
        // "…if I ever need a lawyer?", "¿…por si algún día necesito un abogado?": a day that may never come.
        ("if i|we ever", true), ("in case i|we ever", true), ("si algun dia", true), ("por si algun dia", true),
        ("caso|se um|algum dia", true),
        ("solo para|pa saber", true), ("so para|pra saber", true), ("just|only want|wanted to know", true), ("pregunto nomas", true), ("pregunto nada|no mas", true),
        ("so|só perguntando", true), ("solo|nomas pregunto|preguntaba", true),
    ]
    static let onlyAsking = PhraseSet(onlyAskingEntries)
    static let lexicon = LexiconSource(phrases: onlyAskingEntries.map(\.0) + forStudyEntries.map(\.0))

    /// Whether the customer asks for their studies: "explain what a chargeback is for my homework", "what's a fraud
    /// triangle in accounting, for my exam", "es para mi tarea", "é pra minha prova". A topic's words there are
    /// course material, not a case.
    public static func isForStudy(_ text: NormalizedText) -> Bool { forStudy.firstMatch(in: text) != nil }

    static let forStudyEntries: [(String, Bool)] = [
        ("for my|our|an|a * homework|exam|exams|essay|assignment|coursework|thesis|dissertation|revision", true),
        ("para mi|mis|la|una * tarea|tareas|examen|tesis|monografia|parcial", true),
        ("para|pra|pro a|o|minha|meu|uma|um * prova|provas|tese|monografia|tcc|licao", true),
    ]
    static let forStudy = PhraseSet(forStudyEntries)

    /// Whether an English condition tells what has already happened: "what do I do if my card was stolen?", "if I
    /// lost my phone, what steps…", "what should I do if I think someone used my card?", "…if my card has been
    /// used without my permission?". Such a question is the customer's own case (public banking data labels it so);
    /// "what do I do if my card is ever stolen", "what happens if someone hacks my account" stay suppositions.
    public static func conditionHasHappened(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard let condition = words.firstIndex(where: { $0 == "if" }) else { return false }
        var position = condition + 1
        while position < words.count {
            if position > condition + 1 && text.tokens[position].flags.contains(.clauseStart) { break }
            let word = words[position]
            if word == "ever" { return false }
            if happenedWords.contains(word) { return true }
            // A perfect tense ("has been used", "I've exceeded"), not "do I have to pay".
            if perfectAuxiliaries.contains(word) && position + 1 < words.count {
                let next = words[position + 1]
                if next == "been" || next.hasSuffix("ed") || participles.contains(next) { return true }
            }
            // "…if my card got stuck", "…if my visa got stolen": a past event ("gets stolen" is a supposition).
            if word == "got" && position + 1 < words.count && (words[position + 1].hasSuffix("ed") || participles.contains(words[position + 1])) {
                return true
            }
            // "What should I do if my card is stolen?": a state now, when the customer asks what to do about it
            // ("what happens if my card is stolen?" asks about the policy).
            if (word == "is" || word == "are") && position + 1 < words.count && stateParticiples.contains(words[position + 1])
                && asksWhatToDo(text, before: condition) {
                return true
            }
            if word == "lost" && ["i", "we", "someone", "somebody"].contains(words[position - 1]) { return true }
            position += 1
        }
        return false
    }

    static let happenedWords: Set<String> = [
        "was", "did", "stole", "used", "exceeded", "noticed", "found", "think", "believe", "suspect", "thought",
        "took", "kept", "ate", "swallowed", "retained", "happened",
    ]
    /// States a card, phone or account can be in after an incident.
    static let stateParticiples: Set<String> = [
        "stolen", "lost", "missing", "blocked", "locked", "frozen", "compromised", "hacked", "swallowed", "stuck", "gone",
    ]

    /// Whether the words before `end` ask what to do ("what do I do", "what should we do", "what are the steps",
    /// "what to do"), not what would happen.
    static func asksWhatToDo(_ text: NormalizedText, before end: Int) -> Bool {
        let words = text.words[..<end]
        guard let what = words.firstIndex(of: "what") else { return false }
        let rest = words[(what + 1)...]
        return rest.contains("do") || rest.contains("steps") || rest.contains("step")
    }
    static let perfectAuxiliaries: Set<String> = ["has", "have", "had", "ive", "weve", "hes", "shes"]
    static let participles: Set<String> = ["lost", "stolen", "seen", "got", "gotten", "taken", "made", "given", "spent"]

    /// Words that open a Spanish or Portuguese question ("o" opens "o que…").
    static let questionWords: Set<String> = ["que", "como", "cual", "cuales", "qual", "quais", "o", "what", "how"]

    /// Whether `text` asks what a word means ("what does GDPR stand for", "define litigation", "what's a
    /// chargeback", "¿qué significa fraude?", "o que é LGPD"), with nobody's own case in it.
    public static func asksForADefinition(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard words.count >= 2, !words.contains(where: ownCaseWords.contains) else { return false }
        func at(_ index: Int) -> String { index < words.count ? words[index] : "" }
        // "Can you explain what a chargeback is?": the meaning asked, wherever "explain what" comes.
        if let explain = words.firstIndex(of: "explain"), at(explain + 1) == "what" { return true }
        // "What is the legal definition of fraud?", "¿cuál es la definición de estafa?".
        if questionWords.contains(words[0]) && words.prefix(6).contains(where: definitionWords.contains) { return true }
        switch words[0] {
        case "define", "definition", "meaning", "significado": return true
        case "explain": return at(1) == "what" || at(1) == "the" || at(2) == "what"
        case "whats": return at(1) == "a" || at(1) == "an"
        case "what":
            if (at(1) == "is" || at(1) == "are") && (at(2) == "a" || at(2) == "an") { return true }
            // "What is identity theft insurance", "what are phishing scams": a thing named, in a few words, with
            // nothing pointed at ("what is this charge") and nothing going on ("what is taking so long").
            if (at(1) == "is" || at(1) == "are") && words.count <= 6 && !pointedAt.contains(at(2))
                && !(1..<text.count).contains(where: { text.tokens[$0].flags.contains(.clauseStart) }) {
                return true
            }
            return at(1) == "does" && (words.contains("mean") || words.contains("stand"))
        case "que": return at(1) == "significa" || at(1) == "quiere" && at(2) == "decir" || at(1) == "es" && (at(2) == "un" || at(2) == "una")
        case "o": return at(1) == "que" && (at(2) == "significa" || (at(2) == "e" || at(2) == "sao") && !["", "isso", "isto"].contains(at(3)))
        default: return false
        }
    }

    static let definitionWords: Set<String> = ["definition", "definicion", "definicao"]
    /// What follows "what is" when it asks about something here and now, not what a thing is.
    static let pointedAt: Set<String> = [
        "this", "that", "these", "those", "the", "it", "going", "happening", "wrong", "up", "taking", "with", "your", "ur",
        "you", "u", "there", "being", "my", "our", "me",
    ]

    /// Whether the first sentence opens with "if", "si", "se" or "caso" ("sí, …" and the reflexive "se me…" do not).
    static func opensWithASupposition(_ text: NormalizedText) -> Bool {
        guard text.count > 1, openingConditions.contains(text.words[0]), !text.tokens[1].flags.contains(.clauseStart) else {
            return false
        }
        return !(text.words[0] == "se" && clitics.contains(text.words[1]))
    }

    /// Whether no clause starts after `position` (a trailing question mark starts none).
    private static func isOneClause(_ text: NormalizedText, from position: Int) -> Bool {
        guard position < text.count else { return true }
        for index in position..<text.count where text.tokens[index].flags.contains(.clauseStart) { return false }
        return true
    }

    /// Words that open a supposition at the start of a message, in three languages.
    static let openingConditions: Set<String> = ["if", "whether", "si", "se", "caso"]
    /// Conditions anywhere in a one-sentence question ("se" and "si" are too common inside a sentence).
    static let conditionWords: Set<String> = ["if", "whether", "caso"]
    /// Spanish clitics after "se" make it reflexive ("se me cobró dos veces"), not Portuguese "if".
    static let clitics: Set<String> = ["me", "te", "le", "les", "nos", "lo", "la", "los", "las"]
    /// Words that open a question when it is written without a mark.
    static let generalOpeners: Set<String> = [
        "do", "does", "are", "is", "can", "could", "what", "whats", "how", "hows", "which", "when", "where", "wheres",
        "will", "would",
    ]
    /// Words that put the customer's own case in a message: first-person pronouns and possessives, and the
    /// first-person verbs Spanish and Portuguese use without a pronoun ("quiero un reembolso").
    static let ownCaseWords: Set<String> = [
        "i", "im", "ive", "id", "ill", "me", "my", "mine", "myself", "we", "weve", "our", "ours", "us",
        "yo", "mi", "mis", "mio", "mia", "conmigo", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras",
        "eu", "meu", "meus", "minha", "minhas", "mim", "comigo", "nosso", "nossa", "nossos", "nossas",
        "quiero", "necesito", "puedo", "pido", "tengo", "compre", "pague", "hice", "devolvi", "cancele", "recibi",
        "solicite", "pedi", "quero", "preciso", "posso", "peco", "tenho", "comprei", "paguei", "fiz", "cancelei",
        "recebi", "solicitei", "consigo",
    ]
    /// A procedure asked about: "process", "procedure", "steps", "proceso", "procedimiento", "passos".
    static let procedureWords: Set<String> = [
        "process", "procedure", "procedures", "steps", "proceso", "procedimiento", "pasos", "tramite", "processo",
        "procedimento", "passos",
    ]
    /// Words that say something is still pending: a case, not a question about the rules.
    static let pendingWords: Set<String> = ["still", "yet", "already", "todavia", "aun", "ainda", "ya", "ja"]
}
