import BatonCore
import Foundation
import Testing
@testable import BatonStore

/// A store with a supervisor always keeps one: demoting the last is refused in the transaction.
@Suite struct LastSupervisorTests {
    @Test func theLastSupervisorCannotBeDemotedAndTheRefusalNamesTheRule() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.upsertAgent(Agent(id: "sue", name: "Sue", skills: ["general"], role: .supervisor), actor: "sue")
        try store.upsertAgent(Agent(id: "ana", name: "Ana", skills: ["general"]), actor: "sue")
        #expect {
            try store.upsertAgent(Agent(id: "sue", name: "Sue", skills: ["general"], role: .agent), actor: "sue")
        } throws: { error in
            guard case LifecycleError.denied(let denied) = error else { return false }
            return denied.rule == .keepOneSupervisor && "\(denied)".contains("last supervisor")
                && "\(denied)".contains("(rule keep_one_supervisor)")
        }
        #expect(try store.agent(id: "sue")?.role == .supervisor)
        // Editing the last supervisor without demoting them is fine.
        try store.upsertAgent(Agent(id: "sue", name: "Sue P.", skills: ["general", "billing"], role: .supervisor), actor: "sue")
        #expect(try store.agent(id: "sue")?.name == "Sue P.")
    }

    @Test func aSupervisorMayBeDemotedWhileAnotherRemains() throws {
        let store = try SQLiteHandoffStore.inMemory()
        try store.upsertAgent(Agent(id: "sue", name: "Sue", skills: ["general"], role: .supervisor), actor: "sue")
        try store.upsertAgent(Agent(id: "sup", name: "Sup", skills: ["general"], role: .supervisor), actor: "sue")
        try store.upsertAgent(Agent(id: "sup", name: "Sup", skills: ["general"], role: .agent), actor: "sue")
        #expect(try store.agent(id: "sup")?.role == .agent)
        // Now sue is the last one, even when demoting herself through another supervisor's id.
        #expect(throws: LifecycleError.self) {
            try store.upsertAgent(Agent(id: "sue", name: "Sue", skills: ["general"], role: .agent), actor: "sue")
        }
        #expect(try store.agents().filter { $0.role == .supervisor }.map(\.id) == ["sue"])
    }
}
