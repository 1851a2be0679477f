/// Scores a customer message from -1 (furious) to 1 (delighted).
///
/// Lexicon-based, in English, Spanish and Portuguese: each known word has a valence; a negator
/// up to three words before it in the same clause flips and softens it ("not happy", "not bad");
/// intensifiers and diminishers scale it; elongated or shouted words weigh more; idioms are
/// scored as a whole before single words ("dying to try", "this deal is killer", "no worries",
/// "sick of", "losing my patience"); emoji count like words; a message shouted in capitals
/// leans negative. The sum is squashed into [-1, 1] so a single strong word lands near -0.7.
public struct SentimentScorer: Sendable {
    public init() {}

    /// Scores raw text.
    public func score(_ text: String) -> Double { score(TextNormalizer.normalize(text)) }

    /// Scores text already normalised; `countShouting: false` leaves out the lean for capitals,
    /// to tell angry capitals from a customer who simply types in capitals.
    public func score(_ text: NormalizedText, countShouting: Bool = true) -> Double {
        analyze(text, countShouting: countShouting).score
    }

    /// A score and the most negative single cue behind it.
    public struct Reading: Sendable, Equatable {
        public var score: Double
        /// The most negative word or idiom after negation and intensifiers (0 when none), leaving out
        /// words that name what happened ("scammed", "stolen", "locked"): tells feelings ("terrible",
        /// "very bad", "losing my patience") from a pile of problem words ("late", "damaged", "missing")
        /// that only add up, and from an incident, which the policy topic reports.
        public var strongestFeeling: Float
    }

    /// Words that name an incident: negative, but a fact to act on more than a feeling.
    static let incidentWords: WordClass = [.securityWord, .stolenWord, .lockWord, .medicalWord]

    /// Scores `text` and reports its strongest negative feeling.
    public func analyze(_ text: NormalizedText, countShouting: Bool = true) -> Reading {
        let count = text.count
        guard count > 0 else { return Reading(score: 0, strongestFeeling: 0) }
        var strongestFeeling: Float = 0
        let idioms = Self.idioms
        var sum: Float = 0
        var coveredUntil = 0
        var position = 0
        // What comes before "but" weighs half: "that level was a nightmare but I finally beat it".
        let contrast = Self.firstContrast(in: text)
        // "Oh brilliant, the app crashed again 🙄", "Genial, otra vez se cayó… qué maravilla 🙃": praise said with
        // an eye-roll about something gone wrong is sarcasm, and its praise counts against.
        let sarcastic = Self.isSarcastic(text)
        while position < count {
            let weight: Float = position < contrast ? 0.5 : 1
            if position >= coveredUntil, let idiom = idioms.match(in: text, at: position) {
                sum += idiom.payload * weight
                strongestFeeling = min(strongestFeeling, idiom.payload * weight)
                coveredUntil = idiom.range.upperBound
                position = idiom.range.upperBound
                continue
            }
            if position < coveredUntil {
                position += 1
                continue
            }
            let token = text.tokens[position]
            var valence = token.valence
            if sarcastic && valence > 0 && !token.flags.contains(.emoji) { valence = -valence }
            if valence != 0 {
                valence *= modifier(text, at: position)
                if token.flags.contains(.elongated) || token.flags.contains(.shouted) { valence *= 1.25 }
                if text.precededInClause(by: .negator, at: position, window: 3) {
                    valence *= valence > 0 ? -0.75 : -0.4
                }
                valence *= weight
                sum += valence
                if token.classes.isDisjoint(with: Self.incidentWords) { strongestFeeling = min(strongestFeeling, valence) }
            }
            position += 1
        }
        // "This weather is the worst lol": laughing at it, half as negative.
        if sum < 0 && Self.laughterTokens.containsAny(in: text) { sum *= 0.5 }
        if sum < 0 && text.exclamationMarks >= 2 { sum *= 1.2 }
        if countShouting && text.isShouting() && text.wordCount >= 2 && sum <= 0 { sum -= 0.35 }
        let squashed = Double(sum) / (Double(sum * sum) + 0.6).squareRoot()
        return Reading(score: max(-1, min(1, squashed)), strongestFeeling: strongestFeeling)
    }

