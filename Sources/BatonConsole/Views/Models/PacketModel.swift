import Foundation
import BatonCore

/// The packet panel's content for one thread, every customer- or bot-written field sanitized.
public struct PacketModel: Sendable, Equatable {
    /// One message or note of the transcript, split into display paragraphs.
    public struct Entry: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case customer, ai, agent, note }
        public var kind: Kind
        /// Who wrote it, e.g. `customer`, `ai`, `agent`, or `note ana`.
        public var label: String
        public var at: Date?
        public var paragraphs: [String]
    }

    public var threadID: String
    public var customer: String
    public var tier: String
    public var channel: String
    public var language: String
    public var queue: String
    public var state: ThreadState
    public var owner: String?
    public var priority: Priority
    public var queuedAt: Date?
    public var pickupDeadline: Date?
    public var claimedAt: Date?
    public var escalationLevel: Int
    public var sentimentScore: Double
    public var trajectory: [Double]
    public var trend: SentimentTrend
    public var summary: [String]
    public var triggerLabel: String
    public var triggerReason: String
    public var otherTriggers: [String]
    /// One line each: answers given, knowledge-base articles, links, failed tools.
    public var aiTried: [String]
    public var recommendedAction: String
    /// The suggested reply as shown; this exact text is what `s` sends.
    public var suggestedReply: String
    public var whatsappWindow: ReplyWindow?
    public var transcript: [Entry]
    /// Fields of the bot's input Baton does not know, one `name: value` each ("from the bot").
    public var fromBot: [String] = []
    /// The customer's attributes on one line (`plan: Pro · contract value: 12000`), nil without any.
    public var account: String?
    /// The page rules that matched, then (when none did) the most recent visits.
    public var pages: [String] = []
    /// The AI's latest suggestions for the agent (collaborative mode), oldest first.
    public var suggestions: [SuggestionEntry] = []
    /// An open agent-to-agent transfer offer of this thread, to or from the agent viewing it.
    public var offer: OfferMark?

    /// What the packet says about an open transfer offer, sanitized.
    public struct OfferMark: Sendable, Equatable {
        /// "Offered to you by ana" or "Offered to bo".
        public var headline: String
        public var expiresAt: Date
        public var note: String
        public var toViewer: Bool
    }

    /// Builds the panel for `detail`; `agentName` fills the `{agent}` placeholder of the suggested
    /// reply, which the packet leaves for whoever picks the thread up.
    public init(_ detail: ThreadDetail, agentName: String? = nil) {
        let summary = detail.summary
        let packet = detail.packet
        threadID = summary.id
        customer = Sanitizer.line(packet?.profile.name ?? (summary.customerName.isEmpty ? summary.id : summary.customerName))
        tier = Sanitizer.line(packet?.profile.tier ?? summary.tier)
        channel = Sanitizer.line(summary.channel.rawValue)
        language = Sanitizer.line(packet?.profile.language ?? summary.language)
        queue = Sanitizer.line(summary.queue)
        state = summary.state
        owner = summary.owner.map(Sanitizer.line)
        priority = summary.priority
        queuedAt = summary.queuedAt
        pickupDeadline = summary.pickupDeadline
        claimedAt = summary.claimedAt
        escalationLevel = summary.escalationLevel
        sentimentScore = packet?.sentiment.current ?? summary.sentiment
        trajectory = packet?.sentiment.trajectory ?? []
        trend = packet?.sentiment.trend ?? .steady
        self.summary = (packet?.summary ?? []).map(Sanitizer.line)
        if let packet {
            triggerLabel = packet.primary.kind.shortLabel
            triggerReason = Sanitizer.line(packet.primary.reason)
            otherTriggers = packet.otherTriggers.map { $0.kind.shortLabel }
            aiTried = Self.attempts(packet.aiTried)
            recommendedAction = Sanitizer.line(packet.recommendedAction)
            let reply = agentName.map { Templates.fill(packet.suggestedReply, ["agent": $0]) } ?? packet.suggestedReply
            suggestedReply = Sanitizer.line(reply)
            whatsappWindow = packet.whatsappWindow
            account = Self.accountLine(packet.profile.attributes)
            pages = Self.pageSignalLines(packet.profile.pageSignals)
            if pages.isEmpty, !packet.profile.pages.isEmpty {
                pages = ["recent: " + Self.recentPageLines(packet.profile.pages).prefix(3).joined(separator: ", ")]
            }
        } else {
            triggerLabel = summary.trigger?.shortLabel ?? "-"
            triggerReason = ""
            otherTriggers = []
            aiTried = []
            recommendedAction = ""
            suggestedReply = ""
            whatsappWindow = nil
        }
        var entries = detail.messages.map { message in
            Entry(kind: Self.kind(of: message.role), label: message.role.rawValue, at: message.at,
                  paragraphs: Sanitizer.paragraphs(message.text))
        }
        // Notes sit among the messages by time; undated messages keep their place.
        for note in detail.notes {
            let entry = Entry(kind: .note, label: "note " + Sanitizer.line(note.author), at: note.at,
                              paragraphs: Sanitizer.paragraphs(note.text))
            let index = entries.lastIndex { ($0.at ?? .distantPast) <= note.at }.map { $0 + 1 } ?? entries.count
            entries.insert(entry, at: index)
        }
        transcript = entries
        suggestions = Self.suggestionEntries(detail.suggestions)
        fromBot = detail.botFields.map { Sanitizer.line($0.path) + ": " + Sanitizer.line($0.value) }
    }

    private static func kind(of role: Role) -> Entry.Kind {
        switch role {
        case .customer: .customer
        case .ai: .ai
        case .agent: .agent
        }
    }

    private static func attempts(_ tried: AIAttempts) -> [String] {
        var lines: [String] = []
        if !tried.answers.isEmpty {
            let last = tried.answers.last.map(Sanitizer.line) ?? ""
            lines.append("\(tried.answers.count) answer\(tried.answers.count == 1 ? "" : "s"), last: \(last)")
        }
        if !tried.kb.isEmpty { lines.append("kb: " + tried.kb.map(Sanitizer.line).joined(separator: ", ")) }
        if !tried.links.isEmpty { lines.append("links: " + tried.links.map(Sanitizer.line).joined(separator: ", ")) }
        let failed = tried.failedTools
        if !failed.isEmpty {
            lines.append("failed tools: " + failed.map { tool in
                Sanitizer.line(tool.name) + (tool.error.map { " (" + Sanitizer.line($0) + ")" } ?? "")
            }.joined(separator: ", "))
        }
        return lines
    }
}
