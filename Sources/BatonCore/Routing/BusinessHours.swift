import Foundation

/// A weekly opening schedule in a time zone, with holidays on which the queue stays closed.
public struct BusinessHours: Sendable, Equatable {
    /// Opening intervals per weekday, 1 = Sunday … 7 = Saturday (Gregorian calendar numbering).
    public var weekly: [Int: [DayInterval]]
    public var timeZone: TimeZone
    /// Closed days as `YYYY-MM-DD` in the schedule's time zone.
    public var holidays: Set<String>

    public init(weekly: [Int: [DayInterval]], timeZone: TimeZone, holidays: Set<String> = []) {
        self.weekly = weekly
        self.timeZone = timeZone
        self.holidays = holidays
    }

    /// Open every minute of every day.
    public static let alwaysOpen = BusinessHours(
        weekly: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [DayInterval(start: 0, end: 24 * 60)]) }),
        timeZone: TimeZone(identifier: "UTC")!)

    public var isAlwaysOpen: Bool {
        holidays.isEmpty && (1...7).allSatisfy { weekly[$0] == [DayInterval(start: 0, end: 24 * 60)] }
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Whether the queue is open at `date`.
    public func isOpen(at date: Date) -> Bool {
        // Most queues never close; calendar arithmetic is a noticeable share of every handoff.
        if isAlwaysOpen { return true }
        let calendar = self.calendar
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        guard let weekday = parts.weekday, let hour = parts.hour, let minute = parts.minute else { return false }
        if !holidays.isEmpty, holidays.contains(Self.dayKey(parts)) { return false }
        let minuteOfDay = hour * 60 + minute
        return (weekly[weekday] ?? []).contains { $0.contains(minuteOfDay) }
    }

    /// The next moment at or after `date` when the queue is open; nil if it never opens within two weeks.
    public func nextOpening(after date: Date) -> Date? {
        if isOpen(at: date) { return date }
        let calendar = self.calendar
        let startOfDay = calendar.startOfDay(for: date)
        for offset in 0..<15 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: startOfDay) else { continue }
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            if !holidays.isEmpty, holidays.contains(Self.dayKey(parts)) { continue }
            for interval in (weekly[parts.weekday ?? 0] ?? []).sorted(by: { $0.start < $1.start }) {
                guard let opening = calendar.date(byAdding: .minute, value: interval.start, to: day) else { continue }
                if opening > date { return opening }
            }
        }
        return nil
    }

    private static func dayKey(_ parts: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// An opening interval within one day, in minutes after midnight; `end` is exclusive.
public struct DayInterval: Sendable, Equatable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `"09:00-17:30"`.
    public init?(parsing text: String) {
        let halves = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard halves.count == 2, let start = Self.minutes(halves[0]), let end = Self.minutes(halves[1]), start < end else { return nil }
        self.init(start: start, end: end)
    }

    public func contains(_ minuteOfDay: Int) -> Bool { minuteOfDay >= start && minuteOfDay < end }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 24 * 60 else { return nil }
        return hour * 60 + minute
    }
}
