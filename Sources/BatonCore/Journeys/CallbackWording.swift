import Foundation

/// A callback time as the customer reads it, in their language and the queue's time zone: "tomorrow, Tue
/// 1 Dec, at 16:00", "mañana, mar 1 dic, a las 16:00", "amanhã, ter 1 dez, às 16:00".
public struct CallbackWording: Sendable {
    public var templates: Templates

    public init(templates: Templates) { self.templates = templates }

    public func describe(_ date: Date, now: Date, zone: TimeZone, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.month, .day, .weekday, .hour, .minute], from: date)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        let time = "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
        let keys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        let weekdayKey = keys[((parts.weekday ?? 1) - 1 + 7) % 7]
        let weekday = templates.weekday.text(kind: weekdayKey, topic: nil, language: language, includingDefault: false) ?? weekdayKey
        let lang = templates.weekday.language(for: language)
        let month = (Self.months[lang] ?? Self.months["en"]!)[max(0, min(11, (parts.month ?? 1) - 1))]
        let dayNumber = parts.day ?? 1
        let today = calendar.startOfDay(for: now)
        let days = calendar.dateComponents([.day], from: today, to: calendar.startOfDay(for: date)).day ?? 99
        switch lang {
        case "es":
            let at = hour == 1 ? "a la" : "a las"
            if days == 0 { return "hoy \(at) \(time)" }
            if days == 1 { return "mañana, \(weekday) \(dayNumber) \(month), \(at) \(time)" }
            return "el \(weekday) \(dayNumber) \(month) \(at) \(time)"
        case "pt":
            if days == 0 { return "hoje às \(time)" }
            if days == 1 { return "amanhã, \(weekday) \(dayNumber) \(month), às \(time)" }
            return "no dia \(dayNumber) \(month) (\(weekday)) às \(time)"
        case "ja":
            let monthDay = "\(parts.month ?? 1)月\(dayNumber)日"
            if days == 0 { return "本日\(time)" }
            if days == 1 { return "明日（\(monthDay) \(weekday)）\(time)" }
            return "\(monthDay)（\(weekday)）\(time)"
        default:
            if days == 0 { return "today at \(time)" }
            if days == 1 { return "tomorrow, \(weekday) \(dayNumber) \(month), at \(time)" }
            return "on \(weekday) \(dayNumber) \(month) at \(time)"
        }
    }

    static let months: [String: [String]] = [
        "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
        "pt": ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
        "ja": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
    ]
}
