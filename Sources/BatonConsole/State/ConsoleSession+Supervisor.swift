import Foundation
import BatonCore
import BatonStore

/// The supervisor view's data: agents and what they hold, breaches (with a banner when one happens),
/// today's figures and the most urgent threads of each queue.
extension ConsoleSession {
    func loadSupervisor(now: Date) throws {
        let agents = try store.agents()
        let lines = try agents.map { agent in
            SupervisorModel.AgentLine(agent, holding: agent.load > 0
                ? try store.threads(ThreadQuery(states: [.claimed], owner: agent.id, limit: 3)) : [])
        }
        let notices = try store.escalations(since: now.addingTimeInterval(-86_400)).map(SupervisorModel.Notice.init)
        announceBreaches(notices)
        var stats = cachedStats?.figures
        let tick = DispatchTime.now().uptimeNanoseconds
        if let statsProvider, cachedStats.map({ Double(tick - $0.at) / 1e9 >= statsInterval }) ?? true {
            do {
                stats = try statsProvider(now)
                cachedStats = (stats, tick)
            } catch {
                banner("Figures unavailable: \(error)", .alert)
            }
        }
        // The three most urgent waiting threads per queue: one small indexed page each.
        var heads: [String: [ThreadRow]] = [:]
        for tile in state.queues where tile.waiting > 0 {
            let rows = try store.threads(ThreadQuery(queues: [tile.rawName], states: [.queued, .afterHours], limit: 3))
            heads[tile.name] = rows.map(ThreadRow.init)
        }
        state.supervisor = SupervisorModel(agents: lines, notices: notices, stats: stats, queueHeads: heads)
        // Webhook deliveries given up on (and those still being retried), when `baton serve` shares the store.
        if let integration = store as? any IntegrationStore {
            state.supervisor?.webhooks = try integration.webhookBacklog().filter { $0.failed > 0 || $0.pending > 0 }
        }
        state.escalationScroll = min(state.escalationScroll, max(0, notices.count - 1))
    }

    /// A banner (and the bell) for each pickup-window breach since the view last looked.
    private func announceBreaches(_ notices: [SupervisorModel.Notice]) {
        let keys = Set(notices.map(\.key))
        defer { announcedBreaches = (announcedBreaches ?? []).union(keys) }
        guard let announced = announcedBreaches else { return }
        let fresh = notices.filter { !announced.contains($0.key) }
        guard let newest = fresh.first else { return }
        let more = fresh.count > 1 ? " (+\(fresh.count - 1) more)" : ""
        banner("Breach: \(newest.thread) in \(newest.queue) missed pickup, level \(newest.level)\(more)", .alert)
        pendingEffects.append(.bell)
    }
}
