import Foundation
import BatonCore
import BatonStore

/// The supervisor's right-hand (or lower) panel: queues with countdown bars and breaches; agents with
/// status, load against capacity and what they hold; today's figures with hourly sparklines; and the
/// breaches of the last 24 hours with their total, in the rows left, scrolled with Tab then j/k.
enum SupervisorPanelView {
    static func draw(_ state: ConsoleState, queueWindows: [String: TimeInterval], in region: Region, into buffer: inout ScreenBuffer) {
        var lines = upperLines(state, queueWindows: queueWindows, width: region.width)
        let notices = state.supervisor?.notices ?? []
        let room = escalationRows(state, in: region)
        if room > 0 || lines.count + 2 <= region.height {
            lines.append(StyledLine([]))
            let first = min(state.escalationScroll, max(0, notices.count - 1))
            let shown = notices.isEmpty ? "" : " · \(first + 1)–\(min(notices.count, first + room)) of \(notices.count)"
            let keys = state.focus == .detail ? " · j/k PgUp/PgDn scroll, Tab back" : (notices.count > room ? " · Tab to scroll" : "")
            lines.append(StyledLine([("Breaches (24 h): \(notices.count)" + shown + keys, .header)]).padded(with: " ", to: region.width, role: .header))
            for notice in notices.dropFirst(first).prefix(room) {
                lines.append(StyledLine([(Format.hourMinute(notice.at) + " ", .muted),
                                         ("\(notice.thread) in \(notice.queue) missed pickup, level \(notice.level)", .alert)]))
            }
            if notices.isEmpty { lines.append(StyledLine([("none", .muted)])) }
        }
        for (index, line) in lines.prefix(region.height).enumerated() {
            line.draw(x: region.x, y: region.y + index, width: region.width, into: &buffer)
        }
    }

    /// Breach rows the panel has room for below queues, agents and figures.
    static func escalationRows(_ state: ConsoleState, in region: Region) -> Int {
        max(0, region.height - upperLines(state, queueWindows: state.pickupWindows, width: region.width).count - 2)
    }

