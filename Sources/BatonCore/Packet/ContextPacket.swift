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
