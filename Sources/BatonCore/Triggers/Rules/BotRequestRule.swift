/// Fires on an AI message that hands the conversation over itself: an intent such as `handoff`,
/// `escalate`, `human_handoff`, `transfer_to_agent` or `agent_request`, or text saying it is
/// transferring the customer to a human or specialist ("I'm transferring you to a specialist",
/// "te comunico con un asesor", "vou te transferir para um atendente"). An offer ("would you
/// like me to connect you with an agent?") or a refusal ("I can't transfer you") does not fire.
public struct BotRequestRule: TriggerRule {
    public let kind = TriggerKind.botRequest

    /// AI intents that mean "hand this to a human", compared without case.
    public static let handoffIntents: Set<String> = [
        "handoff", "hand_off", "escalate", "escalation", "human_handoff", "transfer_to_agent", "transfer_to_human",
        "agent_request", "live_agent", "handover", "human_agent",
    ]

    /// Compiled once per process; held here so matching skips the global lookup.
    private let phrases: PhraseSet<Void> = Self.phrases

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard context.conversation.messages[index].role == .ai else { return nil }
        if let intent = context.conversation.messages[index].intent, Self.handoffIntents.contains(intent.lowercased()) {
            return FiredTrigger(kind: kind, message: index, reason: "AI intent '\(intent.lowercased())'",
                                rule: "bot_request/intent")
        }
        let text = context.texts[index]
        var position = 0
        while let match = phrases.firstMatch(in: text, from: position) {
            if !text.precededInClause(by: [.negator, .wantVerb], at: match.range.lowerBound, window: 4)
                && !Self.isOffer(text, before: match.range.lowerBound) {
                return FiredTrigger(kind: kind, message: index,
                                    reason: "AI says '\(context.excerpt(message: index, tokens: match.range))'",
                                    rule: "bot_request/text")
            }
            position = match.range.lowerBound + 1
        }
        return nil
    }

    private static func isOffer(_ text: NormalizedText, before index: Int) -> Bool {
        var position = index
        var steps = 0
        while position > 0 && steps < 5 {
            if text.tokens[position].flags.contains(.clauseStart) { return false }
            position -= 1
            steps += 1
            if offerWords.contains(text.tokens[position].id) { return true }
        }
        return false
    }

    static let offerWords: Set<Int32> = Set(TextNormalizer.fold("would shall should can could may quieres deseas gostaria quer").compactMap { Lexicon.shared.id(of: $0) })

    static let phraseEntries: [(String, Void)] = [
        ("@transfer ** @specialist", ()), ("@specialist will|_ be|_ with|join|joining|contact|reach|call * you|te|le|voce|vc", ()),
        ("handing|hand|passing|pass you|this|your|te|lo|la|voce over|on|to|along|a|para|con|com", ()),
    ]

    static let phrases = PhraseSet(phraseEntries)

    static let lexicon = LexiconSource(
        classes: [
            (.transferVerb, """
                transfer transferring transferred connect connecting escalate escalating escalated route routing
                forward forwarding forwarded handing passing transfiero transferir transfiriendo transfiriendote
                comunico comunicando conecto conectando paso pasando derivo derivando encaminhar encaminhando
                encaminho transferindo transfiro conectar
                """),
            (.specialistNoun, """
                human agent agents specialist specialists colleague colleagues team representative person someone
                supervisor especialista asesor asesora agente atendente colega colegas humano teammate expert experts
                staff operator ejecutivo ejecutiva equipo equipe pessoa persona
                """),
        ],
        phrases: phraseEntries.map(\.0) + ["would shall should can could may quieres deseas gostaria quer"])
}
