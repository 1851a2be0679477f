import Foundation
import BatonCore

/// The thread list: priority, customer, trigger, sentiment, wait, pickup countdown and owner,
/// one row per thread, sorted by the store (priority, then wait). Only the visible page is drawn.
enum ThreadListView {
    /// Column widths for a list `width` columns wide; the customer column takes what is left.
    struct Columns {
        let customer: Int
        let showOwner: Bool
        /// Supervisors get a pickup countdown bar when the list is wide enough.
        let showBar: Bool
        static let trigger = 9
        static let wait = 5
        static let pickup = 7
        static let owner = 12
        static let bar = 6

        init(width: Int, wantsBar: Bool = false) {
            // mark(2) trigger sentiment wait pickup, each after a one-column gap.
            let fixed = 2 + (1 + Self.trigger) + 2 + (1 + Self.wait) + (1 + Self.pickup)
            showOwner = width - fixed - (1 + Self.owner) >= 10
            let withOwner = fixed + (showOwner ? 1 + Self.owner : 0)
            showBar = wantsBar && width - withOwner - (1 + Self.bar) >= 16
            customer = max(4, width - withOwner - (showBar ? 1 + Self.bar : 0))
        }
    }

    static func draw(_ state: ConsoleState, in region: Region, showQueue: Bool, into buffer: inout ScreenBuffer) {
        let columns = Columns(width: region.width, wantsBar: showQueue)
        let heading = "  " + TextFit.pad("Customer", to: columns.customer)
            + " " + TextFit.pad(showQueue ? "Queue" : "Why", to: Columns.trigger) + " " + Legend.sentimentColumn.symbol
            + " " + TextFit.padLeft(Legend.wait.symbol, to: Columns.wait)
            + (columns.showBar ? " " + TextFit.pad("", to: Columns.bar) : "")
            + " " + TextFit.padLeft(Legend.pickup.symbol, to: Columns.pickup) + (columns.showOwner ? " " + TextFit.pad("Owner", to: Columns.owner) : "")
        buffer.write(TextFit.pad(heading, to: region.width), x: region.x, y: region.y, maxWidth: region.width, role: .muted)
        if state.rows.isEmpty {
            let empty = state.filter.map { "  No thread matches “\($0)”; Esc clears the filter." }
                ?? (state.mode == .agent && state.scope == .mine ? "  You hold no threads."
                    : state.mode == .agent && state.scope == .liveAI ? "  No conversation is with the AI."
                    : state.mode == .agent && state.scope == .callbacks ? "  No callbacks promised." : "  No threads waiting.")
            buffer.write(TextFit.ellipsize(empty, to: region.width), x: region.x, y: region.y + 1,
                         maxWidth: region.width, role: .muted)
        }
        // When a dialog takes rows from the list, the rows around the selection stay in view.
        let room = max(0, region.height - 1)
        let selectedIndex = state.selection - state.listOffset
        let first = state.rows.count <= room ? 0 : min(max(0, selectedIndex - room + 1), state.rows.count - room)
        let matches = Set(state.search?.matches.map(\.id) ?? [])
        for (index, row) in state.rows.enumerated().dropFirst(first).prefix(room) {
            let y = region.y + 1 + index - first
            let selected = state.listOffset + index == state.selection
            drawRow(row, state: state, columns: columns, showQueue: showQueue, selected: selected, isMatch: matches.contains(row.id),
                    x: region.x, y: y, width: region.width, into: &buffer)
        }
        // A position hint when the list is longer than the screen.
        if state.totalRows > state.rows.count, region.height > 1 {
            let hint = " \(state.selection + 1)/\(state.totalRows) "
            let hintWidth = TextWidth.width(of: hint)
            if hintWidth < region.width {
                buffer.write(hint, x: region.x + region.width - hintWidth, y: region.y, role: .muted)
            }
        }
    }

