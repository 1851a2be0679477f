import Foundation
import GRDB
import BatonCore

/// `PlanningFacts` read on the connection of an open write transaction, so they include its own writes.
struct SQLitePlanningFacts: PlanningFacts {
    let db: Database
    let now: Date

    func queueCounts() throws -> [QueueCounts] {
        try SQLiteHandoffStore.queueCounts(now: now, in: db)
    }

    func agents() throws -> [Agent] {
        try SQLiteHandoffStore.agents(in: db)
    }

    func openThreadCounts(customerIDs: [String]) throws -> [String: Int] {
        try SQLiteHandoffStore.openThreadCounts(customerIDs: customerIDs, in: db)
    }
}

extension SQLitePlanningFacts: AnswerFacts {
    func thread(id: String) throws -> ThreadDetail? {
        try SQLiteHandoffStore.thread(id: id, in: db)
    }

    func events(threadID: String, afterSequence: Int, limit: Int) throws -> [OutboxMessage] {
        try SQLiteHandoffStore.events(threadID: threadID, afterSequence: afterSequence, limit: limit, in: db)
    }

    func answeredThread(id: String, handedOff: Bool) throws -> AnsweredThread? {
        try SQLiteHandoffStore.answeredThread(id: id, handedOff: handedOff, in: db)
    }
}
