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
