import Foundation

/// When a customer asked to be called back, as read from what they wrote ("mañana a las 4", "tomorrow after
/// 3pm", "amanhã de manhã", "any time Monday"), before it is placed on a calendar.
public struct CallbackRequest: Sendable, Equatable {
    /// Days from today (0 today, 1 tomorrow, 2 the day after), when the customer named one that way.
    public var dayOffset: Int?
    /// A named weekday, 1 = Sunday … 7 = Saturday: the next one after today.
    public var weekday: Int?
    /// Hour (0–23) and minute, when the customer gave a time.
    public var hour: Int?
    public var minute: Int
    /// A part of the day ("in the morning", "por la tarde") when no time was given.
    public var partOfDay: PartOfDay?
    /// "in 2 hours": seconds from now.
    public var after: TimeInterval?

    public enum PartOfDay: String, Sendable, Equatable {
        case morning, noon, afternoon, evening

        /// The hour a call "in the morning" is placed at, before opening hours move it.
        var startHour: Int {
            switch self {
            case .morning: 9
            case .noon: 12
            case .afternoon: 14
            case .evening: 18
            }
        }
    }

    public init(dayOffset: Int? = nil, weekday: Int? = nil, hour: Int? = nil, minute: Int = 0, partOfDay: PartOfDay? = nil,
                after: TimeInterval? = nil) {
        self.dayOffset = dayOffset
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
        self.partOfDay = partOfDay
        self.after = after
    }

    /// Whether the customer named a time of day (an hour, a part of the day or a delay), not only a day.
    public var namesATime: Bool { hour != nil || partOfDay != nil || after != nil }
}

/// A callback placed on the queue's calendar.
public struct CallbackSlot: Sendable, Equatable {
    /// When the team calls.
    public var at: Date
    /// The time the customer asked for is outside opening hours: `at` is the nearest open slot after it.
    public var moved: Bool

    public init(at: Date, moved: Bool) {
        self.at = at
        self.moved = moved
    }
}

/// Reads callback times from customer text in English, Spanish and Portuguese and places them in a queue's
/// time zone and opening hours.
public enum CallbackTime {
    /// The callback time in `text`; nil when it names no day or time.
    public static func read(_ text: String) -> CallbackRequest? {
        let words = tokens(text)
        var request = CallbackRequest()
        var found = false
        var index = 0
        func word(_ offset: Int) -> String? {
            let position = index + offset
            return words.indices.contains(position) ? words[position] : nil
        }
        while index < words.count {
            let token = words[index]
            defer { index += 1 }
            // Day after tomorrow: "pasado mañana", "depois de amanhã", "day after tomorrow".
            if (token == "pasado" && word(1) == "manana") || (token == "depois" && word(1) == "de" && word(2) == "amanha")
                || (token == "day" && word(1) == "after" && word(2) == "tomorrow") {
                request.dayOffset = 2
                index += token == "pasado" ? 1 : 2
                found = true
                continue
            }
            switch token {
            case "today", "hoy", "hoje":
                request.dayOffset = 0
                found = true
            case "tonight":
                request.dayOffset = 0
                request.partOfDay = .evening
                found = true
            case "tomorrow", "amanha":
                request.dayOffset = 1
                found = true
            case "manana":
                // "mañana" is tomorrow, except in "por la mañana" / "de la mañana" (the morning).
                if index > 0, words[index - 1] == "la" {
                    request.partOfDay = .morning
                } else {
                    request.dayOffset = 1
                }
                found = true
            case "morning", "manha":
                request.partOfDay = .morning
                found = true
            case "noon", "midday", "mediodia":
                request.partOfDay = .noon
                found = true
            case "afternoon", "tarde":
                request.partOfDay = .afternoon
                found = true
            case "evening", "noche", "noite":
                request.partOfDay = .evening
                found = true
            case "in", "en", "em", "within", "dentro":
                // "in 2 hours", "en 30 minutos", "em 1 hora".
                if let next = word(1), let amount = Int(next), let unit = word(2) {
                    if ["hour", "hours", "hora", "horas", "hr", "hrs", "h"].contains(unit) {
                        request.after = TimeInterval(amount) * 3600
                        found = true
                        index += 2
                    } else if ["minute", "minutes", "minuto", "minutos", "min", "mins"].contains(unit) {
                        request.after = TimeInterval(amount) * 60
                        found = true
                        index += 2
                    }
                }
            default:
                if let day = weekdays[token] {
                    request.weekday = day
                    found = true
                } else if let time = clockTime(token, next: word(1), previous: index > 0 ? words[index - 1] : nil) {
                    request.hour = time.hour
                    request.minute = time.minute
                    found = true
                    if time.usedNext { index += 1 }
                }
            }
        }
        guard found else { return nil }
        // A bare hour is a business hour: "a las 4" is 16:00, "at 9" 09:00; a part of the day settles it.
        if let hour = request.hour, hour < 12, !explicitMeridiem(words) {
            switch request.partOfDay {
            case .afternoon?, .evening?: request.hour = hour + 12
            case .morning?: break
            case .noon?, nil: if hour >= 1 && hour <= 7 { request.hour = hour + 12 }
            }
        }
        if request.hour != nil { request.partOfDay = nil }
        return request
    }

