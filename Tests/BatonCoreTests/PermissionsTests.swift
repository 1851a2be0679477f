import Testing
import BatonCore

/// The pure rules behind every refusal of an actor.
@Suite struct PermissionsTests {
    let ana = Agent(id: "ana", name: "Ana", skills: ["billing"])
    let sue = Agent(id: "sue", name: "Sue", skills: ["billing"], role: .supervisor)

    private func rule(_ body: () throws(LifecycleError) -> Void) -> AccessRule? {
        do {
            try body()
            return nil
        } catch {
            guard case .denied(let denial) = error else { return nil }
            return denial.rule
        }
    }

    @Test func everyPersonActionNeedsARegisteredAgent() {
        for action in LifecycleAction.allCases {
            #expect(rule { () throws(LifecycleError) in try Permissions.check(action, actor: "x", registered: nil) } == .registeredAgentsOnly,
                    "\(action.rawValue)")
        }
    }

    @Test func supervisorOnlyActions() {
        for action in LifecycleAction.allCases {
            let expected: AccessRule? = [.forceRelease, .reassign].contains(action) ? .supervisorOnly : nil
            #expect(rule { () throws(LifecycleError) in try Permissions.check(action, actor: "ana", registered: ana) } == expected,
                    "\(action.rawValue)")
            #expect(rule { () throws(LifecycleError) in try Permissions.check(action, actor: "sue", registered: sue) } == nil)
        }
    }

    @Test func awayAndOfflineCannotClaimButMayFinishTheirWork() {
        for status in [AgentStatus.away, .offline] {
            var away = ana
            away.status = status
            #expect(rule { () throws(LifecycleError) in try Permissions.check(.claim, actor: "ana", registered: away) } == .availableToClaim)
            #expect(rule { () throws(LifecycleError) in try Permissions.check(.reply, actor: "ana", registered: away) } == nil)
            #expect(rule { () throws(LifecycleError) in try Permissions.checkAssignee("ana", registered: away) } == .availableToClaim)
        }
    }

    @Test func managementIsOpenOnlyUntilTheFirstSupervisor() {
        #expect(rule { () throws(LifecycleError) in try Permissions.checkManagement(actor: "x", registered: nil, supervisorsExist: false) } == nil)
        #expect(rule { () throws(LifecycleError) in try Permissions.checkManagement(actor: "x", registered: nil, supervisorsExist: true) }
                == .registeredAgentsOnly)
        #expect(rule { () throws(LifecycleError) in try Permissions.checkManagement(actor: "ana", registered: ana, supervisorsExist: true) }
                == .supervisorOnly)
        #expect(rule { () throws(LifecycleError) in try Permissions.checkManagement(actor: "sue", registered: sue, supervisorsExist: true) } == nil)
    }

    @Test func agentIsOSUser() {
        #expect(rule { () throws(LifecycleError) in try Permissions.checkIdentity(acting: "ana", login: "ana", loginAgent: nil) } == nil)
        #expect(rule { () throws(LifecycleError) in try Permissions.checkIdentity(acting: "ana", login: "bo", loginAgent: nil) } == .agentIsOSUser)
        var bo = ana
        bo.id = "bo"
        #expect(rule { () throws(LifecycleError) in try Permissions.checkIdentity(acting: "ana", login: "bo", loginAgent: bo) } == .agentIsOSUser)
        #expect(rule { () throws(LifecycleError) in try Permissions.checkIdentity(acting: "ana", login: "sue", loginAgent: sue) } == nil)
        #expect(rule { () throws(LifecycleError) in try Permissions.checkIdentity(acting: "ana", login: nil, loginAgent: nil) } == .agentIsOSUser)
    }
}

@Suite struct SystemActorTests {
    @Test func batonsOwnIdsOnlyHandThreadsBackAndCannotBeRegistered() throws {
        #expect(throws: Never.self) { try Permissions.check(.release, actor: "system", registered: nil) }
        for action in LifecycleAction.allCases where action != .release {
            #expect(throws: LifecycleError.self) { try Permissions.check(action, actor: "system", registered: nil) }
        }
        #expect(throws: LifecycleError.self) { try Permissions.checkAgentID("sweeper") }
        #expect(throws: Never.self) { try Permissions.checkAgentID("ana") }
    }
}
