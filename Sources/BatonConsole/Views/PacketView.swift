import Foundation
import BatonCore

/// The context packet, top to bottom: who (top bar with sentiment sparkline), the two-line
/// summary, why it escalated, what the AI tried, what to do, the suggested reply, the WhatsApp
/// window when it matters, then the transcript, scrollable, newest at the bottom.
enum PacketView {
    static func draw(_ state: ConsoleState, in region: Region, into buffer: inout ScreenBuffer) {
        guard region.height > 0, region.width > 0 else { return }
        guard let packet = state.packet else {
            buffer.write(TextFit.ellipsize("No thread selected. n jumps to the most urgent one you may take.", to: region.width),
                         x: region.x, y: region.y, maxWidth: region.width, role: .muted)
            return
        }
        var lines = headLines(packet, state: state, width: region.width)
        let transcriptTop = lines.count + 1
        if transcriptTop < region.height {
            let scrollHint = state.transcriptScroll > 0 ? " (\(state.transcriptScroll) lines back, PgDn)" : " (PgUp)"
            lines.append(StyledLine([("── transcript" + scrollHint + " ", .muted)]).padded(with: "─", to: region.width, role: .muted))
            let transcript = transcriptLines(packet, width: region.width)
            let room = region.height - lines.count
            let scroll = min(state.transcriptScroll, max(0, transcript.count - room))
            let end = transcript.count - scroll
            let start = max(0, end - room)
            lines.append(contentsOf: transcript[start..<end])
        }
        for (index, line) in lines.prefix(region.height).enumerated() {
            line.draw(x: region.x, y: region.y + index, width: region.width, into: &buffer)
        }
    }

    /// Everything above the transcript.
    static func headLines(_ packet: PacketModel, state: ConsoleState, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let sentimentRole = ThreadListView.sentimentRole(SentimentBand(score: packet.sentimentScore))
        var top = StyledLine([(TextFit.ellipsize(packet.customer, to: max(8, width / 3)), .accent)])
        top.append(" · \(packet.tier) · \(packet.channel) · \(packet.language)  ", .normal)
        top.append("● " + Format.score(packet.sentimentScore), sentimentRole)
        if !packet.trajectory.isEmpty {
            top.append(" " + Format.sparkline(packet.trajectory, low: -1, high: 1) + " " + packet.trend.rawValue, sentimentRole)
        }
        lines.append(top)
        lines.append(StyledLine([(statusText(packet, state: state), statusRole(packet, state: state))]))
        // Each summary line may take two rows; beyond that it ends in an ellipsis.
        for summary in packet.summary.prefix(2) {
            let rows = TextFit.wrap(summary, to: width)
            for (index, row) in rows.prefix(2).enumerated() {
                let text = index == 1 && rows.count > 2 ? TextFit.ellipsize(row + " " + rows[2], to: width) : row
                lines.append(StyledLine([((index == 0 ? "" : "  ") + text, .normal)]))
            }
        }
        var why = StyledLine([("Why   ", .accent), (packet.triggerLabel, .warning)])
        if !packet.triggerReason.isEmpty { why.append(" — " + packet.triggerReason, .normal) }
        if !packet.otherTriggers.isEmpty { why.append(" (+" + packet.otherTriggers.joined(separator: ", ") + ")", .muted) }
        lines.append(why)
        for (index, attempt) in packet.aiTried.prefix(2).enumerated() {
            lines.append(StyledLine([(index == 0 ? "Tried " : "      ", .accent), (attempt, .normal)]))
        }
        if !packet.recommendedAction.isEmpty {
            lines.append(StyledLine([("Do    ", .accent), (packet.recommendedAction, .normal)]))
        }
        if !packet.suggestedReply.isEmpty {
            let wrapped = TextFit.wrap(packet.suggestedReply, to: max(1, width - 6))
            for (index, part) in wrapped.prefix(3).enumerated() {
                var text = part
                if index == 2, wrapped.count > 3 { text = TextFit.ellipsize(part + " …", to: max(1, width - 6)) }
                lines.append(StyledLine([(index == 0 ? "Reply " : "      ", .accent), (text, .positive)]))
            }
        }
        if let window = packet.whatsappWindow, packet.channel == "whatsapp" {
            if !window.isOpen(at: state.now) {
                lines.append(StyledLine([("WhatsApp 24-h window CLOSED " + Format.duration(state.now.timeIntervalSince(window.closesAt))
                                          + " ago: templates only", .alert)]))
            } else if window.isClosing(at: state.now) {
                lines.append(StyledLine([("WhatsApp 24-h window closes in " + Format.duration(window.remaining(at: state.now)), .warning)]))
            }
        }
        return lines
    }

    private static func statusText(_ packet: PacketModel, state: ConsoleState) -> String {
        var parts = [packet.queue, packet.priority.rawValue]
        switch packet.state {
        case .queued, .afterHours:
            if let queuedAt = packet.queuedAt { parts.append("waiting " + Format.duration(state.now.timeIntervalSince(queuedAt))) }
            if let deadline = packet.pickupDeadline {
                let remaining = deadline.timeIntervalSince(state.now)
                parts.append(remaining < 0 ? "pickup late by " + Format.duration(-remaining) : "pickup in " + Format.countdown(remaining))
            }
            if packet.state == .afterHours { parts.append("after hours") }
        case .claimed:
            let owner = packet.owner == state.agentID ? "you" : (packet.owner ?? "?")
            parts.append("claimed by " + owner + (packet.claimedAt.map { " " + Format.duration(state.now.timeIntervalSince($0)) + " ago" } ?? ""))
        case .ai: parts.append("with the AI")
        case .resolved: parts.append("resolved")
        }
        if packet.escalationLevel > 0 { parts.append("escalated ×\(packet.escalationLevel)") }
        return parts.joined(separator: " · ")
    }

    private static func statusRole(_ packet: PacketModel, state: ConsoleState) -> StyleRole {
        if let deadline = packet.pickupDeadline, packet.state.isWaiting, deadline < state.now { return .alert }
        return .muted
    }

    /// The transcript wrapped to `width`: a label line per message, then its indented paragraphs.
    static func transcriptLines(_ packet: PacketModel, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for entry in packet.transcript {
            let role: StyleRole = switch entry.kind {
            case .customer: .normal
            case .ai: .muted
            case .agent: .accent
            case .note: .warning
            }
            let time = entry.at.map { " " + Format.hourMinute($0) } ?? ""
            let label = entry.label + time + " "
            let labelWidth = TextWidth.width(of: label)
            var first = true
            for paragraph in entry.paragraphs {
                let indent = first ? labelWidth : 2
                let body = max(1, width - indent)
                for (index, part) in TextFit.wrap(paragraph, to: body).enumerated() {
                    if first, index == 0 {
                        lines.append(StyledLine([(label, entry.kind == .customer ? .accent : role), (part, role)]))
                    } else {
                        lines.append(StyledLine([(String(repeating: " ", count: 2), .normal), (part, role)]))
                    }
                }
                first = false
            }
        }
        return lines
    }
}
