import Foundation
import BatonCore
import BatonStore

/// Threads taken away from the agent (force-release, reassignment, expiry): the banner says who did
/// what, from the thread's audit trail, and a draft being written on it is kept.
extension ConsoleSession {
    /// Compares the threads the agent holds with the last reload's; for each one lost to someone
    /// else, reads the audit entry that took it and says so.
    ///
    /// The count of held threads (an index-only read) is checked on every reload; the threads themselves are
    /// read only when it moved, so a refresh after an unrelated change costs one count.
    func noticeThreadsTakenAway() throws {
        let mine = ThreadQuery(states: [.claimed], owner: agentID, limit: 500)
        if let held, try store.threadCount(mine) == held.count, givenUp.isEmpty { return }
        let holding = try store.threads(mine)
        let now = Dictionary(holding.map { ($0.id, Sanitizer.line($0.customerName.isEmpty ? $0.id : $0.customerName)) },
                             uniquingKeysWith: { first, _ in first })
        defer { held = now }
        guard let before = held else { return }
        for (id, customer) in before.sorted(by: { $0.key < $1.key }) where now[id] == nil {
            if givenUp.remove(id) != nil { continue }
            guard let entry = try store.audit(threadID: id, limit: 1).last, entry.actor != agentID else { continue }
            // A declined or timed-out offer arrives as a notice of its own (`showAgentNotices`).
            if entry.action == .declineOffer || entry.action == .offerExpired { continue }
            var text = Self.takenAwayText(entry, customer: customer)
            if case .composer(let composer)? = activeComposer, composer.purpose.draftKind?.threadID == id {
                saveDraftIfChanged()
                text += "; your draft is kept (Esc closes it)"
            }
            banner(text, .alert)
        }
        givenUp = givenUp.filter { now[$0] != nil }
    }

    /// "sue reassigned Marta Núñez to bo: covering".
    static func takenAwayText(_ entry: AuditEntry, customer: String) -> String {
        let actor = Sanitizer.line(entry.actor)
        let reason = entry.reason.map { ": " + Sanitizer.line($0) } ?? ""
        switch entry.action {
        case .forceRelease: return "\(actor) force-released \(customer) to the AI\(reason)"
        case .reassign: return "\(actor) reassigned \(customer)" + (entry.reason.map { " " + Sanitizer.line($0) } ?? "")
        case .expire: return "\(customer) expired off your list\(reason)"
        case .acceptOffer: return "\(actor) accepted \(customer), as you offered"
        default: return "\(customer) is no longer yours: \(actor) \(entry.action.rawValue.replacingOccurrences(of: "_", with: " "))\(reason)"
        }
    }
}
