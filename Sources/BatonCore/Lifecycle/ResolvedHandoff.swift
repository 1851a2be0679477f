import Foundation

/// A handoff an agent has resolved, with what fired and what the agent recorded: the raw material of
/// `baton export-training`, which turns a deployment's own traffic into training examples.
public struct ResolvedHandoff: Sendable, Equatable {
    public var threadID: String
    public var disposition: Disposition
    public var resolvedAt: Date
    /// The primary trigger of the handoff (from its context packet).
    public var trigger: FiredTrigger
    /// The customer message the handoff fired on; nil when that message was not the customer's.
    public var text: String?
    public var language: String

    public init(threadID: String, disposition: Disposition, resolvedAt: Date, trigger: FiredTrigger, text: String?,
                language: String) {
        self.threadID = threadID
        self.disposition = disposition
        self.resolvedAt = resolvedAt
        self.trigger = trigger
        self.text = text
        self.language = language
    }

    /// The training labels this handoff teaches, or nil when it teaches nothing about wording:
    /// `ai_could_have_handled` is a negative (no label); a `solved` handoff is a positive of its trigger's
    /// label when the trigger is one the model learns (explicit request, sentiment as frustration, a built-in
    /// policy group, buying intent). Duplicates, spam, expired and unanswered threads, and triggers the model
    /// does not learn (tool failures, low confidence, tags, repeat contacts, bot requests) are left out.
    public var trainingLabels: [ModelLabel]? {
        guard text != nil else { return nil }
        switch disposition {
        case .aiCouldHaveHandled:
            return []
        case .solved:
            switch trigger.kind {
            case .explicitRequest: return [.explicitRequest]
            case .sentiment: return [.frustration]
            case .buyingIntent: return [.buyingIntent]
            case .policyTopic:
                guard let label = trigger.topic.flatMap(ModelLabel.init(rawValue:)), label.kind == .policyTopic else { return nil }
                return [label]
            default: return nil
            }
        default:
            return nil
        }
    }

    /// One line of the training script's example format (`tools/train/examples/README.md`), or nil
    /// when this handoff teaches nothing (see `trainingLabels`).
    public var trainingExample: JSONValue? {
        guard let labels = trainingLabels, let text else { return nil }
        return .object([
            ("text", .string(text)),
            ("labels", .array(labels.map { .string($0.rawValue) })),
            ("lang", .string(language)),
            ("domain", .string("export")),
            ("hard", .bool(false)),
        ])
    }
}
