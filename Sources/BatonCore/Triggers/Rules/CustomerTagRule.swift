/// Fires on the first customer message evaluated when the customer bypasses the AI: a tag in
/// `EngineConfig.vipTags` (`vip`, `named_account`, `high_ltv`), compared without case, or a
/// lifetime value above `EngineConfig.highLTVAmount`.
public struct CustomerTagRule: TriggerRule {
    public let kind = TriggerKind.customerTag

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard context.firstEvaluatedCustomerMessage == index else { return nil }
        let customer = context.conversation.customer
        let vip = Set(context.config.vipTags.map { $0.lowercased() })
        if let tag = customer.tags.first(where: { vip.contains($0.lowercased()) }) {
            return FiredTrigger(kind: kind, message: index, reason: "customer tagged '\(tag.lowercased())'",
                                rule: "customer_tag/tag")
        }
        if let limit = context.config.highLTVAmount, let ltv = customer.ltv, ltv > limit {
            return FiredTrigger(kind: kind, message: index,
                                reason: "lifetime value \(Self.amount(ltv)) > \(Self.amount(limit))", rule: "customer_tag/ltv")
        }
        return nil
    }

    /// Whole amounts without decimals ("120000"), others with two.
    static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : SentimentRule.format(value)
    }
}
