import Foundation

/// A behavioural rule over the pages the customer visited (`[[rules.pages]]`): at least `minVisits` visits
/// to pages whose path matches `pattern` within `withinDays` days before the message raise the handoff's
/// priority, fire `buying_intent`, or fire a policy topic such as `churn_risk`.
public struct PageRule: Sendable, Equatable {
    public enum Effect: Sendable, Equatable {
        /// The handoff's priority is at least this (the rule never fires a handoff by itself).
        case priority(Priority)
        case buyingIntent
        /// A policy topic fires (routed by `[[topics]]` when it is configured there).
        case policy(topic: String)
    }

    public var name: String
    /// A path pattern: `*` stands for any run of characters (`/pricing*`, `/account/*/cancel`); compared
    /// without case, against the path of each visit's URL.
    public var pattern: String
    public var minVisits: Int
    public var withinDays: Int
    public var effect: Effect

    public init(name: String, pattern: String, minVisits: Int, withinDays: Int, effect: Effect) {
        self.name = name
        self.pattern = pattern
        self.minVisits = minVisits
        self.withinDays = withinDays
        self.effect = effect
    }

    /// The rule's match on `pages` in the `withinDays` days up to `reference`, when there are enough visits.
    public func match(_ pages: [PageVisit], at reference: Date) -> PageSignal? {
        let since = reference.addingTimeInterval(-Double(withinDays) * 86_400)
        let visits = pages.filter { $0.at > since && $0.at <= reference && Self.matches(pattern, $0.path) }
        guard visits.count >= minVisits else { return nil }
        var paths: [String] = []
        for visit in visits.sorted(by: { $0.at < $1.at }) where !paths.contains(visit.path) { paths.append(visit.path) }
        return PageSignal(rule: name, pattern: pattern, visits: visits.count, windowDays: withinDays,
                          paths: Array(paths.prefix(PageSignal.maxPaths)), effect: effect.label)
    }

    /// Glob matching with `*` only, without case.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let parts = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(path.lowercased())
        guard parts.count > 1 else { return rest == parts[0] }
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let found = rest.range(of: middle) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }
}

extension PageRule.Effect {
    /// `priority high`, `buying_intent`, `policy churn_risk`.
    public var label: String {
        switch self {
        case .priority(let priority): "priority \(priority.rawValue)"
        case .buyingIntent: TriggerKind.buyingIntent.rawValue
        case .policy(let topic): "policy \(topic)"
        }
    }
}

/// A page rule that matched, kept in the packet's profile so the agent sees why.
public struct PageSignal: Sendable, Equatable, Codable {
    public var rule: String
    public var pattern: String
    public var visits: Int
    public var windowDays: Int
    /// The distinct paths visited, oldest first, at most `maxPaths`.
    public var paths: [String]
    /// What the rule does: `priority high`, `buying_intent`, `policy churn_risk`.
    public var effect: String

    public static let maxPaths = 5

    public init(rule: String, pattern: String, visits: Int, windowDays: Int, paths: [String], effect: String) {
        self.rule = rule
        self.pattern = pattern
        self.visits = visits
        self.windowDays = windowDays
        self.paths = paths
        self.effect = effect
    }

    /// `3 visits to /pricing* in the last 7 days (/pricing, /pricing/teams)`.
    public var reason: String {
        "\(Plural.count(visits, "visit")) to \(pattern) in the last \(Plural.count(windowDays, "day")) (\(paths.joined(separator: ", ")))"
    }
}

/// Fires the page rules whose effect is a trigger (`buying_intent` or a policy topic) on a customer message
/// whose window holds enough visits (pages often arrive with a later message), the first matching rule in
/// config order; `raise` applies the priority rules.
public struct PageVisitRule: TriggerRule {
    public let kind = TriggerKind.buyingIntent

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        let rules = context.config.pageRules
        guard !rules.isEmpty, context.conversation.messages[index].role == .customer else { return nil }
        let pages = context.conversation.customer.pages
        guard !pages.isEmpty else { return nil }
        let reference = Self.reference(context.conversation, at: index)
        for rule in rules {
            guard let signal = rule.match(pages, at: reference) else { continue }
            switch rule.effect {
            case .priority:
                continue
            case .buyingIntent:
                return FiredTrigger(kind: .buyingIntent, message: index, reason: signal.reason, rule: "pages/\(rule.name)")
            case .policy(let topic):
                return FiredTrigger(kind: .policyTopic, message: index, reason: signal.reason, rule: "pages/\(rule.name)",
                                    topic: topic)
            }
        }
        return nil
    }

    /// `priority` raised by every matching priority rule.
    public static func raise(_ priority: Priority, conversation: Conversation, at index: Int, config: EngineConfig) -> Priority {
        guard !config.pageRules.isEmpty, !conversation.customer.pages.isEmpty else { return priority }
        let reference = reference(conversation, at: index)
        var raised = priority
        for rule in config.pageRules {
            if case .priority(let level) = rule.effect, level < raised,
               rule.match(conversation.customer.pages, at: reference) != nil {
                raised = level
            }
        }
        return raised
    }

    /// Every matching rule, for the packet.
    public static func signals(_ conversation: Conversation, at index: Int, config: EngineConfig) -> [PageSignal] {
        guard !config.pageRules.isEmpty, !conversation.customer.pages.isEmpty else { return [] }
        let reference = reference(conversation, at: index)
        return config.pageRules.compactMap { $0.match(conversation.customer.pages, at: reference) }
    }

    /// The time the window ends: the message's time, else the latest dated message before it, else the
    /// latest visit.
    static func reference(_ conversation: Conversation, at index: Int) -> Date {
        let messages = conversation.messages
        if index < messages.count, let at = messages[...index].last(where: { $0.at != nil })?.at { return at }
        return conversation.customer.pages.map(\.at).max() ?? Date(timeIntervalSinceReferenceDate: 0)
    }
}
