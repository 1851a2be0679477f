/// The learned escalation model as a rule beside the others: fires a label's trigger kind when the
/// label's probability on a customer message reaches its threshold.
///
/// `explicit_request` and `buying_intent` raise their kinds; `frustration` raises `sentiment`; each
/// policy label raises `policy_topic` with its group as topic (only groups configured in
/// `EngineConfig.topics`; the most urgent group first, as the phrase rules do). Each firing says
/// why, e.g. `model policy_topic/security 0.93 ≥ 0.80: 'stole' +1.90, 'my card' +1.10`, and its
/// `rule` names the model and version: `policy_topic/model:baton-escalation-v1`.
public struct ModelRule: Sendable {
    public let model: EscalationModel
    /// Threshold per label, in `model.labels` order: the model's own unless the config overrides it.
    public let thresholds: [Double]
    /// Label indices in the order they are tried: policy groups by urgency, then the rest.
    private let order: [Int]
    /// Whether each label may fire under this config (its policy group configured).
    private let enabled: [Bool]

    public init(model: EscalationModel, config: EngineConfig) {
        self.model = model
        thresholds = model.labels.enumerated().map { index, label in
            config.modelThresholds[label.rawValue] ?? model.thresholds[index]
        }
        let urgency = PolicyTopicRule.groupPatterns.map(\.0)
        order = model.labels.indices.sorted { a, b in
            let rankA = urgency.firstIndex(of: model.labels[a].rawValue) ?? -1
            let rankB = urgency.firstIndex(of: model.labels[b].rawValue) ?? -1
            return rankA == rankB ? a < b : rankA < rankB
        }
        enabled = model.labels.map { label in label.topic.map { config.topic(named: $0) != nil } ?? true }
    }

    /// The threshold of `label`, if the model has it.
    public func threshold(of label: ModelLabel) -> Double? {
        model.labels.firstIndex(of: label).map { thresholds[$0] }
    }

    /// Where the frustration label sits in `model.labels`, if the model has it.
    public var frustrationColumn: Int? { model.labels.firstIndex(of: .frustration) }

    /// Three quarters of the frustration threshold: a short message this frustrated counts towards the "two
    /// negative messages in a row" rule of `SentimentRule`, as a lexicon score of -0.4 or lower does.
    public var frustrationStreakLevel: Double { frustrationColumn.map { thresholds[$0] * 0.75 } ?? .infinity }

    /// Scores message `index` into `scores` when it is the customer's; false (scores untouched) otherwise.
    public func score(_ context: TriggerContext, at index: Int, into scores: inout [Double]) -> Bool {
        guard context.conversation.messages[index].role == .customer else { return false }
        // The bounded text the rules read too (`EngineConfig.evaluateHead`/`evaluateTail`).
        model.probabilities(context.sources[index], into: &scores)
        return true
    }

    /// Scores message `index` and appends its triggers (see `fire`); `scores` is scratch space.
    public func evaluate(_ context: TriggerContext, at index: Int, scores: inout [Double], into fired: inout [FiredTrigger]) {
        if score(context, at: index, into: &scores) { fire(context, at: index, scores: scores, into: &fired) }
    }

    /// Appends to `fired` one trigger per kind the model raises on message `index` (already scored into
    /// `scores`) and no rule already fired.
    public func fire(_ context: TriggerContext, at index: Int, scores: [Double], into fired: inout [FiredTrigger]) {
        let text = context.sources[index]
        for label in order where enabled[label] && scores[label] >= thresholds[label] {
            let kind = model.labels[label].kind
            if fired.contains(where: { $0.kind == kind }) { continue }
            if holdBackReason(context.texts[index], label: model.labels[label]) != nil { continue }
            fired.append(trigger(text, at: index, label: label, score: scores[label]))
        }
    }

