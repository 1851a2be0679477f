extension Templates {
    /// What the customer reads when an agent-to-agent transfer is accepted: one short line naming the new agent,
    /// no second greeting (the conversation already had its introduction).
    public static let defaultTransferIntroduction: [String: String] = [
        "en": "{agent} from our team is taking over your conversation from here.",
        "es": "{agent}, de nuestro equipo, continúa con tu conversación a partir de aquí.",
        "pt": "{agent}, da nossa equipe, continua a sua conversa a partir daqui.",
        "ja": "ここからは担当の{agent}が引き継いで対応いたします。",
    ]

    private static let transferIntroductions = TemplateSet(byKind: ["default": defaultTransferIntroduction])

    /// The transfer line in `language` (its base language, then English: `TemplateSet`'s lookup), naming `agent`.
    public static func transferIntroduction(language: String, agent: String) -> String {
        let template = transferIntroductions.text(kind: nil, topic: nil, language: language)
            ?? "{agent} is taking over your conversation."
        return fill(template, ["agent": agent])
    }
}
