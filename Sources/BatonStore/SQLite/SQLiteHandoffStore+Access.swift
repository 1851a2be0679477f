import Foundation
import GRDB
import BatonCore

/// Who may act: the actor is looked up in the same transaction as the change and `Permissions` decides,
/// so a refusal rolls back everything and every caller (console, command line, server) gets the same rules.
extension SQLiteHandoffStore {
    /// Refuses `action` unless `Permissions` allows it for `actor` as registered right now.
    static func authorize(_ action: LifecycleAction, actor: String, in db: Database) throws {
        try Permissions.check(action, actor: actor, registered: try agent(actor, in: db))
    }

    /// The registered agent with this id (with its current load), or nil.
    static func agent(_ id: String, in db: Database) throws -> Agent? {
        try agents(in: db, id: id).first
    }

    /// Whether any supervisor is registered; until one is, agent management is open (a new store).
    static func supervisorsExist(in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM agents WHERE role = 'supervisor')")) ?? false
    }

    public func upsertAgent(_ agent: Agent, actor: String) throws {
        try Validate.identifier(agent.id, "agent id")
        try Validate.identifier(actor, "agent managing agents")
        try Validate.text(agent.name, "name of agent \(agent.id)")
        for skill in agent.skills { try Validate.identifier(skill, "skill of agent \(agent.id)") }
        guard agent.capacity >= 0 else {
            throw StoreError.invalidInput("agent \(agent.id): capacity must not be negative, got \(agent.capacity)")
        }
        let skills = String(decoding: StoreJSON.strings(agent.skills), as: UTF8.self)
        try Permissions.checkAgentID(agent.id)
        try write { db in
            try Permissions.checkManagement(actor: actor, registered: try Self.agent(actor, in: db),
                                            supervisorsExist: try Self.supervisorsExist(in: db))
            // Compare-and-set: a supervisor becomes an agent only while another supervisor remains. An
            // existing agent keeps their status (theirs to set, `setAgentStatus`): an edit does not put them on shift.
            try db.execute(sql: """
                INSERT INTO agents (id, name, skills, capacity, status, role) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, skills = excluded.skills,
                    capacity = excluded.capacity, role = excluded.role
                WHERE excluded.role = 'supervisor' OR agents.role <> 'supervisor'
                    OR EXISTS (SELECT 1 FROM agents other WHERE other.role = 'supervisor' AND other.id <> excluded.id)
                """, arguments: [agent.id, agent.name, skills, agent.capacity, agent.status.rawValue, agent.role.rawValue])
            guard db.changesCount == 1 else {
                throw LifecycleError.denied(AccessDenied(
                    .keepOneSupervisor, "\(agent.id) is the last supervisor and cannot be made an agent; make another agent a supervisor first"))
            }
        }
    }

    public func setAgentStatus(id: String, status: AgentStatus, actor: String, now: Date) throws {
        try write { db in
            try Permissions.checkStatusChange(of: id, actor: actor, registered: try Self.agent(actor, in: db),
                                              supervisorsExist: try Self.supervisorsExist(in: db))
            try db.execute(sql: "UPDATE agents SET status = ?, status_at = ? WHERE id = ?",
                           arguments: [status.rawValue, now.storeValue, id])
            guard db.changesCount == 1 else { throw LifecycleError.noSuchAgent(id) }
        }
    }

    public func agent(id: String) throws -> Agent? {
        try read { db in try Self.agent(id, in: db) }
    }
}
