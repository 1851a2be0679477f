import BatonCore
/// Fitting text into a number of terminal columns: clipping, ellipsis, padding and word wrap.
///
/// All functions count columns with `TextWidth` and never split a grapheme cluster, so a wide
/// character either fits whole or is left out.
public enum TextFit {
    /// The longest prefix of `text` that fits in `columns`.
    public static func clip(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        var used = 0
        var result = ""
        for character in text {
            let width = TextWidth.width(of: character)
            if used + width > columns { break }
            used += width
            result.append(character)
        }
        return result
    }

    /// `text` unchanged if it fits, else clipped with a trailing `…` inside `columns`.
    public static func ellipsize(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if TextWidth.width(of: text) <= columns { return text }
        return clip(text, to: columns - 1) + "…"
    }

    /// `text` ellipsized and then padded with spaces to exactly `columns` columns.
    public static func pad(_ text: String, to columns: Int) -> String {
        let fitted = ellipsize(text, to: columns)
        let missing = columns - TextWidth.width(of: fitted)
        return missing > 0 ? fitted + String(repeating: " ", count: missing) : fitted
    }

    /// `text` padded on the left to exactly `columns` columns (for numbers and times).
    public static func padLeft(_ text: String, to columns: Int) -> String {
        let fitted = ellipsize(text, to: columns)
        let missing = columns - TextWidth.width(of: fitted)
        return missing > 0 ? String(repeating: " ", count: missing) + fitted : fitted
    }

    /// Word-wraps one line of text into lines of at most `columns` columns; words longer than a
    /// line are broken between clusters.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = TextWidth.width(of: word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= columns {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > columns {
                let head = clip(word, to: columns)
                guard !head.isEmpty else { break }
                lines.append(head)
                word = String(word.dropFirst(head.count))
                wordWidth = TextWidth.width(of: word)
            }
            line = word
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
