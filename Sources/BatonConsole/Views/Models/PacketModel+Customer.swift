import Foundation
import BatonCore

/// The customer's attributes and visited pages as the packet shows them (console and `baton show`),
/// sanitized: names and values come from the bot platform.
extension PacketModel {
    /// Attribute text longer than this is cut (after whole words where it can be) on display.
    static let attributeDisplayLimit = 60
    /// Recent visits listed.
    public static let recentPagesShown = 5

    /// `account name: Acme Ltd · plan: Pro · contract value: 12000`, nil without attributes.
    public static func accountLine(_ attributes: [CustomerAttribute]) -> String? {
        guard !attributes.isEmpty else { return nil }
        return attributes.map { attribute in
            let name = String(Sanitizer.line(attribute.name).map { $0 == "_" ? " " : $0 })
            let value = Sanitizer.line(attribute.value.description)
            return name + ": " + (value.count > attributeDisplayLimit ? value.prefix(attributeDisplayLimit - 1) + "…" : value)
        }.joined(separator: " · ")
    }

    /// Each page rule that matched, with why: `pricing_interest: 4 visits to /pricing* in the last 7 days
    /// (/pricing, /pricing/teams) → buying_intent`.
    public static func pageSignalLines(_ signals: [PageSignal]) -> [String] {
        signals.map { Sanitizer.line($0.rule + ": " + $0.reason + " → " + $0.effect) }
    }

    /// The most recent visits, newest first: `/pricing "Pricing" 2026-11-20T10:00:00Z`.
    public static func recentPageLines(_ pages: [PageVisit]) -> [String] {
        pages.sorted { $0.at > $1.at }.prefix(recentPagesShown).map { page in
            let title = page.title.map { " \"" + Sanitizer.line(String($0.prefix(80))) + "\"" } ?? ""
            return Sanitizer.line(String(page.path.prefix(120))) + title + " " + ISO8601.format(page.at)
        }
    }
}
