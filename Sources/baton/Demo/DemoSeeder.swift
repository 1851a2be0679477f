import BatonCore
import BatonStore
import Foundation

/// Fills a store with a realistic day: conversations across queues and languages, some resolved
/// earlier, some claimed, some waiting near or past their pickup window, some after hours.
struct DemoSeeder {
    let store: any HandoffStore
    let config: BatonConfig
    let now: Date

    /// The demo's config: the defaults, with the sales queue closed right now so after-hours handling shows.
    static func config(now: Date) -> BatonConfig {
        var config = BatonConfig()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let hour = calendar.component(.hour, from: now)
        let opens = (hour + 4) % 24
        let interval = DayInterval(start: opens * 60, end: min(opens * 60 + 8 * 60, 24 * 60))
        let hours = BusinessHours(weekly: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [interval]) }),
                                  timeZone: calendar.timeZone)
        config.queues = config.queues.map { queue in
            var queue = queue
            if queue.name == "sales" { queue.hours = hours }
            return queue
        }
        return config
    }

    /// The console user's id when neither --agent nor $USER names one.
    static let defaultConsoleUser = "demo"

    /// The demo's agents; Ana and the console user are supervisors, so the supervisor view and its actions work.
    static func agents(consoleUser: String) -> [Agent] {
        var agents = [
            Agent(id: "ana", name: "Ana Torres", skills: ["general", "billing", "retention"], capacity: 4),
            Agent(id: "bo", name: "Bo Lindqvist", skills: ["security", "legal", "safety", "general"], capacity: 3),
            Agent(id: "cy", name: "Cy Okoro", skills: ["sales", "vip", "tech"], capacity: 3),
        ]
        if !agents.contains(where: { $0.id == consoleUser }) {
            let allSkills = Array(Set(BatonConfig.defaultQueues.flatMap(\.skills))).sorted()
            let name = consoleUser == defaultConsoleUser ? "Demo Agent" : consoleUser
            agents.append(Agent(id: consoleUser, name: name, skills: allSkills, capacity: 6))
        }
        // Ana leads the team, and the console user may use the supervisor view too.
        for index in agents.indices where agents[index].id == consoleUser || agents[index].id == "ana" { agents[index].role = .supervisor }
        return agents
    }

    /// Seeds every script; returns how many conversations and handoffs were written.
    func seed(consoleUser: String, idPrefix: String = "demo") throws -> (conversations: Int, handoffs: Int) {
        // The supervisor first: a new store lets anyone add agents until it has one, then supervisors only.
        let team = Self.agents(consoleUser: consoleUser).sorted { $0.role == .supervisor && $1.role != .supervisor }
        let lead = team.first?.id ?? consoleUser
        for agent in team { try store.upsertAgent(agent, actor: lead) }
        var handoffs = 0
        let scripts = DemoScripts.scripts
        for (index, script) in scripts.enumerated() {
            // Spread the day: the first third finished earlier, the rest arrived in the last 20 minutes.
            let plan = Timeline(index: index, count: scripts.count)
            let started = now.addingTimeInterval(-plan.minutesAgo * 60)
            let conversation = Self.conversation(script, id: "\(idPrefix)-\(index + 1)", startedAt: started)
            let handedOff = started.addingTimeInterval(min(60, plan.minutesAgo * 30))
            let dispatcher = Dispatcher(store: store, config: config, clock: { handedOff })
            guard case .handedOff(let thread) = try dispatcher.ingest(.conversation(conversation)) else { continue }
            handoffs += 1
            try play(plan, thread: thread, handedOff: handedOff)
        }
        return (scripts.count, handoffs)
    }

    /// What happened to a thread after its handoff, so the board looks like a working day.
    private func play(_ plan: Timeline, thread: ThreadSummary, handedOff: Date) throws {
        let agents = Self.agents(consoleUser: "-").filter { $0.id != "-" }
        let queue = config.queue(named: thread.queue)
        guard let agent = agents.first(where: { Router.canWork($0, queue: queue) }) else { return }
        switch plan.stage {
        case .resolved:
            let claimed = handedOff.addingTimeInterval(Double(60 + plan.index * 17 % 240))
            try store.claim(threadID: thread.id, agent: agent.id, now: claimed)
            try store.reply(threadID: thread.id, agent: agent.id, text: "Thanks for waiting, I've sorted this out for you.", now: claimed + 120)
            let disposition: Disposition = plan.index % 7 == 3 ? .aiCouldHaveHandled : .solved
            try store.resolve(threadID: thread.id, agent: agent.id, disposition: disposition, note: nil, now: claimed + 300 + Double(plan.index * 23 % 400))
            try store.recordCSAT(threadID: thread.id, score: [5, 4, 5, 3, 4, 2, 5][plan.index % 7], now: claimed + 900)
        case .claimed:
            try store.claim(threadID: thread.id, agent: agent.id, now: handedOff + 90)
        case .waiting:
            break
        }
    }

    static func conversation(_ script: DemoScripts.Script, id: String, startedAt: Date) -> Conversation {
        var messages: [Message] = []
        for (offset, line) in script.lines.enumerated() {
            let at = startedAt.addingTimeInterval(Double(offset) * 20)
            guard line.hasPrefix("ai: ") else {
                messages.append(Message(role: .customer, text: line, at: at))
                continue
            }
            var text = String(line.dropFirst(4))
            var tools: [ToolCall] = []
            var confidence: Double?
            if let bang = text.range(of: " !") {
                let spec = text[bang.upperBound...].split(separator: ":", maxSplits: 1)
                tools.append(ToolCall(name: String(spec[0]), ok: false, error: spec.count > 1 ? String(spec[1]) : "failed"))
                text = String(text[..<bang.lowerBound])
            }
            if let atSign = text.range(of: " @", options: .backwards), let value = Double(text[atSign.upperBound...]) {
                confidence = value
                text = String(text[..<atSign.lowerBound])
            }
            messages.append(Message(role: .ai, text: text, at: at, confidence: confidence, tools: tools))
        }
        let slug = script.customer.lowercased().replacingOccurrences(of: " ", with: ".")
        return Conversation(id: id, channel: script.channel,
                            customer: Customer(id: slug, name: script.customer, language: script.language, tier: script.tier,
                                               ltv: script.ltv, tags: script.tags, priorContacts: script.prior),
                            messages: messages)
    }

    /// When a script's conversation started and how far it got.
    struct Timeline {
        enum Stage { case resolved, claimed, waiting }
        let index: Int
        let minutesAgo: Double
        let stage: Stage

        init(index: Int, count: Int) {
            self.index = index
            let third = count / 3
            if index < third {
                // Earlier today: spread over the last 8 hours, finished.
                minutesAgo = 60 + Double(index) * 25
                stage = .resolved
            } else if index < third + 4 {
                minutesAgo = 12 + Double(index - third) * 3
                stage = .claimed
            } else {
                // Waiting: from just arrived to well past a 5-minute window.
                minutesAgo = [0.5, 1.5, 2.5, 3.5, 4.2, 4.6, 6, 8, 11][(index - third - 4) % 9] + Double((index - third - 4) / 9) * 0.7
                stage = .waiting
            }
        }
    }
}
