import Foundation
import GRDB
import BatonCore

/// An agent takes a conversation over from the AI: handed off as `agent_takeover` and claimed by them in one
/// transaction, so nobody else can claim it in between and the bot hears `claimed` at once.
extension SQLiteHandoffStore {
    @discardableResult
    public func takeOver(_ request: HandoffRequest, now: Date) throws -> ThreadSummary {
        guard let agent = request.takenOverBy else {
            throw StoreError.invalidInput("take-over of thread \(request.threadID) names no agent")
        }
        try Validate.identifier(agent, "agent taking over thread \(request.threadID)")
        try Validate.identifier(request.threadID, "take-over thread id")
        try Validate.identifier(request.queue, "take-over queue for thread \(request.threadID)")
        let packet = try StoreJSON.packet(request.packet)
        return try write { db in
            guard try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM agents WHERE id = ?"), arguments: [agent]) != nil else {
                throw LifecycleError.noSuchAgent(agent)
            }
            // Only a conversation the AI holds is taken over; a waiting one is claimed, a resolved one reopens.
            let state = try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM threads WHERE id = ?"), arguments: [request.threadID])
            guard let state else { throw LifecycleError.noSuchThread(request.threadID) }
            guard state == ThreadState.ai.rawValue else {
                throw LifecycleError.notAllowed(action: .claim, state: ThreadState(rawValue: state) ?? .resolved)
            }
            var writer = HandoffWriter(db)
            _ = try writer.apply(request, packet: packet, now: now)
            var claim = ThreadTransition(.claim, actor: agent, reason: "took over from the AI")
            Self.assignOwner(agent, now: now, to: &claim)
            let outcome = try claim.run(threadID: request.threadID, now: now, in: db)
            try Self.checkCapacity(of: agent, in: db)
            try Self.announce(agent: agent, threadID: request.threadID, now: now, in: db)
            return outcome.summary
        }
    }
}