    /// Why a label over its threshold does not fire on `text`, if it does not:
    /// - a message with no letters ("55102", "+44 7700 900123", "👏👏") gives the model nothing to judge: an order
    ///   number or a phone number sent on its own is not a bulk purchase (the lexicon rules still read emoji);
    /// - a policy label's words in a question about the policy ("what should I do if my card is ever stolen?",
    ///   "do refunds go back to the card?") are not a case of it: the phrase rules skip these questions too;
    /// - asking whether business prices exist ("do you have enterprise pricing?") is not yet a purchase at scale;
    /// - "I can't get into my account", "no puedo entrar a mi cuenta", said once with nothing blocked, stolen or
    ///   tried again, is a password reset the AI walks through first (the phrase rules hold it back too);
    /// - "call me a taxi", "llámame un uber", "who sings call me maybe": a request's words used for something else;
    /// - a short answer with no negative word in it ("nada", "não, só isso"), frustration the model reads into
    ///   a few words, is an answer to the AI's question;
    /// - a message the customer dictates for someone else ("text Dave saying…") is not said to us;
    /// - someone else's theft or hack, long ago or elsewhere, told before a question ("my colleague's account was
    ///   hacked on another app, do you support two factor login?"), is background to the question.
    func holdBackReason(_ text: NormalizedText, label: ModelLabel) -> String? {
        if text.letterCount == 0 { return "no words to judge" }
        if RelayedMessage.isDictated(text) { return "a message dictated for someone else" }
        if label.kind == .buyingIntent && BuyingIntentRule.asksWhetherOffered(text) { return "asks whether such prices exist" }
        if label == .lockout && PolicyTopicRule.isPlainLoginTrouble(text) { return "plain login trouble: the AI helps first" }
        if label == .explicitRequest && ExplicitRequestRule.asksForSomethingElse(text) { return "a command, not a request for a person" }
        if label == .frustration && Self.isPlainShortAnswer(text) { return "a short answer: 'no', 'nothing', 'that's all'" }
        if label.topic != nil && PolicyQuestion.asksForADefinition(text) { return "asks what a word means" }
        if label.topic != nil && PolicyQuestion.isForStudy(text) { return "asked for the customer's studies" }
        if label == .security && PolicyTopicRule.asksToFindAPhone(text) { return "asks to find a phone" }
        if label == .security && PolicyTopicRule.isSomeoneElsesPastIncident(text, incidentAt: nil) {
            return "someone else's incident, long ago or elsewhere"
        }
        if label == .cancellation && Self.cancelsAnErrand(text) { return "cancels a ride, an alarm or an appointment" }
        if label == .billingDispute && Self.asksAboutATariff(text) { return "asks why a fee applies to a card payment, cash or a transfer" }
        if label.topic != nil, PolicyQuestion.saysItIsOnlyAsking(text) {
            return "the customer says they are only asking"
        }
        if let topic = label.topic, topic != "legal",
           PolicyQuestion.asksAboutASupposition(text) || PolicyQuestion.asksInGeneral(text, topic: topic) {
            return "a question about the policy"
        }
        return nil
    }

    /// "Why was I charged a fee for an ATM withdrawal?", "how come there's a fee when I pay by card?", "¿por qué me
    /// cobraron comisión por la transferencia?": a question about the tariff on paying by card, taking out cash,
    /// transferring or topping up, with nothing contested in it (no "twice", "never", "not mine", "wrong",
    /// "shouldn't", no negation). The AI explains the tariff; a customer who contests it hands off on the next
    /// message.
    static func asksAboutATariff(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard let first = words.first, tariffQuestionOpeners.contains(first) || text.questionMarks > 0,
              words.contains(where: feeWords.contains), words.contains(where: tariffContexts.contains) else { return false }
        for position in 0..<text.count where text.has(.negator, at: position) || contestWords.contains(words[position]) {
            return false
        }
        return true
    }

