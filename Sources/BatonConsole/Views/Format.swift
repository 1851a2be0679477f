import Foundation
import BatonCore

/// Short, fixed-width renderings of durations, countdowns, figures and sparklines.
enum Format {
    /// `45s`, `4m12`, `1h05`, `2d03`: at most five columns.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(saturating: seconds.rounded(.down)))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) }
        if total < 86_400 { return "\(total / 3600)h" + twoDigits(total % 3600 / 60) }
        return "\(min(99, total / 86_400))d" + twoDigits(total % 86_400 / 3600)
    }

    /// `1:20` left, or `-0:45` once past the deadline; hours shown as `h` beyond an hour.
    static func countdown(_ remaining: TimeInterval) -> String {
        let sign = remaining < 0 ? "-" : ""
        let total = Int(saturating: abs(remaining).rounded(.down))
        if total >= 3600 { return sign + duration(TimeInterval(total)) }
        return sign + "\(total / 60):" + twoDigits(total % 60)
    }

    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "–" }
        return String(format: "%.0f%%", fraction * 100)
    }

    static func score(_ value: Double) -> String {
        String(format: "%+.2f", value)
    }

    private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block character per value, scaled between `low` and `high` (default: the values' range).
    static func sparkline(_ values: [Double], low: Double? = nil, high: Double? = nil) -> String {
        guard let minimum = low ?? values.min(), let maximum = high ?? values.max() else { return "" }
        let span = maximum - minimum
        return String(values.map { value in
            guard span > 0 else { return blocks[0] }
            let level = Int(saturating: ((value - minimum) / span * Double(blocks.count - 1)).rounded())
            return blocks[min(blocks.count - 1, max(0, level))]
        })
    }

    /// A bar of `width` cells, filled in proportion to `fraction` (0–1).
    static func bar(_ fraction: Double, width: Int) -> String {
        let filled = min(width, max(0, Int(saturating: (fraction * Double(width)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    static func clock(_ date: Date) -> String {
        let seconds = Int(saturating: date.timeIntervalSince1970.rounded(.down))
        let day = ((seconds % 86_400) + 86_400) % 86_400
        return twoDigits(day / 3600) + ":" + twoDigits(day % 3600 / 60) + ":" + twoDigits(day % 60)
    }

    static func hourMinute(_ date: Date) -> String { String(clock(date).prefix(5)) }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
