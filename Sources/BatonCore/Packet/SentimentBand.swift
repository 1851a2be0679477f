/// The colour a sentiment score is shown in: green, yellow or red.
public enum SentimentBand: String, Sendable, Codable {
    case positive, neutral, negative

    public init(score: Double) {
        if score <= -0.25 { self = .negative } else if score >= 0.25 { self = .positive } else { self = .neutral }
    }
}
