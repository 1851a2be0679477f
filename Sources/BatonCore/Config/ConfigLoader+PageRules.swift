/// `[[rules.pages]]`: behavioural rules over the pages a customer visited.
///
/// ```toml
/// [[rules.pages]]
/// name = "pricing_interest"   # optional; names the rule in explanations (default pages1, pages2, ...)
/// path = "/pricing*"          # `*` is any run of characters; compared without case
/// min_visits = 3              # default 3
/// within_days = 7             # default 7, 1 to 365
/// effect = "buying_intent"    # "priority", "buying_intent" or "policy"
/// priority = "high"           # with effect = "priority" (default high)
/// topic = "churn_risk"        # with effect = "policy" (required)
/// ```
extension ConfigLoader {
    static func readRules(_ rules: inout Section) throws(ConfigError) -> [PageRule] {
        var pageRules: [PageRule] = []
        if let sections = try rules.tables("pages") {
            for (index, section) in sections.enumerated() {
                var page = Section(table: section.table, path: "rules.pages[\(index)]", source: section.source)
                pageRules.append(try readPageRule(&page, number: index + 1))
            }
        }
        try rules.rejectUnknown()
        let names = pageRules.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw rules.error("pages", "two page rules are named \(duplicate); give each a distinct name")
        }
        return pageRules
    }

    private static func readPageRule(_ section: inout Section, number: Int) throws(ConfigError) -> PageRule {
        let name = try section.identifier("name") ?? "pages\(number)"
        guard let path = try section.string("path") else {
            throw section.error("path", "missing; a page rule needs a path pattern such as \"/pricing*\"")
        }
        guard path.hasPrefix("/") || path.hasPrefix("*"), path.count <= 512 else {
            throw section.error("path", "must start with / or * and be at most 512 characters, got \"\(path)\"")
        }
        let minVisits = try section.int("min_visits") ?? 3
        guard (1...1000).contains(minVisits) else { throw section.error("min_visits", "must be from 1 to 1000, got \(minVisits)") }
        let days = try section.int("within_days") ?? 7
        guard (1...365).contains(days) else { throw section.error("within_days", "must be from 1 to 365 days, got \(days)") }
        let effectName = try section.string("effect")
        let priority = try section.enumValue("priority", Priority.self)
        let topic = try section.identifier("topic")
        let effect: PageRule.Effect
        switch effectName {
        case "priority":
            effect = .priority(priority ?? .high)
        case "buying_intent":
            effect = .buyingIntent
        case "policy":
            guard let topic else { throw section.error("topic", "missing; effect = \"policy\" needs the topic it fires, such as \"churn_risk\"") }
            effect = .policy(topic: topic)
        case nil:
            throw section.error("effect", "missing; expected \"priority\", \"buying_intent\" or \"policy\"")
        case let other?:
            throw section.error("effect", "\"\(other)\" is not one of priority, buying_intent, policy")
        }
        if priority != nil, effectName != "priority" { throw section.error("priority", "only applies with effect = \"priority\"") }
        if topic != nil, effectName != "policy" { throw section.error("topic", "only applies with effect = \"policy\"") }
        try section.rejectUnknown()
        return PageRule(name: name, pattern: path, minVisits: minVisits, withinDays: days, effect: effect)
    }
}