    /// Whether `text` rolls its eyes (🙄, 🙃) at something gone wrong: a word of repetition ("again", "otra vez",
    /// "de novo") or another negative word besides the emoji.
    /// Without an emoji, praise opened by "oh" ("oh fantastic, another 'we're looking into it'") counts the same.
    /// Praise said on its own before the news ("Fantastic. The driver cancelled for the fourth time tonight",
    /// "Maravilha. Cancelou pela quarta vez") counts the same, unless the message thanks ("Perfect, thanks again!").
    static func isSarcastic(_ text: NormalizedText) -> Bool {
        let opensWithMockPraise = text.count > 1 && mockOpeners.contains(text, at: 0) && text.tokens[1].valence > 0
        let opensWithBarePraise = text.count > 2 && text.tokens[0].valence > 0 && text.tokens[1].flags.contains(.clauseStart)
            && !text.contains(.thanksWord)
        guard opensWithMockPraise || opensWithBarePraise || eyeRollTokens.containsAny(in: text) else { return false }
        for position in 0..<text.count {
            if repetitionTokens.contains(text, at: position) || ordinalTokens.contains(text, at: position) { return true }
            let token = text.tokens[position]
            if token.valence < 0 && !token.flags.contains(.emoji) { return true }
        }
        return false
    }

    static let eyeRollTokens = TokenWordSet(["🙄", "🙃"])
    static let mockOpeners = TokenWordSet(["oh", "ooh", "wow", "ah", "uy", "ay", "nossa", "ai"])
    static let repetitionTokens = TokenWordSet(["again", "another", "vez", "novo", "nuevo", "otro", "otra", "outro", "outra"])
    /// "For the fourth time", "por cuarta vez", "pela quarta vez", "cuarto día esperando": the count of a repetition.
    static let ordinalTokens = TokenWordSet([
        "third", "fourth", "fifth", "sixth", "tenth", "umpteenth", "nth", "tercera", "tercer", "tercero", "cuarta", "cuarto",
        "quinta", "quinto", "terceira", "terceiro", "quarta", "quarto",
    ])

    /// Laughter that makes a complaint a joke; "😂" is already positive in the lexicon.
    static let laughter: Set<String> = ["lol", "lmao", "haha", "hahaha", "jaja", "jajaja", "kk", "kkk", "kkkk", "rsrs"]

    /// Words that turn a sentence ("but", "however", "pero", "porém"); "mas" is left out, being Spanish "more"
    /// as well as Portuguese "but".
    static let contrastWords: Set<String> = ["but", "however", "pero", "porem"]

    /// `laughter` and `contrastWords` asked by token: hashing every word of every customer message was about 4 % of the engine's time.
    static let laughterTokens = TokenWordSet(laughter)
    static let contrastTokens = TokenWordSet(contrastWords)

    /// The position of the first contrast word with words before it, or 0 when there is none.
    static func firstContrast(in text: NormalizedText) -> Int {
        guard text.count > 2 else { return 0 }
        for position in 1..<text.count where contrastTokens.contains(text, at: position) { return position }
        return 0
    }

    /// Scale from up to two intensifiers or diminishers right before `position` ("so very bad"), same
    /// clause; another word in between ends them ("too many wrong attempts" is not "too wrong").
    private func modifier(_ text: NormalizedText, at position: Int) -> Float {
        var factor: Float = 1
        var index = position
        var steps = 0
        while index > 0 && steps < 2 {
            if text.tokens[index].flags.contains(.clauseStart) { break }
            index -= 1
            steps += 1
            let classes = text.classes(at: index)
            if classes.contains(.intensifier) {
                factor *= 1.4
            } else if classes.contains(.diminisher) {
                factor *= 0.6
            } else {
                break
            }
        }
        return factor
    }

