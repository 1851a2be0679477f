import Foundation
import TOMLKit

/// Reads `baton.toml` text into a `BatonConfig`, naming the file and key of every mistake.
///
/// Unknown keys are errors: a misspelt `pickup_windw` silently ignored would be worse than a refusal.
public enum ConfigLoader {
    public static func load(toml text: String, source: String) throws(ConfigError) -> BatonConfig {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(source: source, key: nil,
                              message: "\(error.description) at line \(error.source.begin.line), column \(error.source.begin.column)")
        } catch {
            throw ConfigError(source: source, key: nil, message: "\(error)")
        }
        var config = BatonConfig()
        var top = Section(table: root, path: "", source: source)
        if var engine = try top.table("engine") {
            try readEngine(&engine, into: &config.engine)
        }
        if let topics = try top.tables("topics") {
            config.engine.topics = try topics.map { (section: Section) throws(ConfigError) in try readTopic(section) }
        }
        if var rules = try top.table("rules") {
            config.engine.pageRules = try readRules(&rules)
        }
        if let queues = try top.tables("queues") {
            config.queues = try queues.map { (section: Section) throws(ConfigError) in try readQueue(section) }
        }
        if var templates = try top.table("templates") {
            try readTemplates(&templates, into: &config.templates)
        }
        if var notify = try top.table("notify") {
            config.notifyCommand = try notify.string("command")
            try notify.rejectUnknown()
        }
        if let webhooks = try top.tables("webhooks") {
            config.webhooks = try webhooks.map { (section: Section) throws(ConfigError) in try readWebhook(section) }
            let names = config.webhooks.map(\.name)
            if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
                throw ConfigError(source: source, key: "webhooks", message: "two webhooks are named \(duplicate); give each a distinct name")
            }
        }
        if var console = try top.table("console") {
            if let mouse = try console.bool("mouse") { config.consoleMouse = mouse }
            try console.rejectUnknown()
        }
        if var security = try top.table("security") {
            if let value = try security.bool("agent_is_os_user") { config.agentIsOSUser = value }
            try security.rejectUnknown()
        }
        if let sample = try top.int("wait_estimate_sample") { config.waitEstimateSampleSize = max(1, sample) }
        if let interval = try top.duration("wait_update_interval") { config.waitUpdateInterval = interval }
        if let introduction = try top.string("introduction") {
            guard ["only", "with_summary"].contains(introduction) else {
                throw top.error("introduction", "\"\(introduction)\" is not one of only, with_summary")
            }
            config.introductionWithSummary = introduction == "with_summary"
        }
        try top.rejectUnknown()
        return config
    }

    private static func readEngine(_ engine: inout Section, into config: inout EngineConfig) throws(ConfigError) {
        if let value = try engine.fraction("low_confidence_threshold") { config.lowConfidenceThreshold = value }
        if let value = try engine.int("low_confidence_consecutive") { config.lowConfidenceConsecutive = max(1, value) }
        if let value = try engine.fraction("confidence_floor") { config.confidenceFloor = value }
        if let value = try engine.strings("vip_tags") { config.vipTags = value }
        if let value = try engine.double("high_ltv_amount") { config.highLTVAmount = value > 0 ? value : nil }
        if let value = try engine.int("repeat_contact_count") { config.repeatContactCount = max(2, value) }
        if let value = try engine.int("repeat_contact_window_days") { config.repeatContactWindowDays = max(1, value) }
        if let value = try engine.identifier("default_queue") { config.defaultQueue = value }
        if let value = try engine.bool("model") { config.model = value }
        if var thresholds = try engine.table("model_thresholds") {
            for key in thresholds.table.keys.sorted() {
                guard ModelLabel(rawValue: key) != nil else {
                    throw thresholds.error(key, "unknown model label; expected one of \(ModelLabel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.modelThresholds[key] = try thresholds.fraction(key)
            }
        }
        if let value = try engine.int("evaluate_head") {
            guard (100...1_000_000).contains(value) else { throw engine.error("evaluate_head", "must be from 100 to 1000000 characters, got \(value)") }
            config.evaluateHead = value
        }
        if let value = try engine.int("evaluate_tail") {
            guard (0...1_000_000).contains(value) else { throw engine.error("evaluate_tail", "must be from 0 to 1000000 characters, got \(value)") }
            config.evaluateTail = value
        }
        if var byKind = try engine.table("queue_by_kind") {
            for key in byKind.table.keys {
                guard let kind = TriggerKind(rawValue: key) else {
                    throw byKind.error(key, "unknown trigger kind; expected one of \(TriggerKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.queueByKind[kind] = try byKind.identifier(key)
            }
        }
        if let value = try engine.string("mode") {
            guard let mode = EngineMode(rawValue: value) else {
                throw engine.error("mode", "unknown mode \"\(value)\"; expected one of \(EngineMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
            config.mode = mode
        }
        if let value = try engine.int("pilot_percent") {
            guard (0...100).contains(value) else { throw engine.error("pilot_percent", "must be from 0 to 100, got \(value)") }
            guard config.mode == .shadow else {
                throw engine.error("pilot_percent", "applies only with mode = \"shadow\" (live mode hands every conversation off)")
            }
            config.pilotPercent = value
        }
        try engine.rejectUnknown()
    }

    private static func readWebhook(_ section: Section) throws(ConfigError) -> WebhookConfig {
        var section = section
        guard let url = try section.string("url") else { throw section.error("url", "missing; every webhook needs its url") }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw section.error("url", "must start with http:// or https://, got \(url)")
        }
        let secrets = try section.stringOrStrings("secret") ?? []
        guard !secrets.isEmpty, !secrets.contains(where: \.isEmpty) else {
            throw section.error("secret", "missing; deliveries are signed (one secret, or two while rolling over)")
        }
        guard secrets.count <= 2 else { throw section.error("secret", "at most two secrets may be active, got \(secrets.count)") }
        var events: Set<OutboxKind>?
        if let names = try section.stringOrStrings("events"), names != ["all"] {
            var kinds = Set<OutboxKind>()
            for name in names {
                guard let kind = OutboxKind(rawValue: name) else {
                    throw section.error("events", "unknown event \(name); expected \"all\" or some of \(OutboxKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kinds.insert(kind)
            }
            events = kinds
        }
        let name = try section.string("name")
        try section.rejectUnknown()
        return WebhookConfig(name: name, url: url, secrets: secrets, events: events)
    }

    private static func readTopic(_ section: Section) throws(ConfigError) -> PolicyTopic {
        var section = section
        guard let name = try section.identifier("name") else { throw section.error("name", "missing") }
        let builtIn = PolicyTopic.defaults.first { $0.name == name }
        let queue = try section.identifier("queue") ?? builtIn?.queue
        guard let queue else { throw section.error("queue", "missing for topic \(name)") }
        // `soft` is an urgency in the config's words, and a flag beside a medium priority in the value.
        let urgencyText = try section.string("urgency")
        let soft = urgencyText == "soft"
        var urgency = builtIn?.urgency ?? .medium
        if soft {
            urgency = .medium
        } else if let urgencyText {
            guard let parsed = Priority(rawValue: urgencyText) else {
                throw section.error("urgency", "\"\(urgencyText)\" is not one of \((Priority.allCases.map(\.rawValue) + ["soft"]).joined(separator: ", "))")
            }
            urgency = parsed
        }
        let phrases = try section.strings("phrases") ?? []
        try section.rejectUnknown()
        return PolicyTopic(name: name, queue: queue, urgency: urgency, soft: soft, phrases: phrases)
    }

    private static func readQueue(_ section: Section) throws(ConfigError) -> QueueConfig {
        var section = section
        guard let name = try section.identifier("name") else { throw section.error("name", "missing") }
        var queue = BatonConfig.defaultQueues.first { $0.name == name } ?? QueueConfig(name: name)
        if let skills = try section.identifiers("skills") { queue.skills = skills }
        if let window = try section.duration("pickup_window") { queue.pickupWindow = window }
        if let expiry = try section.duration("expiry") { queue.expiry = expiry }
        if let policy = try section.enumValue("expiry_policy", ExpiryPolicy.self) { queue.expiryPolicy = policy }
        if let leaveAfter = try section.duration("leave_after") { queue.leaveAfter = leaveAfter }
        if let offerTimeout = try section.duration("offer_timeout") { queue.offerTimeout = offerTimeout }
        if let capacity = try section.int("capacity") {
            guard capacity >= 1 else { throw section.error("capacity", "\(capacity) is not a number of waiting threads (1 or more)") }
            queue.capacity = capacity
        }
        if let policy = try section.enumValue("after_hours", AfterHoursPolicy.self) { queue.afterHours = policy }
        if let mode = try section.enumValue("handoff", HandoffMode.self) { queue.handoff = mode }
        let zoneName = try section.string("timezone")
        let holidays = try section.strings("holidays")
        if var hours = try section.table("hours") {
            var weekly: [Int: [DayInterval]] = [:]
            for (weekday, key) in ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].enumerated() {
                guard let spans = try hours.stringOrStrings(key) else { continue }
                weekly[weekday + 1] = try spans.map { (span: String) throws(ConfigError) -> DayInterval in
                    guard let interval = DayInterval(parsing: span) else {
                        throw hours.error(key, "\"\(span)\" is not a time range like \"09:00-17:30\"")
                    }
                    return interval
                }
            }
            try hours.rejectUnknown()
            queue.hours = BusinessHours(weekly: weekly, timeZone: .utc, holidays: [])
        }
        if let zoneName {
            guard let zone = TimeZone(identifier: zoneName) else {
                throw section.error("timezone", "unknown time zone \"\(zoneName)\" (use a name like America/Mexico_City)")
            }
            queue.hours.timeZone = zone
        }
        if let holidays {
            for day in holidays where ISO8601.parse(day) == nil || day.count != 10 {
                throw section.error("holidays", "\"\(day)\" is not a date like 2026-12-25")
            }
            queue.hours.holidays = Set(holidays)
        }
        try section.rejectUnknown()
        return queue
    }

    /// `[templates.FAMILY]`: per family, keys naming what a text applies to, each a string (English) or a
    /// table of language → text; `topic.NAME` keys apply to a policy topic. Every text's placeholders must be
    /// ones its family fills.
    private static func readTemplates(_ section: inout Section, into templates: inout Templates) throws(ConfigError) {
        for family in Templates.Family.allCases {
            guard var table = try section.table(family.rawValue) else { continue }
            if family == .agentIntroduction {
                // Directly language → text: one introduction per language.
                var languages: [String: String] = [:]
                for language in table.table.keys { languages[language] = try table.string(language) }
                try check(languages, family: family, in: table)
                templates[family].set(.fallback, languages)
                continue
            }
            for key in table.table.keys.sorted() {
                if key == "topic", family != .topicPhrase {
                    guard var topics = try table.table(key) else { continue }
                    for topic in topics.table.keys.sorted() {
                        let languages = try topics.languageTable(topic)
                        try check(languages, family: family, in: topics, key: topic)
                        templates[family].set(TemplateSet.Key(topic: topic), languages)
                    }
                    try topics.rejectUnknown()
                    continue
                }
                guard let known = knownKeys(family), key == "default" || known.contains(key) else {
                    if family == .topicPhrase {
                        let languages = try table.languageTable(key)
                        try check(languages, family: family, in: table, key: key)
                        templates[family].set(TemplateSet.Key(topic: key == "default" ? nil : key), languages)
                        continue
                    }
                    throw table.error(key, "unknown \(keyWord(family)); expected default, topic or one of "
                                      + (knownKeys(family) ?? []).joined(separator: ", "))
                }
                let languages = try table.languageTable(key)
                try check(languages, family: family, in: table, key: key)
                templates[family].set(TemplateSet.Key(kind: key == "default" ? nil : key), languages)
            }
            try table.rejectUnknown()
        }
        try section.rejectUnknown()
    }

    /// The keys a family's texts may be filed under; nil for topic phrases (any topic name).
    private static func knownKeys(_ family: Templates.Family) -> [String]? {
        switch family {
        case .handoff, .suggestedReply: TriggerKind.allCases.map(\.rawValue)
        case .afterHours, .afterHoursNoOpening, .noOneOnShift: AfterHoursPolicy.allCases.map(\.rawValue)
        case .waitUpdate, .opener, .hold, .asyncConfirmation, .introductionSummary: []
        case .callbackConfirmation: ["requested", "moved"]
        case .wait: ["under_2_minutes", "minutes", "hour", "hours", "unknown"]
        case .weekday: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        case .agentIntroduction, .topicPhrase: nil
        }
    }

    private static func keyWord(_ family: Templates.Family) -> String {
        switch family {
        case .handoff, .suggestedReply: "trigger kind"
        case .afterHours, .afterHoursNoOpening, .noOneOnShift: "after-hours policy"
        case .waitUpdate, .opener, .hold, .asyncConfirmation, .introductionSummary: "key"
        case .callbackConfirmation: "callback case"
        case .wait: "wait bucket"
        case .weekday: "weekday"
        case .agentIntroduction, .topicPhrase: "key"
        }
    }

    /// Refuses a placeholder the family never fills, naming it and the language's key.
    private static func check(_ languages: [String: String], family: Templates.Family, in section: Section,
                              key: String? = nil) throws(ConfigError) {
        for language in languages.keys.sorted() {
            let text = languages[language] ?? ""
            for placeholder in Templates.placeholders(in: text) where !family.placeholders.contains(placeholder) {
                let allowed = family.placeholders.isEmpty ? "no placeholders" : family.placeholders.map { "{\($0)}" }.joined(separator: ", ")
                throw section.error(key.map { "\($0).\(language)" } ?? language,
                                    "unknown placeholder {\(placeholder)}; these texts may use \(allowed)")
            }
        }
    }

    /// A table being read, with its dotted path for error messages and the keys already used.
    struct Section {
        let table: TOMLTable
        let path: String
        let source: String
        var used: Set<String> = []

        func error(_ key: String?, _ message: String) -> ConfigError {
            let full = key.map { path.isEmpty ? $0 : "\(path).\($0)" } ?? (path.isEmpty ? nil : path)
            return ConfigError(source: source, key: full, message: message)
        }

        private mutating func value(_ key: String) -> TOMLValueConvertible? {
            used.insert(key)
            return table[key]
        }

        /// A queue, topic or skill name: `Identifier`'s rule.
        mutating func identifier(_ key: String) throws(ConfigError) -> String? {
            guard let text = try string(key) else { return nil }
            if let problem = Identifier.problem(text) { throw error(key, problem) }
            return text
        }

        mutating func identifiers(_ key: String) throws(ConfigError) -> [String]? {
            guard let texts = try strings(key) else { return nil }
            for (index, text) in texts.enumerated() {
                if let problem = Identifier.problem(text) { throw error("\(key)[\(index)]", problem) }
            }
            return texts
        }

        mutating func string(_ key: String) throws(ConfigError) -> String? {
            guard let value = value(key) else { return nil }
            guard let text = value.string else { throw error(key, "expected a string") }
            return text
        }

        mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
            guard let value = value(key) else { return nil }
            guard let flag = value.bool else { throw error(key, "expected true or false") }
            return flag
        }

        mutating func int(_ key: String) throws(ConfigError) -> Int? {
            guard let value = value(key) else { return nil }
            guard let number = value.int else { throw error(key, "expected a whole number") }
            return number
        }

        mutating func double(_ key: String) throws(ConfigError) -> Double? {
            guard let value = value(key) else { return nil }
            if let number = value.double { return number }
            if let number = value.int { return Double(number) }
            throw error(key, "expected a number")
        }

        mutating func fraction(_ key: String) throws(ConfigError) -> Double? {
            guard let number = try double(key) else { return nil }
            guard (0...1).contains(number) else { throw error(key, "\(number) is outside 0…1") }
            return number
        }

        mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
            guard let value = value(key) else { return nil }
            guard let array = value.array else { throw error(key, "expected an array of strings") }
            var result: [String] = []
            for element in array {
                guard let text = element.string else { throw error(key, "expected an array of strings") }
                result.append(text)
            }
            return result
        }

        mutating func stringOrStrings(_ key: String) throws(ConfigError) -> [String]? {
            if let value = table[key], let text = value.string {
                used.insert(key)
                return text.lowercased() == "closed" ? [] : [text]
            }
            return try strings(key)
        }

        /// `"5m"`, `"90s"`, `"2h"` or a number of seconds.
        mutating func duration(_ key: String) throws(ConfigError) -> TimeInterval? {
            guard let value = value(key) else { return nil }
            if let seconds = value.int, seconds > 0, TimeInterval(seconds) <= DurationText.maximum { return TimeInterval(seconds) }
            guard let text = value.string, let seconds = DurationText.parse(text) else {
                throw error(key, "expected \(DurationText.expected)")
            }
            return seconds
        }

        mutating func enumValue<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(ConfigError) -> T?
        where T.RawValue == String, T: CaseIterable {
            guard let text = try string(key) else { return nil }
            guard let parsed = T(rawValue: text) else {
                throw error(key, "\"\(text)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return parsed
        }

        mutating func table(_ key: String) throws(ConfigError) -> Section? {
            guard let value = value(key) else { return nil }
            guard let child = value.table else { throw error(key, "expected a table") }
            return Section(table: child, path: path.isEmpty ? key : "\(path).\(key)", source: source)
        }

        mutating func tables(_ key: String) throws(ConfigError) -> [Section]? {
            guard let value = value(key) else { return nil }
            guard let array = value.array else { throw error(key, "expected an array of tables ([[\(key)]])") }
            var sections: [Section] = []
            for (index, element) in array.enumerated() {
                guard let child = element.table else { throw error("\(key)[\(index)]", "expected a table") }
                sections.append(Section(table: child, path: "\(key)[\(index)]", source: source))
            }
            return sections
        }

        /// A string (English) or a table of language → string.
        mutating func languageTable(_ key: String) throws(ConfigError) -> [String: String] {
            if let value = table[key], let text = value.string {
                used.insert(key)
                return ["en": text]
            }
            guard var child = try table(key) else { return [:] }
            var result: [String: String] = [:]
            for language in child.table.keys { result[language] = try child.string(language) }
            return result
        }

        func rejectUnknown() throws(ConfigError) {
            if let unknown = table.keys.sorted().first(where: { !used.contains($0) }) {
                throw error(unknown, "unknown key")
            }
        }
    }
}

/// A mistake in the configuration file.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var key: String?
    public var message: String

    public var description: String {
        if let key { "\(source): \(key): \(message)" } else { "\(source): \(message)" }
    }
}

extension TimeZone {
    static let utc = TimeZone(identifier: "UTC")!
}
