import Foundation

/// What an agent watching a conversation the AI still holds needs to decide whether to step in: the
/// customer's sentiment so far and how close the engine is to handing off on its own.
public struct AIWatch: Sendable, Equatable {
    /// One score per customer message, oldest first.
    public var sentiment: SentimentReading
    /// The confidence of the AI's latest reply, when the bot gave one.
    public var lastConfidence: Double?
    /// The engine's nearest miss in words, e.g. "confidence 0.62, one more low reply hands off"; nil when
    /// no signal is anywhere near a handoff.
    public var nearestMiss: String?

    public init(sentiment: SentimentReading, lastConfidence: Double?, nearestMiss: String?) {
        self.sentiment = sentiment
        self.lastConfidence = lastConfidence
        self.nearestMiss = nearestMiss
    }

    /// Assesses `conversation` with the engine's `decision` on it (for the sentiment scores) and `config`
    /// (for the thresholds the triggers use).
    public static func assess(_ conversation: Conversation, decision: HandoffDecision, config: EngineConfig) -> AIWatch {
        let scores = decision.sentiment
        let sentiment = SentimentReading(current: scores.last ?? 0, trajectory: scores)
        let replies = conversation.messages.filter { $0.role == .ai }
        let lastConfidence = replies.last?.confidence
        // Each candidate: how far it is from firing (0 = fires on the next message), and its words.
        var misses: [(distance: Double, text: String)] = []
        if let lastConfidence, lastConfidence < config.lowConfidenceThreshold {
            var run = 0
            for reply in replies.reversed() {
                guard let confidence = reply.confidence, confidence < config.lowConfidenceThreshold else { break }
                run += 1
            }
            let needed = max(1, config.lowConfidenceConsecutive - run)
            let more = needed == 1 ? "one more low reply hands off" : "\(needed) more low replies hand off"
            misses.append((Double(needed - 1), "confidence \(format(lastConfidence)), \(more)"))
        } else if let lastConfidence, lastConfidence - config.lowConfidenceThreshold < 0.15 {
            misses.append((1.5, "confidence \(format(lastConfidence)), just above \(format(config.lowConfidenceThreshold))"))
        }
        if let current = scores.last, current <= SentimentRule.negativeThreshold {
            let previous = scores.dropLast().last.map { $0 <= SentimentRule.negativeThreshold } ?? false
            // Two short negative messages in a row hand off; so does one strongly negative message.
            misses.append((previous ? 0.5 : 0, "sentiment \(format(current)), one more negative message hands off"))
        } else if let current = scores.last, sentiment.trend == .worsening, current < 0 {
            misses.append((1, "sentiment \(format(current)) and worsening"))
        }
        let nearest = misses.min { $0.distance < $1.distance }?.text
        return AIWatch(sentiment: sentiment, lastConfidence: lastConfidence, nearestMiss: nearest)
    }

    static func format(_ value: Double) -> String { SentimentRule.format(value) }
}