    static let tariffQuestionOpeners: Set<String> = [
        "why", "how", "when", "will", "do", "does", "is", "are", "am", "porque", "por", "cuando", "cuanto", "quanto", "pq",
    ]
    static let feeWords: Set<String> = [
        "fee", "fees", "charged", "charge", "charges", "commission", "comision", "comisiones", "cobraron", "cobran", "cobro",
        "taxa", "taxas", "tarifa", "tarifas", "cobraram", "cobram", "cobrado", "cobrada",
    ]
    static let tariffContexts: Set<String> = [
        "atm", "withdrawal", "withdrawals", "withdraw", "withdrawing", "cash", "transfer", "transfers", "transferring",
        "topup", "top", "topping", "exchange", "paying", "payment", "payments", "cajero", "retiro", "retirar",
        "transferencia", "transferencias", "saque", "sacar", "caixa", "recarga",
    ]
    static let contestWords: Set<String> = [
        "twice", "double", "two", "duplicate", "never", "wrong", "shouldnt", "unauthorised", "unauthorized", "recognise",
        "recognize", "dispute", "contest", "refund", "back", "mine", "cancelled", "canceled", "already", "again",
        "dos", "duas", "doble", "dobro", "duplicado", "nunca", "errado", "equivocado", "reembolso", "devolver", "devolvam",
    ]

    /// "Cancel my uber", "cancel the alarm", "cancela el recordatorio", "cancelar a consulta de sexta": one errand
    /// or one appointment called off (within three words of the verb), not an account or a contract.
    static func cancelsAnErrand(_ text: NormalizedText) -> Bool {
        for position in 0..<text.count where cancelVerbs.contains(text.words[position]) {
            for next in (position + 1)..<min(text.count, position + 4) where errands.contains(text.words[next]) { return true }
        }
        return false
    }

    static let cancelVerbs: Set<String> = ["cancel", "cancelar", "cancela", "cancele", "cancelen", "cancelem", "cancelame"]
    static let errands: Set<String> = [
        "uber", "taxi", "cab", "ride", "lyft", "cabify", "alarm", "alarms", "timer", "timers", "reminder", "reminders",
        "meeting", "appointment", "appt", "alarma", "alarme", "recordatorio", "lembrete", "cita", "consulta", "reunion",
        "reuniao", "viaje", "corrida",
    ]

    /// "nada", "não, só isso msm", "no that's all": up to four words, each a no, a nothing or an "only that".
    static func isPlainShortAnswer(_ text: NormalizedText) -> Bool {
        guard text.wordCount <= 4, text.exclamationMarks < 2 else { return false }
        for position in 0..<text.count where !text.tokens[position].flags.contains(.emoji) {
            if !text.has(.negator, at: position) && !shortAnswerWords.contains(text.words[position]) { return false }
        }
        return true
    }

    static let shortAnswerWords: Set<String> = [
        "nope", "nah", "so", "solo", "isso", "eso", "esto", "msm", "mesmo", "just", "that", "thats", "all", "only", "else",
        "more", "mas", "mais", "ok", "okay", "thanks", "gracias", "obrigado", "obrigada", "por", "ahora", "agora", "now",
        "era", "e", "y", "todo", "tudo", "it", "for", "de", "momento", "today", "hoy", "hoje",
    ]

    private func trigger(_ text: String, at index: Int, label: Int, score: Double) -> FiredTrigger {
        let modelLabel = model.labels[label]
        let evidence = model.contributions(text, label: modelLabel).map { "'\($0.text)' +\(Self.format($0.weight))" }
        var reason = "model \(modelLabel.displayName) \(Self.format(score)) ≥ \(Self.format(thresholds[label]))"
        if !evidence.isEmpty { reason += ": " + evidence.joined(separator: ", ") }
        return FiredTrigger(kind: modelLabel.kind, message: index, reason: reason,
                            rule: "\(modelLabel.kind.rawValue)/model:\(model.identifier)", topic: modelLabel.topic)
    }

    /// Two decimals, e.g. "0.93".
    static func format(_ value: Double) -> String { SentimentRule.format(value) }
}
