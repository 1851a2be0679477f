import Foundation
import BatonCore
import BatonStore

/// Agent-to-agent transfers: `T` offers the thread you hold to an agent with a note; the receiver gets a notice,
/// sees the thread marked as an offer (the note in the packet) and answers with `O` (accept) or `D` (decline)
/// before the queue's `offer_timeout`; the offering agent hears about a decline or a timeout.
extension ConsoleSession {
    /// `T`: agents who can take the thread now come first; the others are marked with why (the store refuses
    /// them with that reason, so the picker only warns).
    func startOffer() {
        guard let packet = state.packet else { return }
        guard packet.state == .claimed, packet.owner == state.agentID || state.isSupervisor else {
            return banner("Claim \(packet.customer) first to offer it to an agent" + (packet.owner.map { " (held by \(Sanitizer.line($0)))" } ?? ""), .alert)
        }
        do {
            let queue = self.queue(named: packet.queue)
            let agents = try store.agents().filter { $0.id != packet.owner }
            guard !agents.isEmpty else { return banner("No other agent to offer \(packet.customer) to", .alert) }
            let rated = agents.map { agent in (agent, AgentFitness.unfitness(of: agent, for: queue)) }
                .sorted { ($0.1 == nil ? 0 : 1, $0.0.id) < ($1.1 == nil ? 0 : 1, $1.0.id) }
            state.modal = .picker(Picker(purpose: .offerAgent(threadID: packet.threadID), title: "Offer \(packet.customer) to",
                                         labels: rated.map { agent, _ in
                                             Sanitizer.line("\(agent.name.isEmpty ? agent.id : agent.name) (\(agent.id)) \(agent.load)/\(agent.capacity) \(agent.status.rawValue)")
                                         },
                                         values: rated.map(\.0.id), warnings: rated.map(\.1)))
        } catch {
            show(error)
        }
    }

    func chooseOfferAgent(threadID: String, agent: String) {
        let timeout = Format.duration(queue(named: state.packet?.queue).offerTimeout)
        state.modal = .composer(Composer(purpose: .offerNote(threadID: threadID, agent: agent),
                                         title: "Offer to \(Sanitizer.line(agent)) (answer within \(timeout)): note, why, what is done, what is left"))
    }

    /// Makes the offer; true when the store took it.
    func offer(threadID: String, to agent: String, note: String) -> Bool {
        let customer = state.packet?.customer ?? "the thread"
        let timeout = Format.duration(queue(named: state.packet?.queue).offerTimeout)
        return act("Offered \(customer) to \(Sanitizer.line(agent)); it stays yours until they answer (\(timeout))") { now in
            try store.offerTransfer(threadID: threadID, actor: agentID, toAgent: agent, note: note, queues: queues, now: now)
        }
    }

    /// `O` / `D`: answers the offer of the focused thread, or else the offer to the agent that runs out first.
    func answerOffer(accept: Bool) {
        do {
            let now = clock()
            let offers = try store.openOffers(toAgent: agentID, now: now)
            guard let offer = offers.first(where: { $0.threadID == state.packet?.threadID }) ?? offers.first else {
                return banner("Nothing is offered to you right now", .muted)
            }
            let customer = Sanitizer.line(offer.customerName.isEmpty ? offer.threadID : offer.customerName)
            if accept {
                try store.acceptOffer(threadID: offer.threadID, agent: agentID, now: now)
                banner("\(customer) is yours; \(Sanitizer.line(offer.from))'s note is in the packet", .positive)
                reload()
                try open(offer.threadID)
            } else {
                try store.declineOffer(threadID: offer.threadID, agent: agentID, reason: nil, queues: queues, now: now)
                reload()
                banner("Declined \(customer); back in \(Sanitizer.line(offer.queue)), in its place, and \(Sanitizer.line(offer.from)) is told", .positive)
            }
        } catch {
            show(error)
            reload()
        }
    }

    /// Marks the listed threads offered to this agent.
    func markOffersOnRows() throws {
        guard state.mode == .agent, state.rows.contains(where: { $0.state == .claimed && $0.owner != state.agentID }) else { return }
        let offers = try store.openOffers(toAgent: agentID, now: clock())
        guard !offers.isEmpty else { return }
        let from = Dictionary(offers.map { ($0.threadID, $0.from) }, uniquingKeysWith: { first, _ in first })
        for index in state.rows.indices {
            if let owner = from[state.rows[index].id] { state.rows[index].offerFrom = Sanitizer.line(owner) }
        }
    }

    /// Shows an open offer of the focused thread made to or by this agent in its packet, with the note.
    func markOfferOnPacket() throws {
        guard let packet = state.packet, packet.state == .claimed,
              let offer = try store.openOffer(threadID: packet.threadID, now: clock()),
              offer.to == agentID || offer.from == agentID || offer.offeredBy == agentID || state.isSupervisor else { return }
        let toViewer = offer.to == agentID
        let by = offer.offeredBy == offer.from ? offer.from : "\(offer.offeredBy) for \(offer.from)"
        state.packet?.offer = PacketModel.OfferMark(
            headline: Sanitizer.line(toViewer ? "Offered to you by \(by)" : "Offered to \(offer.to) by \(by)"),
            expiresAt: offer.expiresAt, note: Sanitizer.line(offer.note), toViewer: toViewer)
    }

    /// Notices written for this agent (an offer to them, their offer declined or timed out): each shown once.
    func showAgentNotices() throws {
        let notices = try store.unseenNotices(agent: agentID)
        guard let last = notices.last else { return }
        for notice in notices.dropLast() { banner(Sanitizer.line(notice.text), .alert) }
        // The keys first, while the offer to this agent is still open: a long note may not fit the status line
        // (the packet shows it whole). An offer that lapsed or was answered is only told.
        let open = try store.openOffer(threadID: last.threadID, now: clock())
        let answer = open?.to == agentID ? "O accept, D decline · " : ""
        banner(answer + Sanitizer.line(last.text), .alert)
        try store.markNoticesSeen(agent: agentID, throughID: last.id)
    }
}
