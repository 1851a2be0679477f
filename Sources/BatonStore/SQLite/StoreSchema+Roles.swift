import GRDB

extension StoreSchema {
    /// Agents get a role. Existing agents become plain agents: until someone adds a supervisor, anyone may
    /// manage agents (`Permissions.checkManagement`), which is how an upgraded store gets its first one.
    static func addAgentRoles(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE agents ADD COLUMN role TEXT NOT NULL DEFAULT 'agent' CHECK (role IN ('agent', 'supervisor'));
            """)
    }
}
