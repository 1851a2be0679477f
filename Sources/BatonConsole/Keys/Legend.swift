import BatonCore

/// The symbols the console draws, each with what it means. Views take their symbols from here and the
/// help overlay lists this table, so every symbol on screen is explained and none is explained wrongly.
public enum Legend {
    /// One symbol and its meaning.
    public struct Entry: Sendable, Equatable {
        public var symbol: String
        public var meaning: String
    }

    static let title = "Symbols"

    // The thread list
    public static let highPriority = Entry(symbol: "!", meaning: "high priority (· medium, low: none)")
    public static let mediumPriority = Entry(symbol: "·", meaning: "medium priority")
    public static let sentimentColumn = Entry(symbol: "S", meaning: "column: sentiment now")
    public static let sentiment = Entry(symbol: "●", meaning: "sentiment: green +, yellow ~, red -")
    public static let positive = Entry(symbol: "+", meaning: "sentiment positive")
    public static let neutral = Entry(symbol: "~", meaning: "sentiment neutral")
    public static let negative = Entry(symbol: "-", meaning: "sentiment negative")
    public static let wait = Entry(symbol: "Wait", meaning: "column: time waited for a person")
    public static let pickup = Entry(symbol: "Pickup", meaning: "column: time left to pick up; -1:40 late")
    public static let escalated = Entry(symbol: "↑1", meaning: "missed pickup once (↑2 twice…)")
    public static let bar = Entry(symbol: "█░", meaning: "pickup window left")
    public static let yours = Entry(symbol: "yours", meaning: "you hold it (held by bo: bo does)")
    public static let forYou = Entry(symbol: "for you", meaning: "routing suggests you")
    // The queue bar
    public static let queueWaiting = Entry(symbol: "billing 3", meaning: "queue bar: threads waiting")
    public static let queueOldest = Entry(symbol: "6m40", meaning: "queue bar: the longest wait")
    public static let deadline = Entry(symbol: "⏱", meaning: "next pickup deadline (⏱-0:30: missed)")
    public static let late = Entry(symbol: "2 late", meaning: "pickups missed in the last 24 h")
    public static let more = Entry(symbol: "+2 more", meaning: "queue bar: queues that did not fit")
    // The packet
    public static let trajectory = Entry(symbol: "▁▅█", meaning: "sentiment message by message")
    public static let clipped = Entry(symbol: "…", meaning: "text cut to fit")

    /// Every entry, in the order the help lists them; without colour the sentiment symbols replace the dot.
    public static func entries(colorless: Bool) -> [Entry] {
        let sentimentEntries = colorless ? [positive, neutral, negative] : [sentiment]
        return [highPriority, sentimentColumn] + sentimentEntries + [wait, pickup, escalated, bar, yours, forYou,
                queueWaiting, queueOldest, deadline, late, more, trajectory, clipped]
    }

    /// The list's sentiment symbol for a band: the dot in colour, a distinct sign without it.
    static func sentimentSymbol(_ band: SentimentBand, colorless: Bool) -> String {
        guard colorless else { return sentiment.symbol }
        switch band {
        case .positive: return positive.symbol
        case .neutral: return neutral.symbol
        case .negative: return negative.symbol
        }
    }
}
