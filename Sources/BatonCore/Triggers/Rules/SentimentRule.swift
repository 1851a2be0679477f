/// Fires when the customer is angry or going round in circles, judged by `SentimentScorer`.
///
/// Fires on a customer message that is: strongly negative (score ≤ -0.6, with at least one word,
/// idiom or emoji that strong on its own); shouted in capitals
/// with negative words or repeated `!`/`?` (capitals alone are not enough); the second short negative message in a row (both
/// eight words or fewer, both ≤ -0.4); the same question again in other words, or a complaint
/// that the AI repeats itself (`RepeatedQuestion`); or a sudden rant (twenty words or more,
/// three negative words or more, after messages that were not negative).
public struct SentimentRule: TriggerRule {
    public let kind = TriggerKind.sentiment
    /// Score at or below which a single message fires.
    public static let strongThreshold = -0.6
    /// Score at or below which a short message counts towards two in a row.
    public static let negativeThreshold = -0.4
    private let repetition = RepeatedQuestion()
    private let scorer = SentimentScorer()

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        let messages = context.conversation.messages
        guard messages[index].role == .customer, let score = context.sentiment[index] else { return nil }
        let text = context.texts[index]
        // Formatted only when a trigger says it: most messages fire nothing.
        var scoreText: String { Self.format(score) }
        // Strong needs a strong feeling: a list of problems ("late, damaged, one item missing") is not anger,
        // and neither is naming an incident ("I got scammed", "locked out"), which the policy topic reports.
        // A feeling about the weather, the traffic or a film is small talk, not a grievance with the business.
        if score <= Self.strongThreshold && scorer.analyze(text).strongestFeeling <= Float(Self.strongThreshold)
            && !Self.isAboutSomethingElse(text) {
            return FiredTrigger(kind: kind, message: index, reason: "strongly negative message (score \(scoreText))",
                                rule: "sentiment/strong")
        }
        // Capitals alone are a typing habit; capitals with negative words or "!!"/"??" are anger.
        if text.isShouting() && text.wordCount >= 2
            && (scorer.score(text, countShouting: false) <= -0.2 || text.exclamationMarks + text.questionMarks >= 2) {
            return FiredTrigger(kind: kind, message: index, reason: "anger in capitals (score \(scoreText))",
                                rule: "sentiment/caps")
        }
        let previous = previousCustomerMessage(messages, before: index)
        if isShortAndNegative(context, index), let previous, isShortAndNegative(context, previous) {
            return FiredTrigger(kind: kind, message: index,
                                reason: "two negative messages in a row (\(negativity(context, previous)) and \(negativity(context, index)))",
                                rule: "sentiment/consecutive")
        }
        switch repetition.detect(in: context.conversation, texts: context.texts, at: index) {
        case .complaint(let tokens)?:
            return FiredTrigger(kind: kind, message: index,
                                reason: "says the AI repeats itself: '\(context.excerpt(message: index, tokens: tokens))'",
                                rule: "sentiment/repetition")
        case .overlap(let earlier, let shared)?:
            return FiredTrigger(kind: kind, message: index,
                                reason: "asks message \(earlier) again in other words (\(shared) words in common)",
                                rule: "sentiment/repeated_question")
        case nil:
            break
        }
        if text.wordCount >= 20 && score <= -0.4 && negativeWords(text) >= 3
            && calmBefore(context, index) {
            return FiredTrigger(kind: kind, message: index,
                                reason: "sudden rant after calm messages (score \(scoreText))", rule: "sentiment/rant")
        }
        return nil
    }

    /// Things nobody at the business answers for, that people are strongly negative about in small talk. Not
    /// days or weeks: "another week, another power cut" counts the time a problem has lasted.
    static let otherSubjects = TokenWordSet([
        "weather", "rain", "raining", "snow", "heat", "heatwave", "humidity", "traffic", "commute", "movie", "movies",
        "film", "films", "book", "novel", "song", "album", "episode", "hangover",
        "clima", "lluvia", "calor", "trafico", "trancon", "pelicula", "libro", "cancion", "episodio",
        "resaca", "chuva", "transito", "filme", "livro", "musica", "ressaca",
    ])
    /// Words that bring the business, or the customer's dealings with it, into a message.
    static let businessWords = TokenWordSet([
        "your", "yours", "ur", "guys", "yall", "company", "service", "staff", "app", "website", "site", "order",
        "parcel", "package", "delivery", "driver", "account", "card", "bill", "charge", "refund", "booking", "flight",
        "ustedes", "su", "sus", "empresa", "compania", "companhia", "servicio", "pedido", "paquete", "entrega", "cuenta", "tarjeta", "cobro", "factura",
        "reserva", "vuelo", "voces", "vcs", "vc", "seu", "sua", "servico", "atendimento", "conta", "cartao", "fatura",
        "voo", "encomenda",
    ])

    /// Whether `text` is about one of `otherSubjects` and names nothing of the business: "the weather is
    /// awful, will it clear up by noon", "that movie was so bad it was hilarious".
    static func isAboutSomethingElse(_ text: NormalizedText) -> Bool {
        otherSubjects.containsAny(in: text) && !businessWords.containsAny(in: text)
    }

    /// Eight words or fewer, and a score ≤ -0.4 or, from two words on, the model's frustration at its streak
    /// level (on a single word such as "no" the model has too little to go on).
    private func isShortAndNegative(_ context: TriggerContext, _ index: Int) -> Bool {
        let words = context.texts[index].wordCount
        guard words <= 8 else { return false }
        if let score = context.sentiment[index], score <= Self.negativeThreshold { return true }
        if words >= 2, index < context.frustration.count, let frustration = context.frustration[index],
           frustration >= context.frustrationStreakLevel {
            return true
        }
        return false
    }

    /// "score -0.52", or "frustration 0.41" when the model rather than the score made it count.
    private func negativity(_ context: TriggerContext, _ index: Int) -> String {
        let score = context.sentiment[index] ?? 0
        if score <= Self.negativeThreshold || index >= context.frustration.count { return "score \(Self.format(score))" }
        return "frustration \(Self.format(context.frustration[index] ?? 0))"
    }

    private func previousCustomerMessage(_ messages: [Message], before index: Int) -> Int? {
        var position = index - 1
        while position >= 0 {
            if messages[position].role == .customer { return position }
            position -= 1
        }
        return nil
    }

    private func negativeWords(_ text: NormalizedText) -> Int {
        var count = 0
        for token in text.tokens where token.valence < -0.2 { count += 1 }
        return count
    }

    /// Whether every earlier customer message was neutral or better.
    private func calmBefore(_ context: TriggerContext, _ index: Int) -> Bool {
        var sawEarlier = false
        for position in 0..<index where context.conversation.messages[position].role == .customer {
            sawEarlier = true
            if let score = context.sentiment[position], score <= -0.25 { return false }
        }
        return sawEarlier
    }

    /// Two decimals, e.g. "-0.72".
    static func format(_ value: Double) -> String {
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
