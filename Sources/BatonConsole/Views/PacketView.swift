import Foundation
import BatonCore

/// The transcript wrapped to a width: its lines, and the line each message starts on.
struct TranscriptLayout: Equatable {
    var lines: [StyledLine]
    /// `starts[i]` is the index in `lines` of message `i`'s first line.
    var starts: [Int]
}

/// The context packet, top to bottom: who (top bar with sentiment and its trajectory), the two-line
/// summary, why it escalated, what the AI tried, what to do, the suggested reply, the WhatsApp
/// window when it matters, then the transcript, scrollable, newest at the bottom.
///
/// When the panel is short (80×24, or a composer open below it) the head gives way first, least needed
/// first, so that the transcript keeps its newest lines in view: the customer's last message is never hidden.
enum PacketView {
    /// Transcript lines the head leaves at least, when the transcript has that many.
    static let minimumTranscript = 4

    static func draw(_ state: ConsoleState, in region: Region, into buffer: inout ScreenBuffer) {
        guard region.height > 0, region.width > 0 else { return }
        guard let packet = state.packet else {
            let urgent = KeyMap.standard.firstKey(for: .urgent, in: .list)
            buffer.write(TextFit.ellipsize("No thread selected. \(urgent) opens the most urgent one you may take.", to: region.width),
                         x: region.x, y: region.y, maxWidth: region.width, role: .muted)
            return
        }
        let selected = state.focus == .detail ? state.selectedMessage : nil
        let transcript = transcriptLayout(packet, width: region.width, selected: selected)
        var lines = fittedHead(packet, state: state, width: region.width, height: region.height, transcriptLines: transcript.lines.count)
        if lines.count + 1 < region.height {
            let back = state.transcriptScroll > 0 ? " (" + Plural.count(state.transcriptScroll, "line") + " back)" : ""
            let keys = state.focus == .detail ? " j/k message · PgUp/PgDn · g/G · y copy · Tab back " : " Tab to read "
            lines.append(StyledLine([("── transcript" + back + " ─", .muted), (keys, state.focus == .detail ? .accent : .muted)])
                .padded(with: "─", to: region.width, role: .muted))
            let room = region.height - lines.count
            let scroll = min(state.transcriptScroll, max(0, transcript.lines.count - room))
            let end = transcript.lines.count - scroll
            let start = max(0, end - room)
            lines.append(contentsOf: transcript.lines[start..<end])
        }
        for (index, line) in lines.prefix(region.height).enumerated() {
            line.draw(x: region.x, y: region.y + index, width: region.width, into: &buffer)
        }
    }

    /// Transcript lines the panel shows for the focused thread in `region`.
    static func transcriptRoom(_ state: ConsoleState, in region: Region) -> Int {
        guard let packet = state.packet else { return 0 }
        let transcript = transcriptLayout(packet, width: region.width, selected: nil).lines.count
        let head = fittedHead(packet, state: state, width: region.width, height: region.height, transcriptLines: transcript).count
        return max(0, region.height - head - 1)
    }

    /// The head lines that fit above the transcript, dropping the least needed first.
    static func fittedHead(_ packet: PacketModel, state: ConsoleState, width: Int, height: Int, transcriptLines: Int) -> [StyledLine] {
        let head = headLines(packet, state: state, width: width)
        let wanted = min(transcriptLines, minimumTranscript)
        var budget = height - 1 - wanted
        guard head.count > budget else { return head.map(\.line) }
        // Drop by rank, highest (least needed) first, later lines first within a rank.
        var keep = Array(repeating: true, count: head.count)
        var count = head.count
        for rank in stride(from: 3, through: 1, by: -1) where count > budget {
            for index in head.indices.reversed() where head[index].rank == rank && count > budget {
                keep[index] = false
                count -= 1
            }
        }
        budget = max(budget, head.filter { $0.rank == 0 }.count)
        return head.indices.filter { keep[$0] }.prefix(max(0, budget)).map { head[$0].line }
    }

