import Foundation

/// Durations written the way people write them in config and flags: `90s`, `5m`, `2h`, `7d`.
public enum DurationText {
    /// Seconds for `text`, or nil if it is not a positive number followed by s, m, h or d.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let number = Double(trimmed.dropLast()), number > 0, number.isFinite else { return nil }
        switch unit {
        case "s": return number
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86_400
        default: return nil
        }
    }
}
