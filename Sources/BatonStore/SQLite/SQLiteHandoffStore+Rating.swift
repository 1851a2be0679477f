import Foundation
import GRDB
import BatonCore

/// The agent's rating of a thread's context packet, after resolving it.
extension SQLiteHandoffStore {
    public func ratePacket(threadID: String, agent: String, rating: Int, note: String?, now: Date) throws {
        try Validate.identifier(agent, "agent rating the packet of thread \(threadID)")
        if let problem = PacketRating.problem(with: rating, threadID: threadID) { throw StoreError.invalidInput(problem) }
        try Validate.optionalText(note, "packet rating note")
        let note = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        try write { db in
            try Self.authorize(.rate, actor: agent, in: db)
            // Only resolved threads (the compare-and-set refuses others), and only by the agent who resolved it.
            try ThreadTransition(.rate, actor: agent, reason: PacketRating.auditReason(rating: rating, note: note))
                .run(threadID: threadID, now: now, in: db)
            let resolver = try String.fetchOne(db.cachedStatement(sql: """
                SELECT actor FROM audit WHERE thread_id = ? AND action = 'resolve' ORDER BY id DESC LIMIT 1
                """), arguments: [threadID])
            guard resolver == agent else {
                throw StoreError.invalidInput("thread \(threadID) was resolved by \(resolver ?? "the sweeper"); only \(resolver ?? "its resolver") rates its packet, not \(agent)")
            }
            try db.cachedStatement(sql: "INSERT INTO packet_ratings (thread_id, agent, rating, note, at) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [threadID, agent, rating, note, now.storeValue])
        }
    }

    public func packetRating(threadID: String) throws -> PacketRating? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT agent, rating, note, at FROM packet_ratings WHERE thread_id = ? ORDER BY id DESC LIMIT 1
                """), arguments: [threadID]).map {
                PacketRating(threadID: threadID, agent: $0[0], rating: $0[1], note: $0[2], at: Date(storeValue: $0[3] as Double))
            }
        }
    }
}
