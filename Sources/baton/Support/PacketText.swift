import BatonConsole
import BatonCore
import Foundation

/// The context packet as plain text for `baton show`, in the order an agent scans it.
enum PacketText {
    static func render(_ detail: ThreadDetail, offer: TransferOffer? = nil, now: Date) -> String {
        let thread = detail.summary
        var lines: [String] = []
        let owner = thread.owner.map { " · held by \($0)" } ?? ""
        lines.append("\(Sanitizer.line(thread.customerName)) · \(thread.queue) · \(thread.state.rawValue)\(owner) · priority \(thread.priority.rawValue)")
        if let offer {
            let by = offer.offeredBy == offer.from ? offer.from : "\(offer.offeredBy) for \(offer.from)"
            lines.append("OFFER    to \(offer.to) by \(by), answer within \(Formatting.duration(offer.expiresAt.timeIntervalSince(now))) · note: \(Sanitizer.line(offer.note))")
        }
        guard let packet = detail.packet else {
            lines.append("(no handoff packet: the AI has this conversation)")
            lines.append(contentsOf: fromBot(detail.botFields))
            lines.append(contentsOf: transcript(detail.messages))
            return lines.joined(separator: "\n")
        }
        let profile = packet.profile
        let ltv = profile.ltv.map { String(format: " · LTV %.0f", $0) } ?? ""
        let tags = profile.tags.isEmpty ? "" : " · " + profile.tags.map(Sanitizer.line).joined(separator: ",")
        lines.append("\(profile.tier) · \(profile.channel.rawValue) · \(profile.language)\(ltv)\(tags) · prior contacts \(profile.priorContacts.count) · open handoffs \(profile.openHandoffs)")
        lines.append("sentiment \(packet.sentiment.band.rawValue) (\(String(format: "%+.2f", packet.sentiment.current)), \(packet.sentiment.trend.rawValue)) trajectory \(packet.sentiment.trajectory.map { String(format: "%+.2f", $0) }.joined(separator: " → "))")
        if let account = PacketModel.accountLine(profile.attributes) { lines.append("ACCOUNT  \(account)") }
        for signal in PacketModel.pageSignalLines(profile.pageSignals) { lines.append("PAGES    \(signal)") }
        for (index, page) in PacketModel.recentPageLines(profile.pages).enumerated() {
            lines.append((index == 0 ? "VISITED  " : "         ") + page)
        }
        if let window = packet.whatsappWindow {
            lines.append(window.isOpen(at: now)
                ? "WhatsApp window open, closes in \(Formatting.duration(window.remaining(at: now)))"
                : "WhatsApp window CLOSED: only template messages can be sent")
        }
        lines.append("")
        lines.append(contentsOf: packet.summary.map(Sanitizer.line))
        lines.append("")
        lines.append("TRIGGER  \(packet.primary.kind.rawValue) (\(packet.primary.rule)): \(Sanitizer.line(packet.primary.reason))")
        for other in packet.otherTriggers {
            lines.append("   also  \(other.kind.rawValue) (\(other.rule)): \(Sanitizer.line(other.reason))")
        }
        if let intent = packet.intent {
            lines.append("INTENT   \(intent)\(packet.confidence.map { String(format: " (confidence %.2f)", $0) } ?? "")")
        }
        let tried = packet.aiTried
        if !tried.answers.isEmpty || !tried.toolCalls.isEmpty {
            lines.append("AI TRIED")
            for answer in tried.answers { lines.append("  · \(Sanitizer.line(answer))") }
            for tool in tried.toolCalls {
                lines.append("  · tool \(Sanitizer.line(tool.name)): \(tool.ok ? "ok" : "FAILED \(Sanitizer.line(tool.error ?? ""))")")
            }
            if !tried.kb.isEmpty { lines.append("  · KB: \(tried.kb.map(Sanitizer.line).joined(separator: ", "))") }
            if !tried.links.isEmpty { lines.append("  · links: \(tried.links.map(Sanitizer.line).joined(separator: ", "))") }
        }
        lines.append(contentsOf: fromBot(detail.botFields))
        lines.append(contentsOf: suggestions(detail.suggestions))
        lines.append("DO       \(packet.recommendedAction)")
        lines.append("REPLY    \(Sanitizer.line(packet.suggestedReply(agentName: thread.owner ?? "{agent}")))")
        lines.append("")
        lines.append(contentsOf: transcript(detail.messages))
        if !detail.notes.isEmpty {
            lines.append("")
            lines.append("NOTES")
            for note in detail.notes { lines.append("  \(ISO8601.format(note.at)) \(note.author): \(Sanitizer.line(note.text))") }
        }
        if !detail.audit.isEmpty {
            lines.append("")
            lines.append("AUDIT")
            for entry in detail.audit {
                lines.append("  \(ISO8601.format(entry.at)) \(entry.actor) \(entry.action.rawValue) \(entry.fromState?.rawValue ?? "-")→\(entry.toState.rawValue)\(entry.reason.map { ": \(Sanitizer.line($0))" } ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Fields of the bot's input Baton does not know, kept with the conversation.
    static func fromBot(_ fields: [BotField]) -> [String] {
        guard !fields.isEmpty else { return [] }
        return ["FROM THE BOT"] + fields.map { "  · \(Sanitizer.line($0.path)): \(Sanitizer.line($0.value))" }
    }

    /// The AI's suggestions for the agent (collaborative mode), newest last.
    static func suggestions(_ suggestions: [Suggestion]) -> [String] {
        guard !suggestions.isEmpty else { return [] }
        return ["AI SUGGESTS (for you; never sent to the customer)"]
            + suggestions.map { "  · \($0.kind.rawValue): \(Sanitizer.line($0.composerText))" }
    }

    static func transcript(_ messages: [Message]) -> [String] {
        ["TRANSCRIPT"] + messages.map { message in
            let who = message.role == .customer ? "customer" : message.role == .ai ? "ai      " : "agent   "
            let confidence = message.confidence.map { String(format: " [%.2f]", $0) } ?? ""
            return "  \(who)\(confidence) \(Sanitizer.line(message.text))"
        }
    }
}