    /// Places `request` on the calendar of `hours` (its time zone, DST included) as seen at `now`, and moves
    /// it to the nearest open slot after it when the queue is closed then. Nil when the queue never opens.
    public static func place(_ request: CallbackRequest, now: Date, hours: BusinessHours) -> CallbackSlot? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = hours.timeZone
        var wanted: Date
        if let after = request.after {
            wanted = now.addingTimeInterval(after)
        } else {
            let today = calendar.startOfDay(for: now)
            var offset = request.dayOffset ?? 0
            if request.dayOffset == nil, let weekday = request.weekday {
                let todayWeekday = calendar.component(.weekday, from: now)
                offset = (weekday - todayWeekday + 7) % 7
                if offset == 0 { offset = 7 }
            }
            guard let day = calendar.date(byAdding: .day, value: offset, to: today) else { return nil }
            let hour = request.hour ?? request.partOfDay?.startHour
            if let hour {
                var parts = calendar.dateComponents([.year, .month, .day], from: day)
                parts.hour = hour
                parts.minute = request.minute
                guard let time = calendar.date(from: parts) else { return nil }
                wanted = time
                // "at 4" said after 4 with no day named means the next 4 o'clock.
                if wanted <= now, request.dayOffset == nil, request.weekday == nil,
                   let next = calendar.date(byAdding: .day, value: 1, to: day) {
                    var nextParts = calendar.dateComponents([.year, .month, .day], from: next)
                    nextParts.hour = hour
                    nextParts.minute = request.minute
                    wanted = calendar.date(from: nextParts) ?? wanted
                }
            } else {
                wanted = day
            }
        }
        if wanted < now { wanted = now }
        if hours.isOpen(at: wanted) { return CallbackSlot(at: wanted, moved: false) }
        guard let opening = hours.nextOpening(after: wanted) else { return nil }
        // A day with no time ("any time Monday") is called at that day's opening: what was asked, not a move.
        let sameDayAnyTime = !request.namesATime && calendar.isDate(opening, inSameDayAs: wanted)
        return CallbackSlot(at: opening, moved: !sameDayAnyTime)
    }

    // MARK: Reading

    static let weekdays: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            // Full names, and abbreviations that are not everyday words ("sat", "wed", "ter", "sex" are).
            ["sunday", "domingo"],
            ["monday", "mon", "lunes", "segunda"],
            ["tuesday", "tue", "tues", "martes", "terca"],
            ["wednesday", "miercoles", "quarta"],
            ["thursday", "thu", "thurs", "jueves", "quinta"],
            ["friday", "fri", "viernes", "sexta"],
            ["saturday", "sabado"],
        ]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()

    /// Words that introduce an hour: "at 4", "a las 4", "às 4", "after 3", "después de las 3", "depois das 3".
    static let hourMarkers: Set<String> = ["at", "las", "la", "as", "after", "around", "by", "from", "das", "partir", "till", "until", "before"]

    /// Lowercased words without accents; "p.m." reads "pm", "16h30" stays one word.
    static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "p.m.", with: "pm").replacingOccurrences(of: "a.m.", with: "am")
            .replacingOccurrences(of: "p.m", with: "pm").replacingOccurrences(of: "a.m", with: "am")
        var words: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber || character == ":" {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Whether the text says am or pm anywhere, so bare hours are not read as business hours.
    static func explicitMeridiem(_ words: [String]) -> Bool {
        words.contains { $0 == "am" || $0 == "pm" || $0.hasSuffix("am") && Int($0.dropLast(2)) != nil || $0.hasSuffix("pm") && Int($0.dropLast(2)) != nil }
    }

    /// An hour in `token` ("4", "4pm", "16:30", "16h", "16h30", "4:30pm"), with "pm"/"am" possibly in `next`.
    /// A bare number counts only after a word that introduces an hour, so "order 8812" is no time.
    static func clockTime(_ token: String, next: String?, previous: String?) -> (hour: Int, minute: Int, usedNext: Bool)? {
        var body = Substring(token)
        var meridiem: String?
        var usedNext = false
        for suffix in ["am", "pm"] where body.hasSuffix(suffix) {
            meridiem = suffix
            body = body.dropLast(2)
        }
        if meridiem == nil, let next, next == "am" || next == "pm" {
            meridiem = next
            usedNext = true
        }
        var hourText = body
        var minuteText: Substring = "0"
        var marked = false
        if let colon = body.firstIndex(of: ":") {
            hourText = body[..<colon]
            minuteText = body[body.index(after: colon)...]
            marked = true
        } else if let h = body.firstIndex(of: "h") {
            hourText = body[..<h]
            let rest = body[body.index(after: h)...]
            minuteText = rest.isEmpty ? "0" : rest
            marked = true
        }
        guard !hourText.isEmpty, hourText.count <= 2, minuteText.count <= 2,
              var hour = Int(hourText), let minute = Int(minuteText), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        guard marked || meridiem != nil || previous.map(hourMarkers.contains) == true else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "pm", hour < 12 { hour += 12 }
            if meridiem == "am", hour == 12 { hour = 0 }
        }
        return (hour, minute, usedNext)
    }
}