    /// Everything above the transcript, each line with a rank: 0 always shown, 3 dropped first.
    static func headLines(_ packet: PacketModel, state: ConsoleState, width: Int) -> [(line: StyledLine, rank: Int)] {
        var lines: [(line: StyledLine, rank: Int)] = []
        let band = SentimentBand(score: packet.sentimentScore)
        let sentimentRole = ThreadListView.sentimentRole(band)
        var top = StyledLine([(TextFit.ellipsize(packet.customer, to: max(8, width / 3)), .accent)])
        // A conversation still with the AI (or a customer sent without a tier) has no tier: no empty field.
        let facts = [packet.tier, packet.channel, packet.language].filter { !$0.isEmpty }
        top.append(" · " + facts.joined(separator: " · ") + "  ", .normal)
        top.append(Legend.sentimentSymbol(band, colorless: state.colorless) + " " + Format.score(packet.sentimentScore) + " " + band.rawValue,
                   sentimentRole)
        if !packet.trajectory.isEmpty {
            top.append(" " + Format.sparkline(packet.trajectory, low: -1, high: 1) + " " + packet.trend.rawValue, sentimentRole)
        }
        lines.append((top, 0))
        lines.append((StyledLine([(statusText(packet, state: state), statusRole(packet, state: state))]), 0))
        if let offer = packet.offer {
            // An open transfer offer: who, how long is left, the keys to answer it, and the note in full view.
            let left = Format.countdown(offer.expiresAt.timeIntervalSince(state.now))
            let keys = offer.toViewer ? " · O accept, D decline" : ""
            lines.append((StyledLine([("Offer ", .accent), (TextFit.ellipsize(offer.headline + " · " + left + " left" + keys, to: max(1, width - 6)), .warning)]), 0))
            for (index, part) in TextFit.wrap(offer.note, to: max(1, width - 6)).prefix(2).enumerated() {
                lines.append((StyledLine([(index == 0 ? "Note  " : "      ", .accent), (part, .normal)]), 0))
            }
        }
        // Each summary line may take two rows; beyond that it ends in an ellipsis.
        for summary in packet.summary.prefix(2) {
            let rows = TextFit.wrap(summary, to: width)
            for (index, row) in rows.prefix(2).enumerated() {
                let text = index == 1 && rows.count > 2 ? TextFit.ellipsize(row + " " + rows[2], to: width) : row
                lines.append((StyledLine([((index == 0 ? "" : "  ") + text, .normal)]), index == 0 ? 2 : 3))
            }
        }
        var why = StyledLine([("Why   ", .accent), (packet.triggerLabel, .warning)])
        if !packet.triggerReason.isEmpty { why.append(" — " + packet.triggerReason, .normal) }
        if !packet.otherTriggers.isEmpty { why.append(" (+" + packet.otherTriggers.joined(separator: ", ") + ")", .muted) }
        lines.append((why, 0))
        for (index, attempt) in packet.aiTried.prefix(2).enumerated() {
            lines.append((StyledLine([(index == 0 ? "Tried " : "      ", .accent), (attempt, .normal)]), 3))
        }
        if !packet.fromBot.isEmpty {
            // The platform's own fields ("from the bot"), as many as fit on one line.
            let text = TextFit.ellipsize(packet.fromBot.joined(separator: " · "), to: max(1, width - 6))
            lines.append((StyledLine([("Bot   ", .accent), (text, .muted)]), 2))
        }
        if let account = packet.account {
            lines.append((StyledLine([("Acct  ", .accent), (TextFit.ellipsize(account, to: max(1, width - 6)), .normal)]), 2))
        }
        for (index, suggestion) in packet.suggestions.suffix(3).reversed().enumerated() {
            let label = index == 0 ? "AI    " : "      "
            let text = TextFit.ellipsize(suggestion.kind + " · " + suggestion.text, to: max(1, width - 6))
            lines.append((StyledLine([(label, .accent), (text, index == 0 ? .positive : .muted)]), index == 0 ? 1 : 3))
        }
        for page in packet.pages.prefix(2) {
            lines.append((StyledLine([("Pages ", .accent), (TextFit.ellipsize(page, to: max(1, width - 6)), .normal)]), 2))
        }
        if !packet.recommendedAction.isEmpty {
            lines.append((StyledLine([("Do    ", .accent), (packet.recommendedAction, .normal)]), 1))
        }
        if !packet.suggestedReply.isEmpty {
            let wrapped = TextFit.wrap(packet.suggestedReply, to: max(1, width - 6))
            for (index, part) in wrapped.prefix(3).enumerated() {
                var text = part
                if index == 2, wrapped.count > 3 { text = TextFit.ellipsize(part + " …", to: max(1, width - 6)) }
                lines.append((StyledLine([(index == 0 ? "Reply " : "      ", .accent), (text, .positive)]), index == 0 ? 0 : 1))
            }
        }
        if let window = packet.whatsappWindow, packet.channel == "whatsapp" {
            if !window.isOpen(at: state.now) {
                lines.append((StyledLine([("WhatsApp 24-h window CLOSED " + Format.duration(state.now.timeIntervalSince(window.closesAt))
                                           + " ago: templates only", .alert)]), 0))
            } else if window.isClosing(at: state.now) {
                lines.append((StyledLine([("WhatsApp 24-h window closes in " + Format.duration(window.remaining(at: state.now)), .warning)]), 0))
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

    /// The transcript wrapped to `width`: a label line per message, then its indented paragraphs. The
    /// `selected` message's label is drawn selected.
    static func transcriptLayout(_ packet: PacketModel, width: Int, selected: Int?) -> TranscriptLayout {
        var lines: [StyledLine] = []
        var starts: [Int] = []
        for (number, entry) in packet.transcript.enumerated() {
            starts.append(lines.count)
            let role: StyleRole = switch entry.kind {
            case .customer: .normal
            case .ai: .muted
            case .agent: .accent
            case .note: .warning
            }
            let time = entry.at.map { " " + Format.hourMinute($0) } ?? ""
            let label = entry.label + time + " "
            let labelWidth = TextWidth.width(of: label)
            let labelRole: StyleRole = number == selected ? .selected : (entry.kind == .customer ? .accent : role)
            var first = true
            for paragraph in entry.paragraphs {
                let indent = first ? labelWidth : 2
                let body = max(1, width - indent)
                for (index, part) in TextFit.wrap(paragraph, to: body).enumerated() {
                    if first, index == 0 {
                        lines.append(StyledLine([(label, labelRole), (part, role)]))
                    } else {
                        lines.append(StyledLine([(String(repeating: " ", count: 2), .normal), (part, role)]))
                    }
                }
                first = false
            }
            if entry.paragraphs.isEmpty { lines.append(StyledLine([(label, labelRole)])) }
        }
        return TranscriptLayout(lines: lines, starts: starts)
    }
}
