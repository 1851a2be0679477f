import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Roles and trust, enforced by the store's operations so the console, CLI and server all refuse alike.
@Suite struct RolesTests {
    let t0 = StoreFixtures.t0
    let deadline = StoreFixtures.t0.addingTimeInterval(300)

    /// The rule a refusal names, or nil when `body` did not throw a `.denied`.
    private func rule(_ body: () throws -> Void) -> AccessRule? {
        do {
            try body()
        } catch LifecycleError.denied(let denial) {
            return denial.rule
        } catch {
            Issue.record("expected a refusal naming a rule, got \(error)")
        }
        return nil
    }

    @Test func unknownIdsCanDoNothing() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        let ghost = "mallory"
        #expect(rule { try store.claim(threadID: "c1", agent: ghost, now: t0) } == .registeredAgentsOnly)
        #expect(rule { _ = try store.claimNext(agent: ghost, queues: nil, now: t0) } == .registeredAgentsOnly)
        #expect(rule { try store.transfer(threadID: "c1", actor: ghost, toQueue: "general", reason: nil, pickupDeadline: deadline, now: t0) }
                == .registeredAgentsOnly)
        #expect(rule { try store.release(threadID: "c1", agent: ghost, note: nil, now: t0) } == .registeredAgentsOnly)
        #expect(rule { try store.forceRelease(threadID: "c1", supervisor: ghost, reason: "x", now: t0) } == .registeredAgentsOnly)
        #expect(rule { try store.reassign(threadID: "c1", supervisor: ghost, toAgent: "ana", reason: "x", now: t0) } == .registeredAgentsOnly)
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        #expect(rule { try store.reply(threadID: "c1", agent: ghost, text: "hi", now: t0) } == .registeredAgentsOnly)
        #expect(rule { try store.note(threadID: "c1", agent: ghost, text: "hm", now: t0) } == .registeredAgentsOnly)
        #expect(rule { try store.requeue(threadID: "c1", actor: ghost, reason: nil, pickupDeadline: deadline, now: t0) } == .registeredAgentsOnly)
        #expect(rule { try store.resolve(threadID: "c1", agent: ghost, disposition: .solved, note: nil, now: t0) } == .registeredAgentsOnly)
        #expect(rule { try store.upsertAgent(Agent(id: ghost, name: "M", skills: ["billing"], role: .supervisor), actor: ghost) }
                == .registeredAgentsOnly)
        #expect(rule { try store.setAgentStatus(id: "ana", status: .offline, actor: ghost, now: t0) } == .registeredAgentsOnly)
        // Nothing happened: Ana still holds the thread, nothing was sent, no one was added.
        let detail = try #require(try store.thread(id: "c1"))
        #expect(detail.summary.owner == "ana")
        #expect(detail.audit.allSatisfy { $0.actor != ghost })
        #expect(try store.outbox(afterID: 0, limit: 100, includeDelivered: true).allSatisfy { $0.actor != ghost })
        #expect(try store.agent(id: ghost) == nil)
    }

    @Test func forceReleaseAndReassignNeedASupervisor() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        #expect(rule { try store.forceRelease(threadID: "c1", supervisor: "bo", reason: "mine now", now: t0) } == .supervisorOnly)
        #expect(rule { try store.reassign(threadID: "c1", supervisor: "bo", toAgent: "bo", reason: "mine now", now: t0) } == .supervisorOnly)
        #expect(try store.thread(id: "c1")?.summary.owner == "ana")
        try store.reassign(threadID: "c1", supervisor: "sue", toAgent: "bo", reason: "ana is leaving", now: t0)
        #expect(try store.thread(id: "c1")?.summary.owner == "bo")
        try store.forceRelease(threadID: "c1", supervisor: "sue", reason: "back to the bot", now: t0)
        #expect(try store.thread(id: "c1")?.summary.state == .ai)
    }

    @Test func awayAndOfflineAgentsCannotClaimOrBeGivenThreads() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        for status in [AgentStatus.away, .offline] {
            try store.setAgentStatus(id: "ana", status: status, actor: "ana", now: t0)
            #expect(rule { try store.claim(threadID: "c1", agent: "ana", now: t0) } == .availableToClaim)
            #expect(rule { _ = try store.claimNext(agent: "ana", queues: nil, now: t0) } == .availableToClaim)
            #expect(rule { try store.reassign(threadID: "c1", supervisor: "sue", toAgent: "ana", reason: "cover", now: t0) } == .availableToClaim)
        }
        #expect(rule { try store.reassign(threadID: "c1", supervisor: "sue", toAgent: "nobody", reason: "cover", now: t0) }
                == .registeredAgentsOnly)
        #expect(try store.thread(id: "c1")?.summary.state == .queued)
        try store.setAgentStatus(id: "ana", status: .available, actor: "ana", now: t0)
        #expect(try store.claim(threadID: "c1", agent: "ana", now: t0).owner == "ana")
    }

    @Test func agentManagementNeedsASupervisorOnceTheStoreHasOne() throws {
        let store = try SQLiteHandoffStore.inMemory()
        // A new store: anyone sets it up, so its first supervisor can be added.
        try store.upsertAgent(Agent(id: "ana", name: "Ana", skills: ["billing"]), actor: "root")
        try store.upsertAgent(Agent(id: "sue", name: "Sue", skills: ["billing"], role: .supervisor), actor: "root")
        #expect(try store.agent(id: "sue")?.role == .supervisor)
        // From then on only a supervisor adds, changes or promotes agents.
        #expect(rule { try store.upsertAgent(Agent(id: "ana", name: "Ana", skills: ["billing"], role: .supervisor), actor: "ana") }
                == .supervisorOnly)
        #expect(rule { try store.upsertAgent(Agent(id: "bo", name: "Bo", skills: ["billing"]), actor: "root") } == .registeredAgentsOnly)
        #expect(try store.agent(id: "ana")?.role == .agent)
        #expect(try store.agent(id: "bo") == nil)
        try store.upsertAgent(Agent(id: "bo", name: "Bo", skills: ["billing"]), actor: "sue")
        #expect(try store.agents().map(\.id) == ["ana", "bo", "sue"])
        // Agents set their own status only; supervisors anyone's.
        try store.setAgentStatus(id: "ana", status: .away, actor: "ana", now: t0)
        #expect(rule { try store.setAgentStatus(id: "bo", status: .offline, actor: "ana", now: t0) } == .ownStatusOnly)
        try store.setAgentStatus(id: "bo", status: .offline, actor: "sue", now: t0)
        #expect(try store.agents().map(\.status) == [.away, .offline, .available])
    }

    @Test func refusalsNameTheRule() {
        let denial = LifecycleError.denied(AccessDenied(.supervisorOnly, "bo is an agent; only a supervisor may force-release a thread"))
        #expect(denial.description == "bo is an agent; only a supervisor may force-release a thread (rule supervisor_only)")
    }

    @Test func rolesSurviveReopening() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let store = try SQLiteHandoffStore(path: path)
            try store.register("sue", role: .supervisor)
            try store.register("ana")
        }
        let reopened = try SQLiteHandoffStore(path: path)
        #expect(try reopened.agents().map(\.role) == [.agent, .supervisor])
    }
}