    /// A customer about to leave: "thinking of switching to another bank after this", "me voy a cambiar de
    /// compañía", "vou mudar de operadora". A plan or a city changed is not leaving ("switch to another plan"),
    /// nor is coming to us from another ("if I switch to you from another network").
    static let leavingPatterns: [String] = [
        "switch|switching|leave|leaving|go|going to|with|for|_ a|the|_ another|different|competing|other bank|provider|company|network|carrier|supplier|insurer|operator|airline|gym|competitor|competition",
        "switch|switching|leave|leaving|go|going|move|moving to|with|for a|the|_ competitor|competitors|competition|rival|rivals",
        "take|taking my|our business elsewhere|somewhere", "take|taking my|our business to|with a|the|_ another|different|competing|other|competitor|competition",
        "me voy|vamos a cambiar|pasar|ir de|a|con compania|banco|operador|operadora|proveedor|aseguradora|empresa|otra|otro|la",
        "me voy|paso|cambio|vamos ** competencia", "vou|vamos mudar|trocar|sair de|da|do operadora|banco|empresa|seguradora|provedor",
        "vou|vamos pra|para|pro a|_ concorrencia|concorrente",
    ]
    static let leaving = PhraseSet(leavingPatterns.map { ($0, ()) })

    /// Whether the customer says they are leaving for another provider (`leavingPatterns`).
    public static func threatensToLeave(_ text: NormalizedText) -> Bool {
        leaving.firstMatch(in: text) != nil
    }

