import Foundation

/// How the review writes its figures.
enum ReviewText {
    /// "+3", "-2", "=" ; "+25%" style is avoided: small counts make percentages noisy.
    static func trend(_ now: Double?, _ before: Double?, unit: String = "") -> String {
        guard let now, let before else { return "" }
        let delta = now - before
        if abs(delta) < 0.05 { return "=" }
        let rounded = delta.rounded() == delta ? String(Int(delta)) : String(format: "%.1f", delta)
        return (delta > 0 ? "+" : "") + rounded + unit
    }

    static func score(_ value: Double) -> String { String(format: "%.0f", value) }
    static func csat(_ value: Double) -> String { String(format: "%.2f", value) }
    static func percent(_ fraction: Double) -> String { String(format: "%.0f%%", fraction * 100) }
    static func component(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }

    /// "45s", "4m05", "2h10": compact, for tables and bars.
    static func duration(_ seconds: Double) -> String {
        let total = Int(saturating: seconds.rounded())
        if total >= 3600 { return "\(total / 3600)h" + String(format: "%02d", total / 60 % 60) }
        if total >= 60 { return "\(total / 60)m" + String(format: "%02d", total % 60) }
        return "\(total)s"
    }
}
