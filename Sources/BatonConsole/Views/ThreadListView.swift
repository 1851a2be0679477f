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
            + " " + TextFit.pad(showQueue ? "Queue" : "Why", to: Columns.trigger) + " S" + " " + TextFit.padLeft("Wait", to: Columns.wait)
            + (columns.showBar ? " " + TextFit.pad("", to: Columns.bar) : "")
            + " " + TextFit.padLeft("Pickup", to: Columns.pickup) + (columns.showOwner ? " " + TextFit.pad("Owner", to: Columns.owner) : "")
        buffer.write(TextFit.pad(heading, to: region.width), x: region.x, y: region.y, maxWidth: region.width, role: .muted)
        if state.rows.isEmpty {
            let empty = state.mode == .agent && state.scope == .mine ? "  You hold no threads." : "  No threads waiting."
            buffer.write(TextFit.ellipsize(empty, to: region.width), x: region.x, y: region.y + 1,
                         maxWidth: region.width, role: .muted)
        }
        for (index, row) in state.rows.enumerated() {
            let y = region.y + 1 + index
            guard y < region.y + region.height else { break }
            drawRow(row, state: state, columns: columns, showQueue: showQueue, x: region.x, y: y, width: region.width, into: &buffer)
            if state.listOffset + index == state.selection {
                buffer.restyle(x: region.x, y: y, count: region.width, role: .selected)
            }
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

    private static func drawRow(_ row: ThreadRow, state: ConsoleState, columns: Columns, showQueue: Bool, x: Int, y: Int, width: Int,
                                into buffer: inout ScreenBuffer) {
        buffer.fill(x: x, y: y, count: width, role: .normal)
        var column = x
        let mark: String = switch row.priority {
        case .high: "! "
        case .medium: "· "
        case .low: "  "
        }
        column += buffer.write(mark, x: column, y: y, role: row.priority == .high ? .warning : .muted)
        column += buffer.write(TextFit.pad(row.customer, to: columns.customer), x: column, y: y, maxWidth: columns.customer)
        // Supervisors scan by queue; agents (who see only their queues) by trigger.
        column += buffer.write(" " + TextFit.pad(showQueue ? row.queue : row.trigger, to: Columns.trigger), x: column, y: y, role: .muted)
        column += buffer.write(" ●", x: column, y: y, role: sentimentRole(row.sentiment))
        let waited = row.queuedAt.map { Format.duration(state.now.timeIntervalSince($0)) } ?? ""
        column += buffer.write(" " + TextFit.padLeft(waited, to: Columns.wait), x: column, y: y)
        var pickupText = ""
        var pickupRole = StyleRole.normal
        if let remaining = row.pickupRemaining(at: state.now) {
            pickupText = Format.countdown(remaining)
            pickupRole = remaining < 0 ? .alert : (remaining < 60 ? .warning : .normal)
        }
        if row.escalationLevel > 0, row.state.isWaiting { pickupText = "↑\(row.escalationLevel) " + pickupText }
        if columns.showBar {
            var bar = String(repeating: " ", count: Columns.bar)
            if let remaining = row.pickupRemaining(at: state.now) {
                let window = state.pickupWindows[row.queue] ?? 300
                bar = Format.bar(max(0, remaining) / window, width: Columns.bar)
            }
            column += buffer.write(" " + bar, x: column, y: y, role: pickupRole == .normal ? .positive : pickupRole)
        }
        column += buffer.write(" " + TextFit.padLeft(pickupText, to: Columns.pickup), x: column, y: y, role: pickupRole)
        if columns.showOwner {
            let (owner, role) = ownerText(row, agentID: state.agentID)
            buffer.write(" " + TextFit.pad(owner, to: Columns.owner), x: column, y: y, maxWidth: x + width - column, role: role)
        }
    }

    static func ownerText(_ row: ThreadRow, agentID: String) -> (String, StyleRole) {
        if let owner = row.owner, row.state == .claimed {
            return owner == agentID ? ("yours", .accent) : ("held by " + owner, .muted)
        }
        if row.state == .afterHours { return ("after hours", .muted) }
        if let suggested = row.suggestedAgent, suggested == agentID { return ("for you", .accent) }
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
