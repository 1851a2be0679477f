import Foundation

extension ReviewReport {
    /// Plain text for a terminal: each section's table, then its charts as unicode bars. Customer text is in
    /// it (reasons, notes): callers print it through the sanitizer.
    public func text(barWidth: Int = 30) -> String {
        var lines = ["Handoff review \(ISO8601.format(start)) to \(ISO8601.format(end)), against the \(Self.days(start, end)) before"]
        for section in sections {
            lines.append("")
            lines.append(section.title)
            lines.append(String(repeating: "=", count: TextWidth.width(of: section.title)))
            if !section.rows.isEmpty { lines += Self.table([section.columns] + section.rows) }
            if let note = section.note { lines.append(note) }
            for chart in section.charts where !chart.bars.isEmpty && !section.rows.isEmpty {
                lines.append("")
                lines.append(chart.title)
                lines += Self.bars(chart, width: barWidth)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown: a heading and a table per section, the charts as bars in code blocks.
    public func markdown(barWidth: Int = 30) -> String {
        var lines = ["# Handoff review", "",
                     "\(ISO8601.format(start)) to \(ISO8601.format(end)), against the \(Self.days(start, end)) before."]
        for section in sections {
            lines += ["", "## " + Self.cell(section.title), ""]
            if !section.rows.isEmpty {
                lines.append("| " + section.columns.map(Self.cell).joined(separator: " | ") + " |")
                lines.append("|" + section.columns.map { _ in " --- |" }.joined())
                for row in section.rows { lines.append("| " + row.map(Self.cell).joined(separator: " | ") + " |") }
            }
            if let note = section.note { lines += (section.rows.isEmpty ? [] : [""]) + ["_" + Self.cell(note) + "_"] }
            for chart in section.charts where !chart.bars.isEmpty && !section.rows.isEmpty {
                lines += ["", "**" + Self.cell(chart.title) + "**", "", "```"] + Self.bars(chart, width: barWidth) + ["```"]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// JSON for scripts: keys sorted and snake_case, times in ISO 8601, pretty-printed (a document, not a stream).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// "30 days", "7 days", "36 hours".
    static func days(_ start: Date, _ end: Date) -> String {
        let hours = Int(saturating: (end.timeIntervalSince(start) / 3600).rounded())
        return hours % 24 == 0 ? Plural.count(hours / 24, "day") : Plural.count(hours, "hour")
    }

    /// Rows as aligned columns, measured in terminal columns.
    static func table(_ rows: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], TextWidth.width(of: cell))
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - TextWidth.width(of: cell))
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
    }

    /// One line per bar: label, a bar of eighth blocks scaled to the largest value, the value.
    static func bars(_ chart: ReviewChart, width: Int) -> [String] {
        let labelWidth = chart.bars.map { TextWidth.width(of: $0.label) }.max() ?? 0
        let top = chart.bars.map(\.value).max() ?? 0
        return chart.bars.map { bar in
            let label = bar.label + String(repeating: " ", count: labelWidth - TextWidth.width(of: bar.label))
            return "  \(label)  \(block(top > 0 ? bar.value / top : 0, width: width)) \(bar.display)"
        }
    }

    /// A bar `fraction` of `width` cells long in eighths, padded with spaces to `width`.
    static func block(_ fraction: Double, width: Int) -> String {
        let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let drawn = String(repeating: "█", count: eighths / 8) + partial
        return drawn + String(repeating: " ", count: width - eighths / 8 - (partial.isEmpty ? 0 : 1))
    }

    /// A Markdown table cell: pipes escaped, on one line.
    static func cell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }
}
