/// Fires when the customer asks for a human, formally or not, in English, Spanish or Portuguese.
///
/// Recognises: a human noun (`agent`, `real person`, `supervisor`, `ejecutivo`, `atendente`)
/// with a request or contact verb before it in the same clause (`put me through to an agent`,
/// `me pasas con un ejecutivo`, `posso falar com uma pessoa`), with `please` after it, or alone
/// in a short message (`agent`, `real person pls`); vaguer nouns (`someone`, `your team`) only
/// with a contact verb (`speak to someone`); call-back requests (`call me`); `escalate`; a bare
/// `help` or a lone `?`; and frustration with the bot itself (`this is useless`). A formal complaint
/// (`I want to file a complaint`, `quiero poner una reclamación`) fires too, as `sentiment/complaint`.
/// Typos and elongations come through the normaliser (`humna`, `agnet`, `hummmman`, `heeelp`).
/// Not fooled by `human resources`, `human-readable`, `travel agent`, `real estate agent`,
/// `add another person` or `I need help finding the size chart`.
public struct ExplicitRequestRule: TriggerRule {
    public let kind = TriggerKind.explicitRequest

    /// Compiled once per process; held here so matching skips the global lookup.
    private let phrases: PhraseSet<String?> = Self.phrases

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard context.conversation.messages[index].role == .customer else { return nil }
        let text = context.texts[index]
        if text.hasNoWords {
            guard text.questionMarks > 0 else { return nil }
            let marks = String(repeating: "?", count: min(text.questionMarks, 5))
            return FiredTrigger(kind: kind, message: index, reason: "sent only '\(marks)'", rule: "explicit_request/impatience")
        }
        guard let found = request(in: text, context, at: index) else { return nil }
        // Checked only once something would fire: most messages ask for nobody.
        return Self.isNotSaidAsARequest(text) ? nil : found
    }

    private func request(in text: NormalizedText, _ context: TriggerContext, at index: Int) -> FiredTrigger? {
        if let match = phrases.firstMatch(in: text), !Self.isNegated(text, before: match.range.lowerBound),
           !(match.payload == "complaint" && text.contains(.legalWord)), !Self.isCommandOrTitle(text, match.range) {
            // A formal complaint is a customer unhappy enough to put it on record: it hands off as how they feel
            // (`sentiment/complaint`), not as a request for a person, so the packet and the queue read it as such.
            if match.payload == "complaint" {
                return FiredTrigger(kind: .sentiment, message: index,
                                    reason: "complaint: matched '\(context.excerpt(message: index, tokens: match.range))'",
                                    rule: "sentiment/complaint")
            }
            let tag = match.payload ?? Self.languageTag(context.conversation.customer.language)
            return fired(context, index, tokens: match.range, rule: "explicit_request/\(tag)")
        }
        if let tokens = humanRequest(in: text) {
            return fired(context, index, tokens: tokens,
                         rule: "explicit_request/\(Self.languageTag(context.conversation.customer.language))")
        }
        if let tokens = bareHelp(in: text) {
            return fired(context, index, tokens: tokens, rule: "explicit_request/help")
        }
        return nil
    }

    private func fired(_ context: TriggerContext, _ index: Int, tokens: Range<Int>, rule: String) -> FiredTrigger {
        FiredTrigger(kind: kind, message: index, reason: "matched '\(context.excerpt(message: index, tokens: tokens))'",
                     rule: rule)
    }

    /// Tokens from the request verb to the human noun, when the message asks for a person.
    private func humanRequest(in text: NormalizedText) -> Range<Int>? {
        for index in 0..<text.count {
            let classes = text.classes(at: index)
            let strong = classes.contains(.humanStrong)
            guard strong || classes.contains(.humanWeak) else { continue }
            if index + 1 < text.count && text.has(.humanBlockNext, at: index + 1) { continue }
            // "travel agent", "in person", "4 personas": something else than a human to talk to.
            if index > 0 && !text.tokens[index].flags.contains(.clauseStart)
                && (text.has(.humanBlockPrev, at: index - 1) || text.tokens[index - 1].flags.contains(.number)) {
                continue
            }
            // "Call my manager on her mobile", "hablar con mi supervisor": the customer's own people, not ours.
            if index > 0 && Self.ownPossessives.contains(text.words[index - 1]) { continue }
            // "The transfer went to the wrong person": a contact verb after a determiner is a noun.
            // "I got a call from your fraud team": a call received, told as what happened.
            if let verb = verbBefore(text, index, classes: [.contactVerb, .callVerb], window: 6),
               verb == 0 || !text.has(.determiner, at: verb - 1),
               !(text.has(.callVerb, at: verb) && verb + 1 < text.count && Self.fromWords.contains(text.words[verb + 1])),
               // "Cancel my 4pm call with the design team": a calendar command.
               !(text.has(.callVerb, at: verb) && Self.calendarCommands.contains(text.words[0])) {
                return verb..<(index + 1)
            }
            guard strong else { continue }
            if let verb = verbBefore(text, index, classes: .wantVerb, window: 4) {
                if text.words[verb..<index].contains(where: Self.praiseWords.contains) { continue }
                // "No need for an agent", "I don't want a person to call": declined, not asked for.
                if verb > 0 && text.has(.negator, at: verb - 1) { continue }
                return verb..<(index + 1)
            }
            if index + 1 < text.count && text.has(.politeness, at: index + 1) { return index..<(index + 2) }
            if index + 2 < text.count && text.has(.politeness, at: index + 2) { return index..<(index + 3) }
            if text.wordCount <= 4 && onlyFiller(text, except: index) { return 0..<text.count }
        }
        return nil
    }

    /// A bare cry for help: "help", "heeelp!!", "help me please", "ayuda", "socorro".
    ///
    /// "I need help" is how most people open a chat with the bot, so a want verb only counts
    /// when the customer insists ("I need help!!").
    private func bareHelp(in text: NormalizedText) -> Range<Int>? {
        guard text.wordCount <= 4, let help = text.firstIndex(of: .helpWord) else { return nil }
        if text.contains(.wantVerb) && text.exclamationMarks < 2 && !text.tokens[help].flags.contains(.elongated) {
            return nil
        }
        return onlyFiller(text, except: help) ? 0..<text.count : nil
    }

    private func verbBefore(_ text: NormalizedText, _ index: Int, classes: WordClass, window: Int) -> Int? {
        var position = index
        var steps = 0
        while position > 0 && steps < window {
            if text.tokens[position].flags.contains(.clauseStart) { return nil }
            position -= 1
            steps += 1
            if text.has(classes, at: position) { return position }
        }
        return nil
    }

    /// Whether every word except `index` is filler, politeness or another request word.
    private func onlyFiller(_ text: NormalizedText, except index: Int) -> Bool {
        let allowed: WordClass = [.filler, .politeness, .helpWord, .humanStrong, .humanWeak, .wantVerb, .contactVerb]
        for position in 0..<text.count where position != index {
            if text.tokens[position].flags.contains(.emoji) { continue }
            if !text.has(allowed, at: position) { return false }
        }
        return true
    }

    /// Whether the request phrase `text` holds, if any, is a command or a title ("call me a taxi"): the
    /// model's `explicit_request` is held back on these too.
    static func asksForSomethingElse(_ text: NormalizedText) -> Bool {
        if isNotSaidAsARequest(text) { return true }
        guard let match = phrases.firstMatch(in: text), match.payload != "complaint" else { return false }
        return isCommandOrTitle(text, match.range)
    }

    /// A request's words quoted for translation, dictated for someone else, or asking whether the AI is a person:
    /// no request, whatever matches.
    static func isNotSaidAsARequest(_ text: NormalizedText) -> Bool {
        asksForATranslation(text) || RelayedMessage.isDictated(text) || asksWhoIsAnswering(text) || tellsWhatSomeoneDid(text)
            || asksTheAIToTalk(text) || saysNoneIsNeeded(text)
    }

    /// "No need to call me, the chat answered everything", "no hace falta que me llame nadie", "não precisa me
    /// ligar": a call or a person declined.
    static func saysNoneIsNeeded(_ text: NormalizedText) -> Bool {
        // "No need for this, get me a human": the person still asked for.
        guard !text.contains(.humanStrong) else { return false }
        let words = text.words
        for position in 0..<max(0, words.count - 1) {
            let (word, next) = (words[position], words[position + 1])
            let third = position + 2 < words.count ? words[position + 2] : ""
            if word == "no" && next == "need" { return true }
            if (word == "dont" || word == "doesnt") && next == "need" && ["to", "a", "anyone", "anybody", "someone", "you"].contains(third) { return true }
            if word == "no" && (next == "hace" && third == "falta" || next == "es" && third == "necesario") { return true }
            if word == "nao" && (next == "precisa" || next == "precisam" || next == "e" && third == "necessario") { return true }
        }
        return false
    }

    /// "Talk to me about black holes", "chat with me about something fun": the AI asked to talk, with nobody else
    /// named ("can someone talk to me", "I need a person to talk to me" ask for one).
    static func asksTheAIToTalk(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard words.count >= 3, !text.contains([.humanStrong, .humanWeak, .specialistNoun]) else { return false }
        for position in 0..<(words.count - 2) where ["talk", "speak", "chat"].contains(words[position]) {
            if ["to", "with"].contains(words[position + 1]) && ["me", "us"].contains(words[position + 2]) { return true }
        }
        return false
    }

    /// "Someone has made a withdrawal with my card", "alguien hizo un retiro", "alguém usou meu cartão": someone is
    /// the one who did something, not the one asked for.
    static func tellsWhatSomeoneDid(_ text: NormalizedText) -> Bool {
        let words = text.words
        for position in 0..<text.count where text.has(.humanWeak, at: position) {
            var next = position + 1
            while next < text.count && auxiliaries.contains(words[next]) { next += 1 }
            if next < text.count && actionsDone.contains(words[next]) { return true }
        }
        return false
    }

    private static let auxiliaries: Set<String> = [
        "has", "have", "had", "is", "was", "just", "ya", "ja", "me", "nos", "se", "do", "does", "did", "would", "will", "should", "shall",
    ]
    private static let actionsDone: Set<String> = [
        "used", "using", "made", "took", "taken", "taking", "withdrew", "withdrawn", "accessed", "spent", "stole", "hacked",
        "transferred", "opened", "changed", "logged", "hizo", "hicieron", "uso", "usaron", "saco", "sacaron", "retiro",
        "entro", "entraron", "accedio", "robo", "robaron", "cambio", "fez", "fizeram", "usou", "usaram", "sacou", "sacaram",
        "entrou", "acessou", "roubou", "tirou", "levou", "mudou", "transfirio", "transferiu",
    ]

    /// "Am I talking to a real person?", "are you a person or a bot?", "¿estoy hablando con una persona?": whether
    /// the one answering is the AI, asked in one sentence with no wish in it. "Is there a real person there?" and
    /// "are you a bot? I want a human" ask for one.
    static func asksWhoIsAnswering(_ text: NormalizedText) -> Bool {
        if asksWhetherYouAreAPerson(text) { return true }
        let words = text.words
        guard words.count >= 3, !text.contains(.wantVerb) else { return false }
        for position in 1..<text.count where text.tokens[position].flags.contains(.clauseStart) { return false }
        let (first, second) = (words[0], words[1])
        if first == "am" && second == "i" { return conversingVerbs.contains(words[2]) }
        if (first == "estoy" || first == "estou") { return conversingVerbs.contains(second) }
        return (first == "are" || first == "r") && (second == "you" || second == "u") || first == "is" && second == "this"
    }

    /// "Tell me if you are a real person or an AI", "so are you an actual person?", "could you be a real person": what
    /// the one answering is, with nobody asked for ("is there a real person?", "are you real? get me someone").
    static func asksWhetherYouAreAPerson(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard words.count >= 3, !text.contains([.humanWeak, .contactVerb]) else { return false }
        var sawYouAre = false
        for position in 0..<(words.count - 1) {
            let (word, next) = (words[position], words[position + 1])
            if ["there", "anyone", "anybody", "someone", "alguien", "alguem"].contains(word) { return false }
            // "I want to know if you are…": wanting to know, not wanting someone.
            if text.has(.wantVerb, at: position) && !(next == "to" && position + 2 < words.count && words[position + 2] == "know") {
                return false
            }
            if (word == "are" || word == "r") && (next == "you" || next == "u") || (word == "you" || word == "u") && (next == "are" || next == "r" || next == "be") {
                sawYouAre = true
            }
        }
        return sawYouAre && words.contains(where: { ["person", "human", "persona", "pessoa", "humano"].contains($0) })
            && words.contains(where: { ["real", "actual", "live", "ai", "bot", "robot", "computer", "machine"].contains($0) })
    }

    private static let conversingVerbs: Set<String> = [
        "talking", "speaking", "chatting", "texting", "messaging", "hablando", "chateando", "conversando", "falando",
        "escribiendo", "escrevendo",
    ]

    /// "How do you say 'can I speak to the manager' in French?", "translate I want to talk to a person", "¿cómo se
    /// dice…?", "como se diz…?": the words of a request quoted to be translated.
    static func asksForATranslation(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard words.count >= 3 else { return false }
        if translateWords.contains(words[0]) { return true }
        if words[0] == "how" {
            return (words[1] == "do" || words[1] == "would" || words[1] == "can") && words.count > 3 && words[2] == "you" && words[3] == "say"
                || words[1] == "to" && words[2] == "say"
        }
        return words[0] == "como" && (words[1] == "se" && (words[2] == "dice" || words[2] == "diz") || words[1] == "digo")
    }

    private static let translateWords: Set<String> = [
        "translate", "traduce", "traduci", "traducir", "traduceme", "traduz", "traduza", "traduzir", "traduzi",
    ]

    /// "call me a taxi", "llámame un uber", "who sings call me maybe", "escalate the priority of my booking":
    /// the words of a request used for something else.
    static func isCommandOrTitle(_ text: NormalizedText, _ range: Range<Int>) -> Bool {
        let next = range.upperBound
        let words = text.words[range]
        // "What do you call me?", "they call me John", "the name that you call me": how the assistant addresses the
        // customer.
        // "What would you like to call me?", "what do you want to call me": the name asked about.
        let callAt = Array(words.suffix(2)) == ["call", "me"] ? range.upperBound - 2 : Array(words.prefix(2)) == ["call", "me"] ? range.lowerBound : nil
        // "What time can you call me?" asks when, not by what name.
        if let callAt, callAt > 0,
           !text.words.prefix(callAt).indices.contains(where: { text.words[$0] == "what" && $0 + 1 < callAt && ["time", "number", "day", "hour", "date"].contains(text.words[$0 + 1]) }) {
            let before = text.words.prefix(callAt)
            let ours = callAt >= 2 && ["your", "ur", "of", "some", "can", "could", "have", "get", "let"].contains(text.words[callAt - 2])
            if ["you", "u", "they", "people"].contains(text.words[callAt - 1]) && !ours,
               before.contains(where: { ["what", "whats", "which", "how", "name", "they", "people"].contains($0) }) {
                return true
            }
            if let what = before.firstIndex(of: "what"), what + 2 < callAt, Self.auxiliaries.contains(text.words[what + 1]),
               ["you", "u", "they", "people"].contains(text.words[what + 2]) {
                return true
            }
            // "People call me Brad", "the name you should call me is Janet", "call me this new name".
            let after = text.words[(callAt + 2)..<min(callAt + 5, text.count)]
            if text.words[callAt - 1] == "people" && !ours || after.first == "is" || after.contains("name") || after.contains("nickname") {
                return true
            }
        }
        // "Pon Llámame de WRS", "toca me liga do Roupa Nova", "play call me by Blondie": a song to play.
        if words.contains(where: callWords.contains), range.lowerBound > 0, playVerbs.contains(text.words[range.lowerBound - 1]) {
            return true
        }
        guard next < text.count else { return false }
        // "You can call me James", "call me something else", "i want you to call me lord": a name to be called by,
        // where a call back is followed by when, where or why ("call me back", "call me tomorrow", "call me on
        // my mobile") or by nothing.
        if Array(words) == ["call", "me"], !text.tokens[next].flags.contains(.clauseStart),
           !text.tokens[next].flags.contains(.number), !callBackFollowers.contains(text.words[next]),
           !text.has([.humanStrong, .humanWeak, .specialistNoun, .politeness, .filler], at: next) {
            return true
        }
        if words.contains(where: callWords.contains) {
            let following = text.words[next]
            if following == "maybe" || following == "by" { return true }
            // "llama al banco" is a command; "¿me pueden llamar al celular?", "llámame al fijo" ask for a call.
            if following == "al" { return !words.contains(where: { $0 == "me" || $0 == "nos" || $0.hasSuffix("me") }) }
            // "Call me when my parcel is out for delivery", "me liga quando sair pra entrega": a notification;
            // "call me Mr Awesome": a name.
            if notificationWords.contains(following) || titleWords.contains(following) { return true }
            if objectDeterminers.contains(following) {
                // "que me llame un comercial": in Spanish the caller may come after the verb.
                if next + 1 < text.count && (text.has([.humanStrong, .humanWeak, .specialistNoun], at: next + 1)
                    || salesPeople.contains(text.words[next + 1])) { return false }
                // "call me a bit later" is still a call back.
                return !(next + 1 < text.count && ["bit", "little", "few", "couple", "poco", "pouco"].contains(text.words[next + 1]))
            }
        }
        if words.contains(where: { $0.hasPrefix("escala") }) {
            return text.words[next..<min(next + 3, text.count)].contains(where: escalateObjects.contains)
        }
        return false
    }

    private static let callWords: Set<String> = [
        "call", "phone", "ring", "llamame", "llamenme", "llama", "llamas", "llamen", "marquenme", "marcan", "marquen",
        "liga", "ligue", "liguem", "ligam", "llamar", "marcar", "telefonear", "ligar", "telefonar", "llame", "llamara",
        "llamaran", "ligasse", "contacte", "contacten", "contactara", "contactem", "contactasse", "contatem", "contatasse",
        "chamar", "chame",
    ]
    private static let objectDeterminers: Set<String> = ["a", "an", "un", "una"]
    /// Verbs that ask an assistant to play a song, before its title.
    private static let playVerbs: Set<String> = ["play", "pon", "ponme", "pone", "reproduce", "reproduci", "toca", "tocar", "reproduz", "reproduzir"]
    /// "Que me llame un comercial": who calls, after the verb.
    private static let salesPeople: Set<String> = ["comercial", "vendedor", "vendedora", "consultor", "consultora", "ejecutivo"]
    private static let ownPossessives: Set<String> = ["my", "mi", "mis", "meu", "minha", "meus", "minhas"]
    /// What follows "call me" in a request for a call: when, where, why, how soon.
    private static let callBackFollowers: Set<String> = [
        "back", "now", "asap", "today", "tomorrow", "tmrw", "tonight", "please", "pls", "plz", "pleaseee", "on",
        "at", "in", "when", "whenever", "later", "soon", "urgently", "right", "immediately", "about", "regarding",
        "re", "if", "as", "before", "after", "within", "between", "to", "from", "sometime", "and", "so", "or",
        "this", "next", "first", "thanks", "thank", "instead", "again", "directly", "straight", "quickly", "i", "we",
        "maybe", "by", "a", "an", "the", "any", "during", "around", "anytime", "tho", "though", "ok", "okay",
        "already", "yesterday", "morning", "afternoon", "evening", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "urgent", "pronto", "hoy", "manana", "amanha", "hoje", "up",
    ]
    private static let titleWords: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "senor", "senora", "senhor", "senhora",
        // "call me crazy", "llámame loco", "pode me chamar de doido".
        "crazy", "mad", "paranoid", "old", "loco", "loca", "exagerado", "exagerada", "doido", "doida", "louco", "louca",
    ]
    private static let calendarCommands: Set<String> = [
        "cancel", "move", "reschedule", "delete", "remove", "postpone", "cancela", "cancelar", "mueve", "borra", "desmarca",
        "remarca", "adia",
    ]
    /// "A call from …", "una llamada de …", "uma ligação da …": who called, not who is asked for.
    private static let fromWords: Set<String> = ["from", "de", "del", "da", "do", "dos", "das"]
    /// "when", "once", "as soon as", "cuando", "quando", "qdo": what follows is the event to be told about.
    private static let notificationWords: Set<String> = [
        "when", "once", "whenever", "as", "after", "cuando", "apenas", "quando", "qdo", "qnd", "qd", "assim", "logo",
    ]
    /// "I want to compliment your staff", "quiero felicitar a la agente": praise for people, not a request for one.
    private static let praiseWords: Set<String> = [
        "compliment", "complement", "praise", "commend", "thank", "thanks", "recognise", "recognize", "felicitar",
        "felicito", "elogiar", "agradecer", "agradezco", "agradeco", "parabenizar", "parabens", "elogio", "elogios",
        // "solo quería decir que la enfermera fue un amor": telling about a person, not asking for one.
        "say", "tell", "mention", "decir", "contar", "comentar", "mencionar", "dizer", "avisar",
    ]
    private static let escalateObjects: Set<String> = ["priority", "privileges", "permissions", "access", "prioridad", "prioridade"]

    private static func isNegated(_ text: NormalizedText, before index: Int) -> Bool {
        index > 0 && text.has(.negator, at: index - 1) && !text.tokens[index].flags.contains(.clauseStart)
    }

    static func languageTag(_ language: String?) -> String {
        guard let language, !language.isEmpty else { return "en" }
        return String(language.lowercased().prefix(2))
    }

    /// Fixed expressions, with the language they are in (nil: the customer's language).
    static let phraseEntries: [(String, String?)] = [
        ("call|phone|ring me|us", "en"), ("give me a call|ring", "en"), ("call|phone me back", "en"),
        ("request|want|need|get|schedule|arrange|book|have a|_ call|callback", "en"),
        ("@want|get|find me|us|_ @someone|@human who|that * help|fix|sort|answer|explain", "en"), ("callback please", "en"),
        ("can|could|will|would someone|somebody|anyone|anybody actually|please|just|really help", "en"),
        ("speak|talk|chat to|with the|your|_ billing|accounts|finance|claims|complaints|retention|fraud department|team|dept|desk|_", "en"),
        ("@want|get|find me|us|_ @someone|@human to help|fix|sort|assist", "en"),
        ("escalate|escalated|escalation|escalating", "en"), ("live agent|person|human|rep|representative|support|operator", "en"),
        ("not|no|stop|hate|stupid|dumb|useless|annoying the|this|a|_ bot|bots|robot|robots|chatbot", "en"),
        ("dont|not want|wanna|need * bot|robot|chatbot|machine|ai", "en"),
        ("this|that|it|you|u|bot|chatbot|ai is|are|_ useless|pointless|hopeless|worthless", "en"),
        ("thats|its|youre|ur useless|pointless|hopeless|worthless", "en"),
        ("you|u|this|it|bot are|is|arent|isnt|re|_ not helping|helpful", "en"), ("not helpful|helping at all", "en"),
        ("any|anyone|anybody humans|human|people|staff|agents * working|available|there|around|online", "en"), ("get|fetch|bring ur|your|the boss|manager|supervisor", "en"), ("hand|pass this|it|me|the conversation|chat|case|_ over|on to a|an|your|_ colleague|colleagues|coworker|human|person|team", "en"), ("anyone|anybody|someone|somebody|rep|representative ** i|we can|could talk|speak|chat", "en"), ("pessoa|atendente|alguem|humano * analisar|olhar|revisar|ver meu|minha|o|a caso|pedido|situacao|problema", "pt"), ("persona|agente|alguien|humano * analice|revise|vea|mire|analizar|revisar|ver mi|el|la caso|pedido|situacion|problema", "es"), ("me coloca|coloque|coloquem|coloca em contato|contacto", "pt"), ("me pone|ponga|pongan|ponen en contacto", "es"), ("marcar|agendar uma|um chamada|ligacao|call|reuniao com", "pt"), ("agendar|programar una llamada|reunion con", "es"), ("me contacte|contacten|llame|llamen un|una representante|asesor|asesora|agente|ejecutivo|ejecutiva|persona", "es"), ("anybody|anyone|somebody|someone real|human|alive|actual there|_", "en"), ("youre|ur|its|thats not helping|helpful", "en"), ("arent|isnt helping|helpful", "en"),
        ("anyone|anybody|someone|somebody there|here|around|available", "en"),
        ("someone|somebody|anyone|anybody|person|number i|we can|could call|phone|ring|talk|speak", "en"),
        ("any|a real|_ human|humans|person|people|agent|agents here|there|around|available|online", "en"),
        ("hay alguien ahi|alli|disponible", "es"), ("tem|ha alguem ai|ae|disponivel", "pt"),
        ("real|actual|actual|live human|person|people|agent|someone|somebody|persona|humano|pessoa", "en"),
        ("get me out of here|this", "en"), ("put|get me through|thru", "en"), ("pass|hand me to|over", "en"), ("whoever|whoevers is|_ in charge", "en"),
        ("who|whom do|can|should|could i|we speak|talk to|with", "en"), ("@contact * customer|client service|support|care", "en"),
        // A formal complaint hands off as sentiment (see `evaluate`); before an authority it is a legal matter instead.
        ("file|make|lodge|submit|raise|register|open|put|have a|an|my|_ formal|official|consumer|customer|written|_ @complaint", "complaint"),
        ("want|need|like|wish to complain", "complaint"), ("poner|presentar|hacer|levantar una|un|mi _|formal @complaint", "complaint"),
        ("fazer|abrir|registrar uma|um|minha _|formal @complaint", "complaint"), ("quiero|quero quejarme|reclamar", "complaint"), ("put|get me in touch", "en"),
        ("would|id like a|an|the|_ @human", "en"), ("let me speak|talk to someone|somebody|a", "en"),
        ("llamame|llamenme|marquenme|hableme", "es"), ("me llamen|llamas|llama|llame|marcan|marquen", "es"),
        ("atencion|ayuda|trato humana|humano|personalizada|personal", "es"),
        ("no quiero hablar con|a un|una|el|_ bot|robot|maquina", "es"), ("escalar|escalen|escala el|mi|este|_ caso|reclamo|problema", "es"),
        ("me liga|ligue|liguem|ligam", "pt"), ("ligar|ligue para|pra mim", "pt"),
        ("atendimento humano|pessoal|real", "pt"),
        ("nao quero falar com um|uma|o|_ robo|bot|maquina", "pt"),
        // A call back asked with a modal: "me pueden marcar al celular?", "vcs podem me ligar?".
        ("me pueden|puede|podrian|podria|podes|puedes|podran llamar|marcar|telefonear|contactar", "es"),
        ("podem|pode|poderiam|poderia|podia|consegue|conseguem|conseguiriam me ligar|telefonar|contatar|contactar|retornar", "pt"),
        // The pronoun after the verb: "pueden llamarme mañana?", "podrían contactarnos".
        ("pueden|puede|podrian|podria|podes|puedes|podran|podrias llamarme|llamarnos|marcarme|marcarnos|contactarme|contactarnos|telefonearme", "es"),
        // "Pode transferir pro suporte?", "consegue passar para um atendente?".
        ("pode|podem|poderia|poderiam|consegue|conseguem transferir|passar|encaminhar pro|pra|para|ao|com|_ um|uma|o|a|_ suporte|atendimento|atendente|humano|pessoa|setor|gerente|supervisor|responsavel", "pt"),
        // A person asked to look at the case: "mejor que lo vea un agente", "prefiro que uma pessoa veja",
        // "can someone look into this".
        ("mejor|prefiero|preferiria|quiero|quisiera|necesito que lo|la|me|_ vea|revise|mire|atienda|resuelva|vean|revisen|atiendan ** @human|alguien", "es"),
        ("mejor|prefiero|preferiria|quiero|quisiera|necesito que un|una|el|la|alguien|_ @human|_ ** vea|revise|mire|atienda|resuelva|llame", "es"),
        ("melhor|prefiro|preferia|preferiria|quero|queria|gostaria|preciso que um|uma|o|a|_ @human|alguem ** veja|olhe|analise|resolva|atenda|cuide|verifique|ligue", "pt"),
        ("can|could|will|would|please|need|want|like|get|have|let someone|somebody|anyone|anybody to|_ look|looking at|into|over", "en"),
        ("can|could|will|would|please|need|want|like|get|have|let a|an|the|_ real|actual|_ @human to|_ look|looking at|into|over", "en"),
        // Someone on the phone or in touch: "get me someone from the depot on the phone", "can a member of your
        // billing team get in touch".
        ("get|put me|us|someone|somebody|a|an ** on the phone|line", "en"), ("get me someone|somebody", "en"),
        ("get|be|getting in touch with me|us", "en"), ("@someone|@human|member|members ** get|be|getting in touch", "en"),
        // Someone asked to call or write: "necesitamos que un ingeniero se ponga en contacto", "gostaria que um
        // consultor me contactasse", "me gustaría que me llamara un comercial", "mándame a alguien que sepa".
        // Patterns shared by Spanish and Portuguese carry nil: the customer's language names the rule.
        ("que|q ** @human|alguien|alguem ** me|nos|se llame|llamara|llamen|llamaran|contacte|contacten|contactara|contactaran|comunique|comunicara|comunicaran|ponga|pongan|pusiera|pusieran|ligue|liguem|ligasse|ligassem|contactem|contactasse|contactassem|contate|contatem|contatasse|contatassem|telefone|telefonem|telefonasse|telefonassem|retorne|retornem|devuelva|devuelvan", nil),
        ("que|q me|nos llame|llamara|llamen|llamaran|contacte|contacten|contactara|ligue|liguem|ligasse|contactem|contactasse|contatem|contatasse|retorne|retornem", nil),
        ("mandame|mandenme|mandeme|enviame|envienme|manda|mande|mandem|envia|envie|enviem|me|nos a|_ alguien|alguem|@human", nil),
        ("devolver|devolverme|devuelvan|devuelva|devuelve|devolviera|devolvam|devolva|retornar|retornem|retorne|return la|a|my|our|_ llamada|ligacao|call|calls", nil),
        ("alguien|alguem|someone|somebody con|com|with quien|quem|whom yo|eu|i|_ pueda|possa|can|could", nil),
        // The customer's account manager is ours: "preciso falar com o meu gestor de conta", "my account manager".
        ("@contact ** gestor|gerente|ejecutivo|executivo|asesor|assessor de|da cuenta|conta", nil), ("@contact ** account manager|rep|representative|advisor|adviser|executive", "en"),
        ("account manager|rep|representative|advisor|adviser|executive ** reach|call|contact|ring|phone|email|get", "en"),
        ("reach|reaching out to me|us", "en"), ("like|want|need|request|prefer|appreciate a|_ call|callback|ring from", "en"),
        ("ligar|liguem|ligue|telefonar|telefonem|telefone|contactar|contactem|contatar|contatem me|nos", "pt"),
        // "can a person take over", "que una persona se encargue", "que um humano assuma".
        ("@human|@someone|@specialist|member|members ** take|takes|taking this|it|_ over", "en"),
        // "would a pharmacist be able to give me a bell", "have a representative contact me", "can the front desk phone me".
        ("give me|us a bell|buzz|shout", "en"), ("@human|@someone|@specialist|desk|member|members ** call|phone|ring|contact|email|text me|us", "en"),
        ("book|schedule|arrange|request|want|like a|an phone|telephone|video|call appointment|consultation|meeting", "en"),
        ("em|en contato|contacto comigo|conmigo|connosco|conosco", nil), ("que|q ** @human|alguien|alguem ** encargue|encarguen|ocupe|assuma|assumam|cuide", nil),
        // Last, so a longer request at the same place explains itself ("pásame con alguien"): "transfer me to
        // whoever handles disputes", "me transfere pro financeiro", "comuníqueme con facturación".
        ("transfer|connect|redirect|forward me|us to|with|through", "en"),
        ("transfiere|transfiereme|transfierame|transfieranme|comuniqueme|comunicame|comuniquenme|conecteme|conectame|derivame|derivenme con", "es"),
        ("transfiereme|transfierame|transfieranme|comuniqueme|comunicame|comuniquenme|derivame|derivenme al|a", "es"),
        ("me transfere|transfira|transfiram|encaminha|encaminhe|direciona|direcione|conecta|conecte pro|pra|para|com|ao|a|o", "pt"),
        ("me passa|passe|coloca|coloque com|pro|pra|ao|no", "pt"),
    ]

    static let phrases = PhraseSet(phraseEntries)

    static let lexicon = LexiconSource(
        classes: [
            (.humanStrong, """
                human humans hooman hoomans humano humanos person persona personas pessoa pessoas agent agents agente agentes
                representative representatives rep reps operator operador operadora supervisor supervisora
                manager gerente ejecutivo ejecutiva executivo executiva asesor asesora assessor atendente
                staff employee empleado funcionario funcionaria specialist especialista encargado responsable
                assistente asistente pharmacist nurse engineer technician advisor adviser consultant assessor adjuster
                pharmacists nurses engineers technicians advisors advisers consultants assessors reception receptionist
                recepcion recepcao recepcionista concierge veterinario veterinaria vet
                farmaceutico farmaceutica enfermero enfermera enfermeira ingeniero ingeniera engenheiro
                engenheira tecnico tecnica perito perita consultor consultora colaborador colaboradora gestor gestora
                """),
            (.humanWeak, "someone somebody anyone anybody sum1 some1 any1 alguien alguem team equipo equipe people gente"),
            (.wantVerb, """
                want wanna need needs rather get give request requesting demand prefer
                quiero quisiera necesito deseo pido exijo requiero prefiero quero queria preciso gostaria exijo peco
                """),
            (.contactVerb, """
                speak speaking talk talking chat chatting connect connecting transfer transferring reach
                contact contacting hablar habla hablo platicar conversar comunicar comunicarme comunicame comuniquen pasar
                pasame pasas pasen paseme pase passa passar passe transferir transfiere transfiereme transfira
                transfere transferencia atienda atiendan atender atenda atendam atende falar fala falo conversar
                comunicas comunica comunican comuniques comuniqueme comuniquenme comunicarse transfieres transfieran
                pasan pasenme pasarme conectas conecta conectame
                conectarme passe passem chama chame contacto contato tratar
                """),
            (.callVerb, "call phone ring llamar llamen llamada ligar ligue ligacao telefonear"),
            (.politeness, "please pls plz plox favor porfa porfavor pf pfv now asap urgently"),
            (.helpWord, "help helpp ayuda ayudame ayudenme auxilio ajuda ajudem ajudar socorro sos"),
            (.filler, """
                me i a an the now real live actual just only some one someone somebody anyone anybody here there
                is hello hi hey urgent yo mi eu hola oi ola alguien alguem un una um uma o el la con com to with
                please need want talk speak por favor
                """),
            (.humanBlockNext, "resources resource readable rights error errors nature race trafficking body anatomy virtual social"),
            (.humanBlockPrev, """
                travel estate insurance shipping customs booking rental secret free another extra additional second
                third each per every other user chemical cleaning double account password project property ad ads
                otra otro outra outro
                delivery courier driver mail postal sports talent booking leasing in first last
                two three four five six seven eight ten dos tres cuatro cinco seis duas quatro
                """),
            // Ordinary words one typo away from a typo-tolerant one: known, so never "corrected".
            (WordClass(), """
                agenda agendas agency agencies urgent manage managed manages managing management humane humor humid
                personal personnel cancer canceled cancelled cancels hacker hackers lawyer
                """),
            // "a", "o", "la", "los" are prepositions or pronouns too ("voy a hablar", "me la pasas"), so they are not here.
            (.determiner, "the my your our their his her this that these those el mi mis tu su meu minha seu sua"),
            (.complaintWord, "complaint complaints grievance queja quejas reclamacion reclamaciones reclamo reclamacao reclamacoes"),
        ],
        phrases: phraseEntries.map(\.0),
        typoTolerant: """
            human humano person persona pessoa agent agente representative supervisor operator someone somebody
            manager escalate useless
            """)
}
