import BatonCore
import Foundation

/// Small text helpers for human-readable output.
enum Formatting {
    /// "4m05s", "1h02m", "12s"; negative values get a leading minus.
    static func duration(_ seconds: TimeInterval) -> String {
        let sign = seconds < 0 ? "-" : ""
        let total = Int(saturating: abs(seconds).rounded())
        if total >= 3600 { return "\(sign)\(total / 3600)h\(pad(total / 60 % 60))m" }
        if total >= 60 { return "\(sign)\(total / 60)m\(pad(total % 60))s" }
        return "\(sign)\(total)s"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// Rows as aligned columns; cells are sanitized and measured in terminal columns.
    static func table(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.map(Sanitizer.line) }
        guard let header = rows.first else { return "" }
        var widths = header.map { TextWidth.width(of: $0) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], TextWidth.width(of: cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 || index >= widths.count
                    ? cell : cell + String(repeating: " ", count: widths[index] - TextWidth.width(of: cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
