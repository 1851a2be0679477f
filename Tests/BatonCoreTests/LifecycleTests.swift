import Testing
@testable import BatonCore

@Suite("Lifecycle rules")
struct LifecycleTests {
    @Test("claim succeeds once; a second agent is told who holds it")
    func claim() throws {
        #expect(try Lifecycle.apply(.claim, to: .queued, owner: nil, actor: "ana") == .claimed)
        #expect(throws: LifecycleError.heldBy(agent: "ana")) { try Lifecycle.apply(.claim, to: .claimed, owner: "ana", actor: "bo") }
        #expect(throws: LifecycleError.alreadyYours) { try Lifecycle.apply(.claim, to: .claimed, owner: "ana", actor: "ana") }
    }

    @Test("only the owner replies, notes, releases or resolves")
    func ownerOnly() throws {
        for action in [LifecycleAction.reply, .note, .release, .resolve, .requeue] {
            #expect(throws: LifecycleError.notOwner(heldBy: "ana")) { try Lifecycle.apply(action, to: .claimed, owner: "ana", actor: "bo") }
        }
        #expect(try Lifecycle.apply(.release, to: .claimed, owner: "ana", actor: "ana") == .ai)
        #expect(try Lifecycle.apply(.resolve, to: .claimed, owner: "ana", actor: "ana") == .resolved)
        #expect(try Lifecycle.apply(.reply, to: .claimed, owner: "ana", actor: "ana") == .claimed)
    }

    @Test("supervisors may take a claimed thread")
    func supervisor() throws {
        #expect(try Lifecycle.apply(.forceRelease, to: .claimed, owner: "ana", actor: "sup") == .ai)
        #expect(try Lifecycle.apply(.reassign, to: .claimed, owner: "ana", actor: "sup") == .claimed)
    }

    @Test("actions outside their states are refused")
    func refused() {
        #expect(throws: LifecycleError.notAllowed(action: .reply, state: .queued)) { try Lifecycle.apply(.reply, to: .queued, owner: nil, actor: "ana") }
        #expect(throws: LifecycleError.notAllowed(action: .claim, state: .resolved)) { try Lifecycle.apply(.claim, to: .resolved, owner: nil, actor: "ana") }
    }

    @Test("after hours, expiry policy and reopen")
    func targets() throws {
        #expect(try Lifecycle.apply(.handoff, to: .ai, owner: nil, actor: "bot", afterHours: true) == .afterHours)
        #expect(try Lifecycle.apply(.open, to: .afterHours, owner: nil, actor: "sweeper") == .queued)
        #expect(try Lifecycle.apply(.expire, to: .claimed, owner: "ana", actor: "sweeper", expiryPolicy: .resolve) == .resolved)
        #expect(try Lifecycle.apply(.expire, to: .claimed, owner: "ana", actor: "sweeper", expiryPolicy: .returnToAI) == .ai)
        #expect(try Lifecycle.apply(.reopen, to: .resolved, owner: nil, actor: "customer") == .queued)
    }
}
