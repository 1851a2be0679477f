import BatonCore
import Foundation
import Testing
@testable import BatonStore

/// Updating an agent's name, skills or capacity (`baton agent add` on an existing id) changes those and
/// nothing the agent set themselves: an agent who went away is not put back on shift by a supervisor's edit.
@Suite struct AgentUpdateTests {
    @Test func editingAnAgentKeepsTheirStatus() throws {
        let store = try SQLiteHandoffStore.inMemory()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        try store.upsertAgent(Agent(id: "sue", name: "Sue", skills: ["general"], role: .supervisor), actor: "sue")
        try store.upsertAgent(Agent(id: "ana", name: "Ana", skills: ["general"]), actor: "sue")
        try store.setAgentStatus(id: "ana", status: .away, actor: "ana", now: t0)
        try store.upsertAgent(Agent(id: "ana", name: "Ana B.", skills: ["general", "billing"], capacity: 5), actor: "sue")
        let ana = try #require(try store.agent(id: "ana"))
        #expect(ana.status == .away)
        #expect(ana.name == "Ana B." && ana.skills == ["general", "billing"] && ana.capacity == 5)
        // A new agent starts with the status they were given.
        try store.upsertAgent(Agent(id: "bo", name: "Bo", skills: ["general"], status: .offline), actor: "sue")
        #expect(try store.agent(id: "bo")?.status == .offline)
    }
}
