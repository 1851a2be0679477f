import Foundation

/// Everything a human needs at the moment of handoff, built once and stored with the thread.
///
/// Ordered the way the console shows it: who, why, what was tried, what to do, then the transcript.
public struct ContextPacket: Sendable, Equatable, Codable {
    public var conversationID: String
    public var builtAt: Date
    /// Two lines: what the customer wants and what the AI tried; why it escalated.
    public var summary: [String]
    public var primary: FiredTrigger
    public var otherTriggers: [FiredTrigger]
    public var intent: String?
    /// The AI's last confidence before the handoff.
    public var confidence: Double?
    public var sentiment: SentimentReading
    public var aiTried: AIAttempts
    public var profile: CustomerProfile
    public var recommendedAction: String
    /// A first reply for the agent, written for the trigger type.
    public var suggestedReply: String
    public var transcript: [Message]
    /// Only for WhatsApp: the 24-hour customer-service window.
    public var whatsappWindow: ReplyWindow?
    public var queue: String
    public var priority: Priority

    public init(conversationID: String, builtAt: Date, summary: [String], primary: FiredTrigger,
                otherTriggers: [FiredTrigger], intent: String?, confidence: Double?, sentiment: SentimentReading,
                aiTried: AIAttempts, profile: CustomerProfile, recommendedAction: String, suggestedReply: String,
                transcript: [Message], whatsappWindow: ReplyWindow?, queue: String, priority: Priority) {
        self.conversationID = conversationID
        self.builtAt = builtAt
        self.summary = summary
        self.primary = primary
        self.otherTriggers = otherTriggers
        self.intent = intent
        self.confidence = confidence
        self.sentiment = sentiment
        self.aiTried = aiTried
        self.profile = profile
        self.recommendedAction = recommendedAction
        self.suggestedReply = suggestedReply
        self.transcript = transcript
        self.whatsappWindow = whatsappWindow
        self.queue = queue
        self.priority = priority
    }
}

/// Sentiment now and how it got there.
public struct SentimentReading: Sendable, Equatable, Codable {
    /// Score of the latest customer message, in [-1, 1].
    public var current: Double
    /// One score per customer message, oldest first.
    public var trajectory: [Double]

    public init(current: Double, trajectory: [Double]) {
        self.current = current
        self.trajectory = trajectory
    }

    public var band: SentimentBand { SentimentBand(score: current) }

    /// Whether the customer is getting happier, angrier or neither over the last messages.
    public var trend: SentimentTrend {
        guard trajectory.count >= 2 else { return .steady }
        let delta = trajectory[trajectory.count - 1] - trajectory[max(0, trajectory.count - 3)]
        if delta <= -0.2 { return .worsening }
        if delta >= 0.2 { return .improving }
        return .steady
    }
}

/// The colour a sentiment score is shown in: green, yellow or red.
public enum SentimentBand: String, Sendable, Codable {
    case positive, neutral, negative

    public init(score: Double) {
        if score <= -0.25 { self = .negative } else if score >= 0.25 { self = .positive } else { self = .neutral }
    }
}

public enum SentimentTrend: String, Sendable, Codable {
    case improving, steady, worsening
}

/// What the AI did before handing off.
public struct AIAttempts: Sendable, Equatable, Codable {
    public var answers: [String]
    public var links: [String]
    public var kb: [String]
    public var toolCalls: [ToolCall]

    public init(answers: [String] = [], links: [String] = [], kb: [String] = [], toolCalls: [ToolCall] = []) {
        self.answers = answers
        self.links = links
        self.kb = kb
        self.toolCalls = toolCalls
    }

    public var failedTools: [ToolCall] { toolCalls.filter { !$0.ok } }
}

/// Who the customer is, for the packet's top bar and profile section.
public struct CustomerProfile: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var channel: Channel
    public var language: String
    public var tier: String
    public var ltv: Double?
    public var tags: [String]
    public var priorContacts: [PriorContact]
    /// Other threads of this customer that are waiting or claimed right now.
    public var openHandoffs: Int

    public init(id: String, name: String, channel: Channel, language: String, tier: String, ltv: Double?,
                tags: [String], priorContacts: [PriorContact], openHandoffs: Int) {
        self.id = id
        self.name = name
        self.channel = channel
        self.language = language
        self.tier = tier
        self.ltv = ltv
        self.tags = tags
        self.priorContacts = priorContacts
        self.openHandoffs = openHandoffs
    }
}

/// WhatsApp lets a business reply freely only within 24 hours of the customer's last message.
public struct ReplyWindow: Sendable, Equatable, Codable {
    public var lastCustomerMessageAt: Date
    public var closesAt: Date

    public init(lastCustomerMessageAt: Date, closesAt: Date) {
        self.lastCustomerMessageAt = lastCustomerMessageAt
        self.closesAt = closesAt
    }

    public func isOpen(at now: Date) -> Bool { now < closesAt }
    public func remaining(at now: Date) -> TimeInterval { max(0, closesAt.timeIntervalSince(now)) }
    /// Open but with less than two hours left.
    public func isClosing(at now: Date) -> Bool { isOpen(at: now) && remaining(at: now) < 2 * 3600 }
}