    private static func drawRow(_ row: ThreadRow, state: ConsoleState, columns: Columns, showQueue: Bool, selected: Bool, isMatch: Bool,
                                x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        // On the selected row every cell takes the selection's look, but the sentiment keeps its colour.
        func role(_ role: StyleRole) -> StyleRole { selected ? role.onSelection : role }
        buffer.fill(x: x, y: y, count: width, role: role(.normal))
        var column = x
        let mark: String = switch row.priority {
        case .high: Legend.highPriority.symbol + " "
        case .medium: Legend.mediumPriority.symbol + " "
        case .low: "  "
        }
        column += buffer.write(mark, x: column, y: y, role: role(row.priority == .high ? .warning : .muted))
        // A watched AI conversation keeps its name short: the engine's nearest miss is what the agent scans.
        let nameWidth = row.watch == nil ? columns.customer : min(columns.customer, 12)
        let customer = TextFit.pad(row.customer, to: nameWidth)
        column += buffer.write(customer, x: column, y: y, maxWidth: nameWidth, role: role(isMatch ? .accent : .normal))
        if let watch = row.watch {
            // A conversation the AI holds has no queue, wait or pickup yet: the engine's nearest miss takes their place.
            column += buffer.write(" ", x: column, y: y, role: role(.normal))
            column += buffer.write(Legend.sentimentSymbol(row.sentiment, colorless: state.colorless), x: column, y: y,
                                   role: role(sentimentRole(row.sentiment)))
            buffer.write(" " + TextFit.ellipsize(watch, to: max(0, x + width - column - 1)), x: column, y: y,
                         maxWidth: x + width - column, role: role(.normal))
            return
        }
        // Supervisors scan by queue; agents (who see only their queues) by trigger.
        column += buffer.write(" " + TextFit.pad(showQueue ? row.queue : row.trigger, to: Columns.trigger), x: column, y: y, role: role(.normal))
        column += buffer.write(" ", x: column, y: y, role: role(.normal))
        column += buffer.write(Legend.sentimentSymbol(row.sentiment, colorless: state.colorless), x: column, y: y,
                               role: role(sentimentRole(row.sentiment)))
        let waited = row.queuedAt.map { Format.duration(state.now.timeIntervalSince($0)) } ?? ""
        column += buffer.write(" " + TextFit.padLeft(waited, to: Columns.wait), x: column, y: y, role: role(.normal))
        var pickupText = ""
        var pickupRole = StyleRole.normal
        if let remaining = row.pickupRemaining(at: state.now) {
            pickupText = Format.countdown(remaining)
            pickupRole = remaining < 0 ? .alert : (remaining < 60 ? .warning : .normal)
        }
        if row.escalationLevel > 0, row.state.isWaiting { pickupText = "↑\(row.escalationLevel) " + pickupText }
        if let due = row.callbackDue {
            // A callback counts down to its call; an overdue one stands out.
            let remaining = due.timeIntervalSince(state.now)
            pickupText = Format.countdown(remaining)
            pickupRole = remaining < 0 ? .alert : (remaining < 600 ? .warning : .normal)
        }
        if columns.showBar {
            var bar = String(repeating: " ", count: Columns.bar)
            if let remaining = row.pickupRemaining(at: state.now) {
                let window = state.pickupWindows[row.queue] ?? 300
                bar = Format.bar(max(0, remaining) / window, width: Columns.bar)
            }
            column += buffer.write(" " + bar, x: column, y: y, role: role(pickupRole == .normal ? .positive : pickupRole))
        }
        column += buffer.write(" " + TextFit.padLeft(pickupText, to: Columns.pickup), x: column, y: y, role: role(pickupRole))
        if columns.showOwner {
            let (owner, ownerRole) = ownerText(row, agentID: state.agentID)
            buffer.write(" " + TextFit.pad(owner, to: Columns.owner), x: column, y: y, maxWidth: x + width - column, role: role(ownerRole))
        }
    }

    static func ownerText(_ row: ThreadRow, agentID: String) -> (String, StyleRole) {
        if let from = row.offerFrom { return ("OFFER " + from, .warning) }
        if let owner = row.owner, row.state == .claimed {
            return owner == agentID ? (Legend.yours.symbol, .accent) : ("held by " + owner, .muted)
        }
        if row.state == .afterHours { return ("after hours", .muted) }
        if let suggested = row.suggestedAgent, suggested == agentID { return (Legend.forYou.symbol, .accent) }
        return ("", .normal)
    }

    static func sentimentRole(_ band: SentimentBand) -> StyleRole {
        switch band {
        case .positive: .positive
        case .neutral: .neutral
        case .negative: .negative
        }
    }
}
