import Foundation
import BatonCore
import BatonStore

/// Watching the AI and taking over from it: the live-AI scope lists conversations the AI still holds, most
/// recent activity first, each with its sentiment and the engine's nearest miss; claiming one hands it off
/// as `agent_takeover` with this agent as the actor, and the bot hears `claimed` so it stops answering.
extension ConsoleSession {
    /// Whether the list shows conversations the AI holds.
    var isWatchingAI: Bool { state.mode == .agent && state.scope == .liveAI }

    /// The engine the watch uses, built on first use from `journeyConfig`.
    var watchEngine: TriggerEngine {
        if let cachedWatchEngine { return cachedWatchEngine }
        let engine = TriggerEngine(config: journeyConfig.engine)
        cachedWatchEngine = engine
        return engine
    }

    /// What the engine makes of a conversation right now; nil when it is gone.
    func watch(_ id: String) throws -> AIWatch? {
        guard let conversation = try store.conversation(id: id) else { return nil }
        return AIWatch.assess(conversation, decision: watchEngine.evaluate(conversation), config: journeyConfig.engine)
    }

    /// Fills the visible rows' nearest miss and sentiment (only the visible page is evaluated).
    func watchAIRows() {
        for index in state.rows.indices where state.rows[index].state == .ai {
            guard let seen = try? watch(state.rows[index].id) else { continue }
            state.rows[index].sentiment = seen.sentiment.band
            state.rows[index].watch = Sanitizer.line(Self.describe(seen))
        }
    }

    /// The packet panel of a conversation the AI holds: its sentiment so far and the engine's nearest miss.
    func watchAIPacket() {
        guard let id = state.packet?.threadID, let seen = try? watch(id) else { return }
        state.packet?.sentimentScore = seen.sentiment.current
        state.packet?.trajectory = seen.sentiment.trajectory
        state.packet?.trend = seen.sentiment.trend
        state.packet?.triggerLabel = "with AI"
        state.packet?.triggerReason = Sanitizer.line(seen.nearestMiss ?? "no handoff signal yet")
        state.packet?.recommendedAction = "Claim (c) to take over from the AI: the bot stops answering and the customer hears your introduction."
    }

    /// "confidence 0.52, one more low reply hands off", or the trend when nothing is close.
    static func describe(_ watch: AIWatch) -> String {
        watch.nearestMiss ?? "sentiment \(watch.sentiment.trend.rawValue)"
    }

    /// `c` on a conversation the AI holds: hand it off as `agent_takeover` and claim it, in one transaction.
    func takeOverFocused() {
        guard let packet = state.packet else { return }
        do {
            let now = clock()
            guard let conversation = try store.conversation(id: packet.threadID),
                  let request = TakeoverPlanner(config: journeyConfig).request(conversation: conversation, agent: agentID, now: now)
            else { return banner("Nothing to take over yet: the conversation has no message", .muted) }
            try store.takeOver(request, now: now)
            banner("Took over \(packet.customer) from the AI", .positive)
            // The thread leaves the live-AI list; show it where the agent's threads are.
            if isWatchingAI { state.scope = .mine }
            try open(packet.threadID)
        } catch {
            show(error)
        }
    }
}
