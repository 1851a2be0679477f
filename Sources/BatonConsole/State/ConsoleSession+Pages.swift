import Foundation
import BatonCore
import BatonStore

/// Pages: a bell and a banner when work arrives for the agent, naming the thread, and `p` to open it.
extension ConsoleSession {
    /// Bell and banner when a thread lands in one of the agent's queues or is suggested to them. The
    /// banner names the thread, and `p` opens that thread (not merely the most urgent one).
    func pageOnNewWork(_ counts: [QueueCounts]) {
        let mine = Set(myQueues)
        let waiting = Dictionary(counts.filter { mine.contains($0.queue) }.map { ($0.queue, $0.waiting) }, uniquingKeysWith: +)
        defer { lastWaiting = waiting }
        // A suggestion is news when it arrived while the console was open, not when it scrolls into view.
        let suggested = state.rows.filter {
            $0.state.isWaiting && $0.suggestedAgent == state.agentID && !pagedSuggestions.contains($0.id)
                && ($0.queuedAt ?? .distantPast) >= startedAt
        }
        pagedSuggestions.formUnion(suggested.map(\.id))
        guard let previous = lastWaiting else { return }
        let openKey = keyMap.firstKey(for: .openPaged, in: .list)
        if let row = suggested.first {
            state.paged = PagedThread(id: row.id, customer: row.customer)
            page("Suggested for you: \(row.customer) in \(row.queue) · \(openKey) opens it")
            return
        }
        for (queue, count) in waiting.sorted(by: { $0.key < $1.key }) where count > previous[queue] ?? 0 {
            // The thread that just arrived: the newest waiting one in that queue.
            let arrived = try? store.threads(ThreadQuery(queues: [queue], states: [.queued, .afterHours], order: .newest, limit: 1)).first
            if let arrived {
                let row = ThreadRow(arrived)
                state.paged = PagedThread(id: row.id, customer: row.customer)
                page("New in \(Sanitizer.line(queue)): \(row.customer) (\(row.trigger)) · \(openKey) opens it · \(count) waiting")
            } else {
                page("New thread in \(Sanitizer.line(queue)): \(count) waiting")
            }
            return
        }
    }

    private func page(_ text: String) {
        banner(text, .banner)
        pendingEffects.append(.bell)
    }

    /// `p`: the thread the last page named, wherever it sits in the list.
    func openPaged() {
        guard let paged = state.paged else {
            return banner("No page yet; Space opens the most urgent thread for you", .muted)
        }
        do {
            try open(paged.id)
            if let packet = state.packet, !isActionableState(packet) {
                banner("\(paged.customer) is no longer waiting" + (packet.owner.map { " (held by \($0))" } ?? ""), .alert)
            }
        } catch {
            show(error)
        }
    }

    private func isActionableState(_ packet: PacketModel) -> Bool {
        packet.state.isWaiting || (packet.state == .claimed && packet.owner == state.agentID)
    }
}
