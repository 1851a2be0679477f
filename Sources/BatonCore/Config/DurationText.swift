import Foundation

/// Durations written the way people write them in config and flags: `90s`, `5m`, `2h`, `7d`.
public enum DurationText {
    /// The longest duration accepted anywhere: ten years. Longer ones are mistakes (`1e20s`), and refusing
    /// them keeps every deadline computed from them a date the store and the screens can show.
    public static let maximum: TimeInterval = 3650 * 86_400

    /// What a valid duration looks like, for error messages.
    public static let expected = "a duration such as 90s, 5m, 2h or 7d (more than 0, at most 3650d)"

    /// Seconds for `text`, or nil if it is not a positive number followed by s, m, h or d, up to `maximum`.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let number = Double(trimmed.dropLast()), number > 0, number.isFinite else { return nil }
        let seconds: TimeInterval
        switch unit {
        case "s": seconds = number
        case "m": seconds = number * 60
        case "h": seconds = number * 3600
        case "d": seconds = number * 86_400
        default: return nil
        }
        return seconds <= maximum ? seconds : nil
    }
}