    /// Multi-word expressions scored as a whole, before their single words.
    static let idiomEntries: [(String, Float)] = leavingPatterns.map { ($0, -0.8) } + [
        // Figures of speech that look negative but are not.
        ("dying to", 0.4), ("to die for", 0.5), ("kill for", 0.2), ("killing it", 0.5),
        ("deal|price|prices|offer|app|feature|features|update|design|this|that|it is|looks|was|so killer", 0.5),
        ("killer deal|price|prices|offer|app|feature|features|update|design", 0.5),
        ("update|app|design|game|deal|feature|features|interface|camera|version|look|style|this|that|it is|looks|was|looking|so sick", 0.5),
        ("thats|its|looks|totally|pretty sick", 0.5), ("sick update|app|design|game|deal|feature|features", 0.5),
        // "that new pizza deal is insane": praise for an offer, not anger.
        // "Your prices are insane" stays negative: only offers are praised this way.
        ("deal|deals|offer|offers|sale|discount|discounts is|are|was|looks|so insane|crazy", 0.5),
        ("insane|crazy deal|deals|offer|offers|sale|discount|discounts", 0.5),
        ("not bad at all", 0.5), ("cant complain", 0.4), ("cant wait", 0.5), ("no complaints", 0.4),
        // Polite closings.
        ("no worries|problem|problems|prob|probs", 0.3), ("all good", 0.3), ("sin|sem problema|problemas", 0.3),
        ("no pasa nada", 0.2), ("de nada", 0.2), ("tudo bem|bom|certo", 0.2), ("esta bien", 0.2),
        ("thats all", 0.1), ("fair enough", 0.2), ("no thanks|thank|gracias|obrigado|obrigada|thx", 0.2),
        ("didnt|doesnt|dont|not|wont help|helpful", -0.4),
        // Negative expressions.
        ("sick of", -0.7), ("sick and tired", -0.8), ("killing me", -0.5), ("thanks|thank for nothing", -0.7),
        ("waste of time|money", -0.7), ("wasting my time", -0.7),
        ("not what i asked|wanted|ordered|needed|requested", -0.4), ("fed up", -0.7), ("had enough", -0.6),
        ("wits end", -0.7), ("last straw", -0.8), ("never again", -0.6), ("enough is enough", -0.8),
        ("ripped|ripping off", -0.8), ("rip off", -0.8), ("so|im|am|were done with you|this|your", -0.7),
        ("losing|lost|lose my|all|the|_ patience", -0.8), ("run|running|ran out of patience", -0.8),
        ("out of patience", -0.8), ("doesnt|dont|isnt|didnt|wont|not|aint work|working|works|worked", -0.4),
        ("still not|isnt|doesnt work|working|works", -0.4),
        ("no funciona|sirve|sirven|funcionan", -0.4), ("nao funciona|serve|presta|funcionam", -0.4),
        ("nobody|noone is|_ helping|responding|answering|replying|answers|responds|helps", -0.6),
        ("no one is|_ helping|responding|answering|replying|answers|responds|helps", -0.6),
        ("nobody|noone has|have|_ fixed|helped|responded|answered|replied|called|contacted|bothered|come", -0.6),
        ("no one has|have|_ fixed|helped|responded|answered|replied|called|contacted|bothered|come", -0.6),
        ("nadie me responde|ayuda|contesta|atiende|resuelve", -0.6), ("ninguem me responde|ajuda|atende|resolve", -0.6), ("ninguem|nadie resolve|resolver|resuelve", -0.6),
        ("falta de respeto|respeito", -0.7), ("what|such a joke", -0.8), ("is this a joke", -0.8), ("this|that|it is a joke", -0.8),
        ("thats|its|youre|ur a joke", -0.8),
        ("hate to", 0), ("from|in|to|the|my trash|bin|recycle|garbage|basura|papelera|lixeira", 0), ("stupid|dumb|silly question", 0), ("poor|bad|terrible|awful service|support", -0.7),
        ("estoy|muy|tan|estamos molesto|molesta|molestos|molestas", -0.7),
        ("sofri|cai|caimos|levei um|num|em|_ golpe", -0.7), ("e|eh|foi golpe", -0.7), ("not|isnt|never acceptable", -0.7), ("not|isnt ok|okay|fair|right", -0.45),
        ("not good enough", -0.6), ("no es aceptable|normal|justo", -0.7), ("nao e aceitavel|normal|justo", -0.7), ("mal|malo|mala|pesimo|pesima|horrible servicio|atencion|trato", -0.7),
        ("servicio|atencion malo|mala|pesimo|pesima|horrible", -0.7), ("que mal", -0.6),
        ("mau|ruim|pessimo|horrivel atendimento|servico", -0.7), ("atendimento|servico ruim|pessimo|horrivel", -0.7), ("tomando el pelo", -0.6), ("que verguenza|vergonha", -0.7),
        ("waiting for|since * hours|days|weeks|months", -0.4), ("been waiting", -0.3),
        // Having to say it again: "I've asked three times already", "third time I'm writing".
        ("asked|told|said|explained|called|written|wrote|messaged|emailed|contacted * times already", -0.75),
        ("asked|told|said|explained|called|written|wrote|messaged|emailed|contacted you|_ twice|thrice already", -0.75),
        ("third|fourth|fifth time i|im|ive", -0.6), ("ya les|te dije|pregunte|escribi * veces", -0.75),
        ("ja falei|perguntei|escrevi * vezes", -0.75),
        // The bot's promise heard before: "you said that a week ago", "me dijeron lo mismo ayer".
        ("you|u said|told me|_ that|this|it * before|already|yesterday|ago|again|too|last", -0.6),
        ("you|u said|told me|_ the same * before|already|yesterday|ago|again|too|last", -0.6),
        ("me dijiste|dijeron|dijo eso * ayer|antes|ya", -0.6), ("me dijiste|dijeron|dijo lo mismo * ayer|antes|ya", -0.6),
        ("me falaram|disseram|disse isso * ontem|antes|ja", -0.6),
        ("eso|esto me dijiste|dijeron|dijo hace|ayer|antes", -0.6), ("isso me falaram|disseram|disse|falou ha|faz|ontem|antes", -0.6), ("me falaram|disseram|disse o mesmo * ontem|antes|ja", -0.6),
        // Exasperated slang that is a word only together.
        ("for gods|fucks|petes|christs sake", -0.7), ("no mames|manches|jodas", -0.7), ("que|q mamera|bronca|saco|porra", -0.7),
        ("de puta madre", 0.5), ("puta madre", -0.8), ("puta que pariu|pario", -0.8),
        ("what the hell|heck", -0.7), ("are|r you|u kidding|joking me", -0.7), ("es el colmo", -0.7), ("ta|esta de sacanagem|brincadeira", -0.7), ("me tienen podrido|podrida|harto|harta", -0.8),
        ("perdida de tiempo", -0.7), ("perda de tempo", -0.7), ("thanks for ruining|wasting", -0.8), ("thank you for ruining|wasting", -0.8),
        // "how hard is it to deliver one parcel", "¿tan difícil es…?", "é tão difícil assim?".
        ("e|sao|es|son|are|is uma|una|a piada|broma|chiste", -0.8), ("how hard is|can it|that", -0.7), ("tan|que tan dificil es|era", -0.7), ("e|eh|era tao dificil", -0.7),
        // Sarcastic thanks ("gracias genio" is often sincere in Spanish, so only English).
        ("thanks|thankyou genius|einstein|sherlock", -0.7), ("thank you genius|einstein|sherlock", -0.7),
        // "You guys are a joke", "que piada, o bot me manda pro FAQ de novo", "do you even read what I write?", "stop
        // telling me to check the FAQ".
        ("you|u|yall|guys|people are|r|re a joke|clowns|farce", -0.8), ("que|q piada|chiste|broma", -0.6),
        ("do|does you|u|it|anyone even read|listen|understand", -0.7),
        ("stop|quit|deja|dejen|para|pare|parem de|_ telling|sending|mandarme|mandar|mandando|me * faq|faqs|link|links|article|articles|articulo|artigo|help", -0.8),
        ("faq|faqs|link|article|articulo|artigo ** again", -0.6),
        // "The fourth email I've sent", "thanks a lot for wasting my afternoon", "complete joke", "just answer the question".
        ("third|fourth|fifth|sixth|umpteenth|tenth|nth email|emails|message|messages|call|calls|letter|complaint|chat", -0.7),
        ("thanks|thank a|so lot|much for wasting|ruining", -0.8), ("complete|total|absolute joke|farce|shambles|disgrace", -0.8),
        ("just answer the|my question", -0.7), ("so over this|it", -0.6),
        ("hasta la madre", -0.8), ("me cago en", -0.8), ("puta da vida", -0.8), ("a punto de explotar", -0.7), ("quase explodindo", -0.7),
        ("obrigado|obrigada|gracias por nada", -0.7), ("que|q rabia|raiva", -0.7), ("me estas|estan|esta jodiendo", -0.8),
        ("no les|te creo nada", -0.6), ("tercer|cuarto|quinto|sexto dia|semana esperando", -0.6), ("terceiro|quarto|quinto|sexto dia|semana esperando", -0.6), ("faq|faqs|link|articulo|artigo ** de nuevo|novo", -0.6),
        ("faq|faqs|link|articulo|artigo ** otra|outra vez", -0.6),
    ]

