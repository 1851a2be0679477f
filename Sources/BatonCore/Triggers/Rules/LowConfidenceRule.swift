/// Fires when the AI is unsure of its answers.
///
/// Fires on an AI reply under `EngineConfig.confidenceFloor` (rule `low_confidence/floor`), or
/// on the reply that makes `lowConfidenceConsecutive` AI replies in a row under
/// `lowConfidenceThreshold` (rule `low_confidence/consecutive`); a confident reply in between
/// resets the count, so one shaky answer followed by a sure one does not fire. A reply without
/// a confidence is estimated from its strongest hedge: strong hedges ("I'm not sure", "I don't have
/// that", "no estoy seguro", "não tenho certeza") count as 0.30, soft ones ("I think",
/// "possibly", "tal vez", "acho que") as 0.50, anything else as confident.
public struct LowConfidenceRule: TriggerRule {
    public let kind = TriggerKind.lowConfidence

    /// Compiled once per process; held here so matching skips the global lookup.
    private let hedges: PhraseSet<Double> = Self.hedges

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        let messages = context.conversation.messages
        guard messages[index].role == .ai else { return nil }
        let config = context.config
        let current = confidence(context, index)
        if current.value < config.confidenceFloor {
            return FiredTrigger(kind: kind, message: index,
                                reason: "\(current.describe()) < floor \(SentimentRule.format(config.confidenceFloor))",
                                rule: "low_confidence/floor")
        }
        guard current.value < config.lowConfidenceThreshold, config.lowConfidenceConsecutive >= 1 else { return nil }
        var run = [current]
        var position = index - 1
        while position >= 0 && run.count < config.lowConfidenceConsecutive {
            if messages[position].role == .ai {
                let earlier = confidence(context, position)
                guard earlier.value < config.lowConfidenceThreshold else { break }
                run.append(earlier)
            }
            position -= 1
        }
        guard run.count >= config.lowConfidenceConsecutive else { return nil }
        let values = run.reversed().map { SentimentRule.format($0.value) }
        let estimated = run.contains { $0.estimatedFrom != nil } ? "estimated " : ""
        return FiredTrigger(kind: kind, message: index,
                            reason: "\(estimated)confidence \(Self.list(values)) on \(Self.countWord(run.count)) consecutive replies < \(SentimentRule.format(config.lowConfidenceThreshold))",
                            rule: "low_confidence/consecutive")
    }

    /// A reply's confidence, given or estimated from hedging words.
    struct Confidence {
        var value: Double
        /// The hedge the value was estimated from, if it was not given.
        var estimatedFrom: String?

        func describe() -> String {
            if let estimatedFrom { return "estimated confidence \(SentimentRule.format(value)) ('\(estimatedFrom)')" }
            return "confidence \(SentimentRule.format(value))"
        }
    }

    func confidence(_ context: TriggerContext, _ index: Int) -> Confidence {
        if let given = context.conversation.messages[index].confidence { return Confidence(value: given) }
        // The strongest hedge decides: "I think it's X, but I'm not sure" is not sure.
        guard let hedge = hedges.allMatches(in: context.texts[index]).min(by: { $0.payload < $1.payload }) else {
            return Confidence(value: 1)
        }
        return Confidence(value: hedge.payload, estimatedFrom: context.excerpt(message: index, tokens: hedge.range))
    }

    static func list(_ values: [String]) -> String {
        guard values.count > 1 else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " and " + values[values.count - 1]
    }

    static func countWord(_ count: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return count < words.count ? words[count] : String(count)
    }

    /// Hedging phrases and the confidence they suggest, strongest first.
    static let hedgeEntries: [(String, Double)] = [
        ("not sure|certain|confident", 0.3), ("not entirely|completely|totally|quite|fully|absolutely|100 sure|certain|confident", 0.3), ("unsure|uncertain", 0.3), ("dont|didnt know", 0.3), ("do not know", 0.3), ("no idea", 0.3),
        ("dont have that|this|the|any|enough|_ information|info|figure|data|detail|details|answer|access", 0.3),
        ("do not have that|this|the|any|enough|_ information|info|figure|data|detail|details|answer|access", 0.3),
        ("dont have that|this", 0.3),
        ("cant|cannot|unable to|_ find|determine|confirm|verify|answer|tell", 0.3),
        ("no estoy seguro|segura", 0.3), ("no lo se", 0.3), ("no se si|exactamente|bien", 0.3), ("no tengo esa|la|_ informacion|dato|datos", 0.3),
        ("no puedo confirmar|verificar|determinar", 0.3),
        ("nao tenho certeza", 0.3), ("nao sei", 0.3), ("nao tenho essa|a|_ informacao", 0.3),
        ("nao consigo confirmar|verificar", 0.3),
        ("i think|believe|guess", 0.5), ("possibly|perhaps|maybe|probably", 0.5), ("might", 0.5), ("may be", 0.5),
        ("it depends|depending", 0.5), ("may|might|could depend", 0.5), ("creo|pienso que", 0.5), ("quizas|quiza|posiblemente|probablemente", 0.5),
        ("tal vez", 0.5), ("puede ser", 0.5), ("acho|creio que", 0.5), ("talvez|possivelmente|provavelmente", 0.5),
        ("pode ser", 0.5),
    ]

    static let hedges = PhraseSet(hedgeEntries)

    static let lexicon = LexiconSource(phrases: hedgeEntries.map(\.0))
}
