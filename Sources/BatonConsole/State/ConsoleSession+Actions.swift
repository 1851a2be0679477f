import Foundation
import BatonCore
import BatonStore

/// What an agent does to a thread: jump to it, claim, reply, note, transfer, re-queue, release, resolve;
/// and what a supervisor does: force-release and reassign.
extension ConsoleSession {
    /// Space: the most urgent waiting thread in the agent's queues (a suggested one first among equals).
    func jumpToUrgent(quiet: Bool = false) {
        do {
            let candidates = try store.threads(ThreadQuery(queues: myQueues, states: [.queued, .afterHours], limit: 20, offset: 0))
            guard let first = candidates.first else {
                if !quiet { banner("Nothing is waiting in your queues", .muted) }
                return
            }
            let pick = candidates.first { $0.suggestedAgent == agentID && $0.priority == first.priority } ?? first
            try open(pick.id)
        } catch {
            show(error)
        }
    }

    /// Shows thread `id` in the agent view, in the list when the list holds it (the agent's queues
    /// otherwise, without a filter).
    func open(_ id: String) throws {
        if state.mode == .supervisor { state.mode = .agent }
        state.focus = .list
        var position = try store.threadPosition(listQuery, id: id)
        if position == nil, state.filter != nil || state.scope != .myQueues {
            state.filter = nil
            state.scope = .myQueues
            state.search = nil
            position = try store.threadPosition(listQuery, id: id)
        }
        state.listOffset = position.map { max(0, $0 - visibleRows / 2) } ?? state.listOffset
        state.selection = position ?? state.selection
        state.focusedID = id
        focusPinned = position == nil
        state.transcriptScroll = 0
        reload()
        state.focusedID = id
        loadPacket()
    }

    func claimFocused() {
        guard let packet = state.packet else { return }
        if packet.state == .ai { return takeOverFocused() }
        if packet.state == .claimed, packet.owner == state.agentID { return banner("\(packet.customer) is already yours", .muted) }
        do {
            try store.claim(threadID: packet.threadID, agent: agentID, now: clock())
            banner("Claimed \(packet.customer)", .positive)
            reload()
        } catch {
            show(error)
        }
    }

    /// Makes sure the agent owns the focused thread, claiming it if it is waiting.
    func ensureOwned(_ threadID: String) -> Bool {
        guard let packet = state.packet, packet.threadID == threadID else { return false }
        if packet.state == .claimed, packet.owner == state.agentID { return true }
        do {
            try store.claim(threadID: threadID, agent: agentID, now: clock())
            reload()
            return true
        } catch {
            show(error)
            return false
        }
    }

    func startReply(inEditor: Bool) {
        guard let packet = ownedOrWaitingPacket(), ensureOwned(packet.threadID) else { return }
        let draft = restoreDraft(threadID: packet.threadID, kind: .reply)
        let composer = Composer(purpose: .reply(threadID: packet.threadID), title: "Reply to \(packet.customer)",
                                text: draft, suggestion: packet.suggestedReply)
        state.modal = .composer(composer)
        if inEditor { pendingEffects.append(.openEditor(initialText: draft.isEmpty ? packet.suggestedReply : draft)) }
    }

    func startNote() {
        guard let packet = ownedPacket(for: "write a note") else { return }
        let draft = restoreDraft(threadID: packet.threadID, kind: .note)
        state.modal = .composer(Composer(purpose: .note(threadID: packet.threadID), title: "Internal note on \(packet.customer)", text: draft))
    }

    func askToSendSuggested() {
        guard let packet = ownedOrWaitingPacket() else { return }
        guard !packet.suggestedReply.isEmpty else { return banner("This thread has no suggested reply; r to write one", .alert) }
        let claimFirst = packet.state == .claimed ? "" : "Claim and "
        state.modal = .confirmation(Confirmation(purpose: .sendSuggested(threadID: packet.threadID, text: packet.suggestedReply),
                                                 question: "\(claimFirst)send the suggested reply to \(packet.customer)?",
                                                 detail: packet.suggestedReply))
    }

    func sendSuggested(threadID: String, text: String) {
        guard ensureOwned(threadID) else { return }
        let customer = state.packet?.customer ?? "the customer"
        _ = act("Sent the suggested reply to \(customer)") { now in try store.reply(threadID: threadID, agent: agentID, text: text, now: now) }
    }

    func startTransfer() {
        guard let packet = ownedOrWaitingPacket() else { return }
        let names = (queues.isEmpty ? state.queues.map(\.rawName) : queues.map(\.name)).filter { $0 != packet.queue }
        guard !names.isEmpty else { return banner("No other queue to transfer to", .alert) }
        state.modal = .picker(Picker(purpose: .transferQueue(threadID: packet.threadID), title: "Transfer \(packet.customer) to",
                                     labels: names.map(Sanitizer.line), values: names))
    }

