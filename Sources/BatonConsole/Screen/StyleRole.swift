/// What a cell means on screen; themes map each role to colours and attributes.
///
/// Views speak only in roles, never in colours, so a theme (or `NO_COLOR`) can restyle everything.
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
    case normal
    case header
    case selected
    /// Breaches, lost races, closed WhatsApp windows: things that need action now.
    case alert
    /// Close to a limit: pickup window nearly over, WhatsApp window closing.
    case warning
    case positive
    case neutral
    case negative
    case muted
    case accent
    /// The status-line banner (paging, results of commands).
    case banner
    /// A sentiment symbol on the selected row: the sentiment's colour on the selection's background,
    /// so the selected row keeps its sentiment colour. Themes may set these; by default they are derived.
    case selectedPositive = "selected-positive"
    case selectedNeutral = "selected-neutral"
    case selectedNegative = "selected-negative"

    /// The roles every theme file sets; the others are derived from them when a theme leaves them out.
    public static let themed: [StyleRole] = allCases.filter { $0.derivation == nil }

    /// For a derived role, the role giving its foreground and the one giving its background.
    public var derivation: (foreground: StyleRole, background: StyleRole)? {
        switch self {
        case .selectedPositive: (.positive, .selected)
        case .selectedNeutral: (.neutral, .selected)
        case .selectedNegative: (.negative, .selected)
        default: nil
        }
    }

    /// Whether this is a sentiment's role on the selected row.
    public var isSentiment: Bool { derivation != nil }

    /// The role of the same meaning on the selected row.
    public var onSelection: StyleRole {
        switch self {
        case .positive: .selectedPositive
        case .neutral: .selectedNeutral
        case .negative: .selectedNegative
        default: .selected
        }
    }
}
