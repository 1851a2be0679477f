/// Fires on the first customer message evaluated when the customer bypasses the AI: a tag in
/// `EngineConfig.vipTags` (`vip`, `named_account`, `high_ltv`), compared without case, or a
/// lifetime value above `EngineConfig.highLTVAmount`.
public struct CustomerTagRule: TriggerRule {
    public let kind = TriggerKind.customerTag

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard context.firstEvaluatedCustomerMessage == index else { return nil }
        let customer = context.conversation.customer
        if let tag = Self.vipTag(of: customer, config: context.config) {
            return FiredTrigger(kind: kind, message: index, reason: "customer tagged '\(ToolFailureRule.clean(tag, limit: 40))'",
                                rule: "customer_tag/tag")
        }
        if let limit = context.config.highLTVAmount, let ltv = customer.ltv, ltv > limit {
            return FiredTrigger(kind: kind, message: index,
                                reason: "lifetime value \(Self.amount(ltv)) > \(Self.amount(limit))", rule: "customer_tag/ltv")
        }
        return nil
    }

    /// The customer's first tag that is in `config.vipTags`, compared without case, lowercased.
    public static func vipTag(of customer: Customer, config: EngineConfig) -> String? {
        // Most customers have no tags: skip building the lowercased set for them.
        guard !customer.tags.isEmpty else { return nil }
        let vip = Set(config.vipTags.map { $0.lowercased() })
        return customer.tags.lazy.map { $0.lowercased() }.first { vip.contains($0) }
    }

    /// Whole amounts without decimals ("120000"), others with two.
    static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : SentimentRule.format(value)
    }
}