    private static func upperLines(_ state: ConsoleState, queueWindows: [String: TimeInterval], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        lines.append(StyledLine([("Queues", .header)]).padded(with: " ", to: width, role: .header))
        // Under each queue its most urgent waiting threads, when the panel has the room.
        let showHeads = state.size.rows - 4 >= 2 * state.queues.count + (state.supervisor?.agents.count ?? 0) + 14
        for tile in state.queues {
            var line = StyledLine([(TextFit.pad(tile.name, to: 9), tile.breached > 0 ? .alert : .normal)])
            line.append(" " + TextFit.padLeft("\(tile.waiting)", to: 3) + " waiting ", .normal)
            if let deadline = tile.nearestDeadline, tile.waiting > 0 {
                let remaining = deadline.timeIntervalSince(state.now)
                let window = queueWindows[tile.name] ?? 300
                let role: StyleRole = remaining < 0 ? .alert : (remaining < 60 ? .warning : .positive)
                line.append(Format.bar(max(0, remaining) / window, width: 8), role)
                line.append(" " + TextFit.padLeft(Format.countdown(remaining), to: 5), role)
            } else {
                line.append(String(repeating: " ", count: 14), .normal)
            }
            // Late: pickup windows missed in 24 h (the sweeper re-queues each breach, so none stays past due).
            line.append(" · \(tile.requeues) late", tile.breached > 0 ? .alert : (tile.requeues > 0 ? .warning : .muted))
            lines.append(line)
            if showHeads, let heads = state.supervisor?.queueHeads[tile.name], !heads.isEmpty {
                var headLine = StyledLine([("  ", .normal)])
                for row in heads {
                    let remaining = row.pickupRemaining(at: state.now) ?? 0
                    let role: StyleRole = remaining < 0 ? .alert : (remaining < 60 ? .warning : .normal)
                    headLine.append(TextFit.ellipsize(row.customer, to: 12) + " ", .normal)
                    headLine.append(Format.bar(max(0, remaining) / (queueWindows[tile.name] ?? 300), width: 4) + " "
                                    + Format.countdown(remaining) + "   ", role)
                }
                lines.append(headLine)
            }
        }
        lines.append(StyledLine([]))
        lines.append(StyledLine([("Agents", .header)]).padded(with: " ", to: width, role: .header))
        for agent in state.supervisor?.agents ?? [] {
            let statusRole: StyleRole = switch agent.status {
            case .available: .positive
            case .away: .warning
            case .offline: .muted
            }
            var line = StyledLine([(TextFit.pad(agent.name, to: 12), .normal), (" " + TextFit.pad(agent.status.rawValue, to: 9), statusRole)])
            let full = agent.load >= agent.capacity
            line.append(" " + Format.bar(Double(agent.load) / Double(max(1, agent.capacity)), width: 5) + " \(agent.load)/\(agent.capacity)",
                        full ? .warning : .normal)
            if !agent.holding.isEmpty { line.append("  " + agent.holding.joined(separator: ", "), .muted) }
            lines.append(line)
        }
        if let webhooks = state.supervisor?.webhooks, !webhooks.isEmpty {
            lines.append(StyledLine([]))
            lines.append(webhookLine(webhooks, width: width))
        }
        lines.append(StyledLine([]))
        lines.append(StyledLine([("Today", .header)]).padded(with: " ", to: width, role: .header))
        if let stats = state.supervisor?.stats {
            lines.append(StyledLine([("handoff rate " + Format.percent(stats.handoffRate)
                                      + " · false escalations " + Format.percent(stats.falseEscalationRate)
                                      + " · CSAT " + (stats.csat.map { String(format: "%.1f", $0) } ?? "–")
                                      + (stats.aiOnlyCSAT.map { String(format: " (AI alone %.1f)", $0) } ?? ""), .normal)]))
            lines.append(StyledLine([("median pickup " + (stats.medianTimeToPickup.map(Format.duration) ?? "–")
                                      + " · median resolution " + (stats.medianResolutionTime.map(Format.duration) ?? "–"), .normal)]))
            if let quality = stats.weekQuality {
                lines.append(qualityLine(quality, previous: stats.previousWeekQuality))
            }
            if !stats.handoffsPerHour.isEmpty {
                lines.append(StyledLine([("handoffs/h ", .muted), (Format.sparkline(stats.handoffsPerHour, low: 0), .accent)]))
            }
            if !stats.pickupPerHour.isEmpty {
                lines.append(StyledLine([("pickup/h   ", .muted), (Format.sparkline(stats.pickupPerHour, low: 0), .accent)]))
            }
        } else {
            lines.append(StyledLine([("no figures yet", .muted)]))
        }
        return lines
    }

    /// "quality 7 d 78/100 ▲ +4 vs the week before": the week's mean handoff quality score and its trend.
    static func qualityLine(_ quality: Double, previous: Double?) -> StyledLine {
        var line = StyledLine([("quality 7 d ", .muted), (String(format: "%.0f/100", quality), .normal)])
        if let previous {
            let delta = Int((quality - previous).rounded())
            let (trend, role): (String, StyleRole) = delta > 0 ? ("▲ +\(delta)", .positive) : (delta < 0 ? ("▼ \(delta)", .alert) : ("=", .muted))
            line.append(" \(trend) vs the week before", role)
        } else {
            line.append(" · no handoffs the week before", .muted)
        }
        return line
    }

    /// Webhook deliveries: how many gave up (an alert: the bot platform missed those events) and how many are
    /// still being retried, per endpoint.
    static func webhookLine(_ webhooks: [WebhookBacklog], width: Int) -> StyledLine {
        let failed = webhooks.reduce(0) { $0 + $1.failed }
        let pending = webhooks.reduce(0) { $0 + $1.pending }
        var line = StyledLine([("Webhooks ", .accent)])
        if failed > 0 {
            line.append("\(failed) failed", .alert)
            line.append(" (" + webhooks.filter { $0.failed > 0 }.map { Sanitizer.line($0.endpoint) + " \($0.failed)" }.joined(separator: ", ")
                        + ") · baton webhooks failed / redeliver", .muted)
        }
        if pending > 0 { line.append((failed > 0 ? " · " : "") + "\(pending) pending", .normal) }
        return line
    }
}
