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
}
