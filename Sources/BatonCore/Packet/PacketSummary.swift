/// The packet's two-line summary, written for the agent (in English, the agent's language).
///
/// Line one is what the customer wants: the intent (the AI's last intent, else the policy topic), the key
/// facts found in the customer's messages (order numbers, amounts, dates, product codes) and their request
/// in their own words. Line two is what the AI tried and how it went, then why it escalated.
///
/// Each line fits `lineBudget` characters by leaving out whole facts and whole words, never a part of one:
/// a number or a word is shown entire or not at all, and a cut request ends in "…".
public enum PacketSummary {
    /// Characters per line: about two rows of the console's packet pane.
    public static let lineBudget = 160
    /// Facts shown at most, in the order the customer wrote them.
    public static let maxFacts = 5

    /// - Parameters:
    ///   - messages: the conversation up to the message that fired.
    ///   - intent: the AI's last intent, if any.
    ///   - confidence: the AI's last confidence, if any.
    public static func lines(messages: [Message], attempts: AIAttempts, primary: FiredTrigger,
                             intent: String?, confidence: Double?) -> [String] {
        [wants(messages: messages, intent: intent, topic: primary.topic),
         triedAndWhy(attempts: attempts, confidence: confidence, primary: primary)]
    }

    // MARK: Line one

    static func wants(messages: [Message], intent: String?, topic: String?) -> String {
        let customerTexts = messages.filter { $0.role == .customer }.map(\.text)
        var head = "Wants:"
        if let what = (intent ?? topic).map(spaced), !what.isEmpty { head += " " + what }
        let facts = KeyFacts.extract(from: customerTexts)
        // Facts go in whole, as many as fit next to the head.
        var shown: [String] = []
        for fact in facts.prefix(maxFacts) {
            let candidate = head + " (" + (shown + [fact]).joined(separator: ", ") + ")"
            if candidate.count <= lineBudget { shown.append(fact) } else { break }
        }
        var line = shown.isEmpty ? head : head + " (" + shown.joined(separator: ", ") + ")"
        if let request = mainRequest(in: customerTexts) {
            let separator = line == "Wants:" ? " " : " · "
            // Quote marks and separator take 2 + separator.count characters.
            let room = lineBudget - line.count - separator.count - 2
            if let quote = fitWords(request, room) { line += separator + "“" + quote + "”" }
        }
        return line == "Wants:" ? "Wants: (no request stated)" : line
    }

    /// The customer message that best states the request: the first with some substance, skipping
    /// greetings and pings such as "hi", "??" or "help"; never a message without a letter or a digit.
    static func mainRequest(in texts: [String]) -> String? {
        let candidates = texts.map(flattened).filter { text in
            text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        let substantive = candidates.first { text in
            text.split(separator: " ").filter { $0.count > 1 }.count >= 3
        }
        return substantive ?? candidates.max { $0.count < $1.count }
    }

    // MARK: Line two

    static func triedAndWhy(attempts: AIAttempts, confidence: Double?, primary: FiredTrigger) -> String {
        // What went wrong first: when the line is short of room, the last items give way.
        var items: [String] = []
        let failed = attempts.failedTools
        if !failed.isEmpty {
            let error = failed.first?.error.flatMap { fitWords($0, 40) }
            items.append(names(failed) + " failed" + (error.map { " (\($0))" } ?? ""))
        }
        if !attempts.answers.isEmpty {
            var answers = Plural.count(attempts.answers.count, "answer")
            if let confidence { answers += " (last \(Int((confidence * 100).rounded())) % confident)" }
            items.append(answers)
        }
        if !attempts.kb.isEmpty { items.append(Plural.count(attempts.kb.count, "KB article")) }
        let worked = attempts.toolCalls.filter(\.ok)
        if !worked.isEmpty { items.append(names(worked) + " ok") }
        if items.isEmpty { items = ["nothing yet"] }
        let why = "Escalated at message \(primary.message + 1) on \(spaced(primary.kind.rawValue))\(primary.topic.map { " (\(spaced($0)))" } ?? "")"
        // The reason matters more than the last items: up to `reasonRoom` characters of it are kept.
        let reason = fitWords(primary.reason, reasonRoom).map { ": " + $0 } ?? ""
        var line = "AI tried: " + items.joined(separator: ", ")
        while line.count + 3 + why.count + reason.count > lineBudget, items.count > 1 {
            items.removeLast()
            line = "AI tried: " + items.joined(separator: ", ") + ", …"
        }
        line += " · " + why
        let room = lineBudget - line.count - 2
        if let reason = fitWords(primary.reason, room) { line += ": " + reason }
        return line
    }

    /// Characters of the escalation reason kept before the AI's attempts give way.
    static let reasonRoom = 60

    private static func names(_ tools: [ToolCall]) -> String {
        var seen: [String] = []
        for tool in tools where !seen.contains(tool.name) { seen.append(tool.name) }
        return "tool " + seen.joined(separator: ", ")
    }

    // MARK: Fitting

    /// `text` on one line, cut after the last whole word that fits in `limit` characters (with "…"
    /// when cut). Nil when not even the first word fits, or there is nothing to show.
    static func fitWords(_ text: String, _ limit: Int) -> String? {
        let words = flattened(text).split(separator: " ")
        guard !words.isEmpty, limit > 0 else { return nil }
        let whole = words.joined(separator: " ")
        if whole.count <= limit { return whole }
        var kept = ""
        for word in words {
            let next = kept.isEmpty ? String(word) : kept + " " + word
            if next.count + 1 > limit { break }
            kept = next
        }
        return kept.isEmpty ? nil : kept + "…"
    }

    /// Whitespace and newlines collapsed to single spaces, trimmed.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    static func spaced(_ name: String) -> String { PacketBuilder.spaced(name) }
}