    func startRequeue() {
        guard let packet = ownedPacket(for: "re-queue") else { return }
        state.modal = .composer(Composer(purpose: .requeueReason(threadID: packet.threadID),
                                         title: "Back to \(packet.queue): reason (optional)"))
    }

    func startRelease() {
        guard let packet = ownedOrWaitingPacket() else { return }
        state.modal = .composer(Composer(purpose: .releaseNote(threadID: packet.threadID),
                                         title: "Release \(packet.customer) to the AI: note for the bot (optional)"))
    }

    func startResolve() {
        guard let packet = ownedPacket(for: "resolve") else { return }
        let dispositions = Disposition.chosenByPeople
        state.modal = .picker(Picker(purpose: .disposition(threadID: packet.threadID), title: "Resolve \(packet.customer) as",
                                     labels: dispositions.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") },
                                     values: dispositions.map(\.rawValue)))
    }

    func startForceRelease() {
        guard requireSupervisor(), let packet = state.packet else { return }
        state.modal = .composer(Composer(purpose: .forceReleaseReason(threadID: packet.threadID),
                                         title: "Force-release \(packet.customer) to the AI: reason (required)"))
    }

    /// Agents who can work the thread's queue and have room come first; the others are marked with why
    /// (no skill, full, away), and choosing one is an override the audit records with the reason.
    func startReassign() {
        guard requireSupervisor(), let packet = state.packet else { return }
        do {
            let queue = self.queue(named: packet.queue)
            let agents = try store.agents().filter { $0.id != packet.owner }
            guard !agents.isEmpty else { return banner("No other agent to reassign to", .alert) }
            let rated = agents.map { agent in (agent, AgentFitness.unfitness(of: agent, for: queue)) }
                .sorted { ($0.1 == nil ? 0 : 1, $0.0.id) < ($1.1 == nil ? 0 : 1, $1.0.id) }
            state.modal = .picker(Picker(purpose: .reassignAgent(threadID: packet.threadID), title: "Reassign \(packet.customer) to",
                                         labels: rated.map { agent, _ in
                                             Sanitizer.line("\(agent.name.isEmpty ? agent.id : agent.name) (\(agent.id)) \(agent.load)/\(agent.capacity) \(agent.status.rawValue)")
                                         },
                                         values: rated.map(\.0.id), warnings: rated.map(\.1)))
        } catch {
            show(error)
        }
    }

    /// `y` on the list: the focused thread's suggested reply to the clipboard.
    func copySuggested() {
        guard let packet = state.packet, !packet.suggestedReply.isEmpty else {
            return banner("No suggested reply to copy", .muted)
        }
        pendingEffects.append(.copy(packet.suggestedReply))
        banner("Copied the suggested reply to the clipboard (OSC 52; your terminal must allow it)", .positive)
    }

    func ownedPacket(for action: String) -> PacketModel? {
        guard let packet = state.packet else { return nil }
        guard packet.state == .claimed, packet.owner == state.agentID else {
            banner("Claim \(packet.customer) first to \(action)" + (packet.owner.map { " (held by \($0))" } ?? ""), .alert)
            return nil
        }
        return packet
    }

    func ownedOrWaitingPacket() -> PacketModel? {
        guard let packet = state.packet else { return nil }
        if packet.state.isWaiting || (packet.state == .claimed && packet.owner == state.agentID) { return packet }
        if packet.state == .claimed, let owner = packet.owner {
            banner("Held by \(owner)", .alert)
        } else {
            banner("\(packet.customer) is \(packet.state == .ai ? "with the AI" : packet.state.rawValue)", .alert)
        }
        return nil
    }

    /// The configured queue of that name, or a default one (always open, 5-minute window).
    func queue(named name: String?) -> QueueConfig {
        queues.named(name ?? "default")
    }

    /// Runs one store operation; on success shows `success` and returns true, on a refusal shows why.
    /// Reloads either way.
    @discardableResult
    func act(_ success: String?, _ operation: (Date) throws -> Void) -> Bool {
        do {
            try operation(clock())
            if let success { banner(success, .positive) }
            reload()
            return true
        } catch {
            show(error)
            return false
        }
    }

    /// "waiting 6m40, pickup within 5m00": what a thread back in a queue looks like, for confirmations.
    func waitDescription(threadID: String) -> String {
        guard let summary = try? store.thread(id: threadID)?.summary else { return "" }
        var parts: [String] = []
        if let queuedAt = summary.queuedAt { parts.append("waiting " + Format.duration(clock().timeIntervalSince(queuedAt)) + " (kept)") }
        if let deadline = summary.pickupDeadline { parts.append("pickup within " + Format.duration(deadline.timeIntervalSince(clock()))) }
        return parts.joined(separator: ", ")
    }
}
