public enum SentimentTrend: String, Sendable, Codable {
    case improving, steady, worsening
}
