/// Fires on an AI reply whose tool call failed (`ok: false`); the reason names the tool and its error.
public struct ToolFailureRule: TriggerRule {
    public let kind = TriggerKind.toolFailure

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        // Look at the role first: copying the whole message for every customer line is wasted work.
        guard context.conversation.messages[index].role == .ai,
              let failed = context.conversation.messages[index].tools.first(where: { !$0.ok }) else { return nil }
        let name = Self.clean(failed.name, limit: 60)
        let error = failed.error.map { Self.clean($0, limit: 120) }
        let detail = error.map { $0.isEmpty ? "" : ": \($0)" } ?? ""
        return FiredTrigger(kind: kind, message: index, reason: "tool '\(name)' failed\(detail)",
                            rule: "tool_failure/failed_call")
    }

    /// Tool names and errors come from the bot platform: drop control characters and cap the length.
    static func clean(_ text: String, limit: Int) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TextNormalizer.isControlOrFormat(scalar) { continue }
            if result.count >= limit { result.append("…"); break }
            result.append(scalar)
        }
        return String(result)
    }
}
