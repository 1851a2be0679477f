import BatonCore
import Foundation

/// Small text helpers for human-readable output.
enum Formatting {
    /// "4m05s", "1h02m", "12s"; negative values get a leading minus.
    static func duration(_ seconds: TimeInterval) -> String {
        let sign = seconds < 0 ? "-" : ""
        let total = Int(abs(seconds).rounded())
        if total >= 3600 { return "\(sign)\(total / 3600)h\(pad(total / 60 % 60))m" }
        if total >= 60 { return "\(sign)\(total / 60)m\(pad(total % 60))s" }
        return "\(sign)\(total)s"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