    static let idioms = PhraseSet(idiomEntries)

    /// Words, valences and modifiers this scorer contributes to the lexicon.
    static let lexicon = LexiconSource(
        classes: [
            (.negator, """
                not no never dont doesnt didnt isnt wasnt arent werent cant cannot couldnt wont wouldnt shouldnt
                havent hasnt hadnt aint nothing nobody none neither nor without hardly barely
                nunca jamas jamais nao nem ni sin sem tampoco nadie ninguem nada
                """),
            (.intensifier, """
                very so really extremely super totally absolutely completely incredibly utterly too most
                seriously such fucking freaking damn bloody truly
                muy tan demasiado bastante realmente totalmente sumamente muito demais tao bem extremamente
                """),
            (.diminisher, "bit little slightly somewhat kinda kind sorta fairly rather poco pouco meio algo"),
        ],
        valences: [
            // English, negative.
            (-0.95, "worst"),
            (-0.9, "furious livid outraged disgusted atrocious abysmal appalling"),
            (-0.8, """
                terrible horrible awful horrendous garbage trash rubbish pathetic unacceptable disgusting
                disgraceful shameful outrageous infuriating incompetent incompetence nightmare scam
                scammers thieves robbery hate hated hateful crap crappy shit shitty sucks bullshit
                fraudsters liars lying pissed enraged ripoff
                """),
            (-0.7, """
                useless pointless ridiculous absurd angry mad frustrating frustrated disappointing
                unbelievable insane stupid dumb idiot idiots idiotic lousy furious annoyed annoying fed
                upset unhappy worthless clueless careless ignored rude disrespectful dreadful fuming
                hopeless nonsense unreliable unprofessional shambles shambolic inept infuriated exasperated
                liars lied cheats cheating ignoring robbing clowns morons wtf ffs fml omfg wtaf smh wth jfc
                dissatisfied
                """),
            (-0.6, "disappointed inexcusable horrific scammed cheated sucked ruined ruining"), (-0.5, "ugh ughh argh grr"),
            (-0.5, """
                bad worse broken failing failed fail fails slow unfair wasted waste kill sad
                wrong mistake mess messed shocking confusing confused complaint complain complaining
                terribly badly damaged defective faulty
                """),
            (-0.3, "error errors poor poorly demora problem problems issue issues missing late delay delayed waiting annoy tired worried unclear stuck dying dead"),
            // English, positive.
            (0.8, "amazing fantastic wonderful excellent outstanding superb brilliant perfect"),
            (0.7, "awesome love loved lovely great best delighted thrilled impressed fabulous"),
            (0.6, "happy glad nice helpful appreciate appreciated pleased satisfied enjoy enjoyed beautiful"),
            (0.5, "good thanks thank thankyou thx ty cheers cool fine fast quick sweet"),
            (0.3, "ok okay haha hahaha lol like works solved resolved fixed better"),
            // Spanish.
            (-0.9, "pesimo pesima peor"),
            (-0.8, """
                horrible horrendo terrible burla verguenza asco asqueroso inaceptable basura porqueria
                estafa ladrones mierda harto harta indignante vergonzoso ridiculo
                """),
            (-0.7, "payasos enojado enojada furioso furiosa inutil inutiles absurdo decepcionado decepcionada joder carajo insatisfecho insatisfecha"),
            (-0.8, "inadmisible"),
            (-0.5, "mal malo mala problema roto rota queja lento lenta"),
            (0.6, "gracias excelente genial perfecto perfecta increible encanta buenisimo maravilloso maravilla feliz"),
            (0.4, "bueno buena bien amable rapido vale va dale"),
            // Portuguese.
            (-0.9, "pessimo pessima horrivel"),
            (-0.8, "absurdo vergonha lixo palhacada palhacos inaceitavel ladroes merda ridiculo ridicula pqp vsf"),
            (-0.8, "puto farto farta fartos fartas"), (-0.7, "irritado irritada chateado chateada decepcionado decepcionada inuteis raiva caralho insatisfeito insatisfeita"),
            (-0.8, "inadmissivel"),
            (-0.5, "ruim problema quebrado quebrada demorado reclamacao lento"),
            (0.6, "obrigado obrigada otimo otima perfeito perfeita maravilhoso maravilha adorei amei excelente"),
            (0.4, "valeu beleza legal bom boa massa show top"),
            // Emoji.
            (-0.9, "🤬"), (-0.8, "😡 😠 🖕"), (-0.6, "👎 😤 😭 💩 😾"), (-0.5, "😢 😞 😩 😫 😒 🙄 😑 ☹ 😔"), (-0.3, "🙃"),
            (0.6, "😊 😍 🥰 ❤ 💕 💯 🎉 🤩"), (0.4, "👍 🙏 😀 😃 😄 😁 👌 🙌 👏 😎 🙂 ☺ 😂 🤣 ✅"),
        ],
        phrases: idiomEntries.map(\.0))
}
