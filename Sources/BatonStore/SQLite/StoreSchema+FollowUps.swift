import GRDB

extension StoreSchema {
    /// `threads.follow_up`: why a waiting thread is answered when someone is free rather than while the
    /// customer waits (`answer_later`: the customer chose it after a hold message). Such a thread keeps its
    /// place in the queue and gets no wait updates.
    static func addFollowUps(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE threads ADD COLUMN follow_up TEXT")
    }
}
