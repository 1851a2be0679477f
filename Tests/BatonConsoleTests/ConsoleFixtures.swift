import Foundation
import Synchronization
import BatonCore
import BatonStore
@testable import BatonConsole

/// A store with agents and handed-off threads, a fixed clock, and helpers to render screens.
enum ConsoleFixtures {
    /// 2026-11-21 10:00:00 UTC.
    static let t0 = Date(timeIntervalSince1970: 1_795_255_200)

    static let queues = [
        QueueConfig(name: "billing", pickupWindow: 300),
        QueueConfig(name: "tech", pickupWindow: 600),
    ]

    /// A clock tests can move.
    final class Clock: Sendable {
        private let offset = Mutex(0.0)
        var now: Date { t0.addingTimeInterval(offset.withLock { $0 }) }
        func advance(_ seconds: TimeInterval) { offset.withLock { $0 += seconds } }
        var function: @Sendable () -> Date { { [self] in now } }
    }

    /// Agent ids the fixture store registers as supervisors.
    static let supervisors: Set<String> = ["sue", "lead"]

    static func store(agents: [Agent] = [
        Agent(id: "ana", name: "Ana", skills: ["billing"]),
        Agent(id: "bob", name: "Bob", skills: ["billing", "tech"]),
        Agent(id: "sue", name: "Sue", skills: ["tech"]),
    ]) throws -> SQLiteHandoffStore {
        let store = try SQLiteHandoffStore.inMemory()
        // Sue and Lead lead the team. Supervisors go first: until a store has one, its setup may add anyone.
        let crew: [Agent] = agents.map { (agent: Agent) -> Agent in
            var agent = agent
            if supervisors.contains(agent.id) { agent.role = AgentRole.supervisor }
            return agent
        }.sorted { (a: Agent, b: Agent) in a.role == AgentRole.supervisor && b.role != AgentRole.supervisor }
        let setup = crew.first { $0.role == AgentRole.supervisor }?.id ?? "setup"
        for agent in crew { try store.upsertAgent(agent, actor: setup) }
        return store
    }

    /// Records a conversation and hands it off to `queue`, `waited` seconds before t0.
    @discardableResult
    static func handoff(_ store: SQLiteHandoffStore, id: String, customer: String, queue: String = "billing", priority: Priority = .medium,
                        trigger: TriggerKind = .explicitRequest, sentiment: Double = -0.4, waited: TimeInterval = 60,
                        messages: [Message]? = nil, channel: Channel = .webchat, suggestedReply: String = "Hi, I can help with that refund now.",
                        window: ReplyWindow? = nil, summary: [String]? = nil, suggestedAgent: String? = nil) throws -> String {
        let at = t0.addingTimeInterval(-waited)
        let transcript = messages ?? [
            Message(role: .customer, text: "I was charged twice for order 1182", at: at.addingTimeInterval(-120)),
            Message(role: .ai, text: "I can see one charge. Could you check your statement?", at: at.addingTimeInterval(-90), confidence: 0.4),
            Message(role: .customer, text: "I already did. Let me talk to a human please", at: at.addingTimeInterval(-30)),
        ]
        let conversation = Conversation(id: id, channel: channel,
                                        customer: Customer(id: "cust-\(id)", name: customer, language: "en", tier: "gold"),
                                        messages: transcript)
        _ = try store.record(conversation, now: at)
        let packet = ContextPacket(
            conversationID: id, builtAt: at, summary: summary ?? ["Charged twice for order 1182; wants the duplicate refunded.",
                                                                   "AI checked one charge, customer asked for a human."],
            primary: FiredTrigger(kind: trigger, message: 2, reason: "customer asked for a human", rule: "explicit_request/en"),
            otherTriggers: [], intent: "refund", confidence: 0.4,
            sentiment: SentimentReading(current: sentiment, trajectory: [0.1, -0.2, sentiment]),
            aiTried: AIAttempts(answers: ["I can see one charge."], kb: ["kb-refunds"], toolCalls: [ToolCall(name: "orders", ok: false, error: "timeout")]),
            profile: CustomerProfile(id: "cust-\(id)", name: customer, channel: channel, language: "en", tier: "gold", ltv: 900,
                                     tags: [], priorContacts: [], openHandoffs: 0),
            recommendedAction: "Refund the duplicate charge of order 1182.", suggestedReply: suggestedReply,
            transcript: transcript, whatsappWindow: window, queue: queue, priority: priority)
        let window = queues.first { $0.name == queue }?.pickupWindow ?? 300
        try store.handoff(HandoffRequest(threadID: id, queue: queue, priority: priority, packet: packet, afterHours: false,
                                         pickupDeadline: at.addingTimeInterval(window), customerMessage: "Connecting you with our team.",
                                         suggestedAgent: suggestedAgent), now: at)
        return id
    }

    /// The hostile customer name: clear screen, OSC 52 clipboard write, bidi override, C1 CSI, BEL.
    static let hostileName = "Evil\u{1B}[2J\u{1B}]52;c;cGF5bWU=\u{07}Co\u{202E}rp\u{9B}31m"

    /// The standard scene: three billing threads (one hostile, one wide) and one tech thread.
    static func scene() throws -> SQLiteHandoffStore {
        let store = try store()
        try handoff(store, id: "t1", customer: "Marta Núñez", priority: .high, sentiment: -0.7, waited: 400)
        try handoff(store, id: "t2", customer: hostileName, trigger: .sentiment, sentiment: -0.1, waited: 120,
                    messages: [Message(role: .customer, text: "hi\u{1B}]0;pwned\u{07} there\u{1B}[31m red\u{7}\nsecond line\u{202E}olleh",
                                       at: t0.addingTimeInterval(-200))])
        try handoff(store, id: "t3", customer: "👩‍💻 王小明 🇲🇽 José", trigger: .policyTopic, sentiment: 0.5, waited: 30)
        try handoff(store, id: "t4", customer: "Tech Person", queue: "tech", trigger: .toolFailure, sentiment: 0.0, waited: 10)
        return store
    }

    /// The standard scene after a sweep (t1 missed its pickup window) with Bob holding t3.
    static func supervisorScene() throws -> SQLiteHandoffStore {
        let store = try scene()
        _ = try store.sweep(now: t0, queues: queues)
        try store.claim(threadID: "t3", agent: "bob", now: t0)
        return store
    }

    static let stats = ConsoleStats(handoffRate: 0.12, medianTimeToPickup: 80, medianResolutionTime: 600, csat: 4.3,
                                    falseEscalationRate: 0.03, handoffsPerHour: [1, 3, 5, 2, 8], pickupPerHour: [60, 90, 30])

    static func session(_ store: SQLiteHandoffStore, agent: String = "ana", supervisor: Bool = false, clock: Clock = Clock(),
                        size: TerminalSize = TerminalSize(columns: 120, rows: 40), stats: ConsoleStats? = nil,
                        countsInterval: TimeInterval = 0) throws -> ConsoleSession {
        try ConsoleSession(store: store, agentID: agent, supervisor: supervisor, queues: queues, clock: clock.function,
                           stats: stats.map { value in { @Sendable _ in value } }, size: size, countsInterval: countsInterval)
    }

    /// Renders the session's state at its size, as text lines.
    static func screen(_ session: ConsoleSession) -> String {
        ConsoleRenderer.render(session.state, size: session.state.size).text
    }
}
