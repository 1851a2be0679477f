/// The reasons a conversation leaves the AI for a human.
///
/// The declaration order is the documented precedence used to pick the primary trigger when
/// several fire on the same message: what the customer asked for comes first, then how they
/// feel, then policy rules, and the AI's own confidence comes last (policy stays above it). One exception,
/// in `TriggerEngine`: a legal threat goes before the sentiment it is said with.
public enum TriggerKind: String, Sendable, Codable, CaseIterable, Comparable {
    case explicitRequest = "explicit_request"
    case botRequest = "bot_request"
    case sentiment
    case repeatContact = "repeat_contact"
    case policyTopic = "policy_topic"
    case customerTag = "customer_tag"
    case toolFailure = "tool_failure"
    case buyingIntent = "buying_intent"
    case lowConfidence = "low_confidence"
    /// Not a rule: an agent watching the conversation stepped in before any trigger fired.
    case agentTakeover = "agent_takeover"

    /// Lower is more important.
    public var precedence: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: TriggerKind, rhs: TriggerKind) -> Bool { lhs.precedence < rhs.precedence }

    /// A short label for screens, such as `explicit` or `policy`.
    public var shortLabel: String {
        switch self {
        case .explicitRequest: "explicit"
        case .botRequest: "bot"
        case .sentiment: "sentiment"
        case .repeatContact: "repeat"
        case .policyTopic: "policy"
        case .customerTag: "vip"
        case .toolFailure: "tool-fail"
        case .buyingIntent: "sales"
        case .lowConfidence: "low-conf"
        case .agentTakeover: "takeover"
        }
    }
}
