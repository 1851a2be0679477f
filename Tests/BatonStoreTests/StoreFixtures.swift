import Foundation
import BatonCore
@testable import BatonStore

/// Builders for the values store tests need, with a fixed clock.
enum StoreFixtures {
    static let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)

    static func conversation(_ id: String, messages: Int = 2, customer: String = "Ana Souza", channel: Channel = .webchat) -> Conversation {
        Conversation(
            id: id, channel: channel,
            customer: Customer(id: "cust-\(id)", name: customer, language: "pt", tier: "gold", ltv: 1200, tags: ["vip"]),
            messages: (0..<messages).map { index in
                index.isMultiple(of: 2)
                    ? Message(role: .customer, text: "customer says \(index)", at: t0.addingTimeInterval(Double(index)))
                    : Message(role: .ai, text: "ai answers \(index)", at: t0.addingTimeInterval(Double(index)),
                              confidence: 0.5, intent: "refund", tools: [ToolCall(name: "orders", ok: false, error: "timeout")],
                              kb: ["kb-1"], links: ["https://example.com/help"])
            })
    }

    static func packet(_ id: String, queue: String = "billing", priority: Priority = .medium,
                       trigger: TriggerKind = .explicitRequest) -> ContextPacket {
        ContextPacket(
            conversationID: id, builtAt: t0, summary: ["wants a refund", "asked for a human"],
            primary: FiredTrigger(kind: trigger, message: 0, reason: "customer asked for a person", rule: "explicit_request/en"),
            otherTriggers: [], intent: "refund", confidence: 0.5,
            sentiment: SentimentReading(current: -0.4, trajectory: [-0.1, -0.4]),
            aiTried: AIAttempts(answers: ["try this"]),
            profile: CustomerProfile(id: "cust-\(id)", name: "Ana Souza", channel: .webchat, language: "pt", tier: "gold",
                                     ltv: 1200, tags: ["vip"], priorContacts: [], openHandoffs: 0),
            recommendedAction: "refund", suggestedReply: "Hi, I can help.", transcript: [], whatsappWindow: nil,
            queue: queue, priority: priority)
    }

    static func request(_ id: String, queue: String = "billing", priority: Priority = .medium, afterHours: Bool = false,
                        at now: Date = t0, window: TimeInterval = 300) -> HandoffRequest {
        HandoffRequest(threadID: id, queue: queue, priority: priority, packet: packet(id, queue: queue, priority: priority),
                       afterHours: afterHours, pickupDeadline: now.addingTimeInterval(window),
                       customerMessage: afterHours ? "We open at 9:00." : "Connecting you with our team.")
    }

    /// A store holding thread `id`, handed off to `queue`, staffed (see `staffedStore`).
    static func storeWithQueuedThread(_ id: String = "c1", queue: String = "billing") throws -> SQLiteHandoffStore {
        let store = try SQLiteHandoffStore.inMemory()
        try staff(store)
        _ = try store.record(conversation(id), now: t0)
        try store.handoff(request(id, queue: queue), now: t0)
        return store
    }

    /// An empty in-memory store with the agents tests act as: supervisors sue and sup, and the others.
    static func staffedStore() throws -> SQLiteHandoffStore {
        let store = try SQLiteHandoffStore.inMemory()
        try staff(store)
        return store
    }

    /// Registers the agents tests act as (see `staffedStore`).
    static func staff(_ store: SQLiteHandoffStore) throws {
        try store.register("sue", "sup", role: .supervisor)
        try store.register("ana", "bo", "bob", "zed", "lu", "eve", "ivy", "ana-c1", "ana-c2")
    }

    /// A fresh path in a fresh temporary directory.
    static func temporaryPath(_ name: String = "baton.sqlite") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baton-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }
}

extension SQLiteHandoffStore {
    /// Adds agents as a team's setup does: by its first supervisor, or by anyone while it has none.
    func add(_ agents: Agent...) throws {
        let setup = try self.agents().first { $0.role == .supervisor }?.id ?? "setup"
        for agent in agents { try upsertAgent(agent, actor: agent.role == .supervisor && setup == "setup" ? agent.id : setup) }
    }

    /// Registers agents under these ids, with every queue skill and room for many threads.
    func register(_ ids: String..., role: AgentRole = .agent) throws {
        for id in ids {
            try add(Agent(id: id, name: id, skills: ["billing", "general", "tech", "sales", "vip", "security"], capacity: 1_000, role: role))
        }
    }
}
