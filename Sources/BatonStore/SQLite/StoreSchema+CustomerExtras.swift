import GRDB

extension StoreSchema {
    /// A customer's free-form attributes and visited pages, as JSON, with their conversation.
    static func addCustomerExtras(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE conversations ADD COLUMN attributes TEXT;   -- JSON [CustomerAttribute], NULL when none sent
            ALTER TABLE conversations ADD COLUMN pages TEXT;        -- JSON [PageVisit], NULL when none sent
            """)
    }
}
