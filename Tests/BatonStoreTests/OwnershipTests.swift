import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Claims are compare-and-set; only the owner may act on a claimed thread.
@Suite struct OwnershipTests {
    let t0 = StoreFixtures.t0

    @Test func secondClaimIsRefusedNamingTheHolder() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        let claimed = try store.claim(threadID: "c1", agent: "ana", now: t0)
        #expect(claimed.state == .claimed)
        #expect(claimed.owner == "ana")
        #expect(claimed.claimedAt == t0)
        #expect(throws: LifecycleError.heldBy(agent: "ana")) { try store.claim(threadID: "c1", agent: "bo", now: t0) }
        #expect(throws: LifecycleError.alreadyYours) { try store.claim(threadID: "c1", agent: "ana", now: t0) }
        #expect(try store.thread(id: "c1")?.summary.owner == "ana")
    }

    @Test func claimingUnknownOrUnqueuedThreadsIsRefused() throws {
        let store = try StoreFixtures.staffedStore()
        #expect(throws: LifecycleError.noSuchThread("nope")) { try store.claim(threadID: "nope", agent: "ana", now: t0) }
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        #expect(throws: LifecycleError.notAllowed(action: .claim, state: .ai)) {
            try store.claim(threadID: "c1", agent: "ana", now: t0)
        }
    }

    @Test func onlyTheOwnerMayReplyNoteRequeueReleaseOrResolve() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        let deadline = t0.addingTimeInterval(300)
        #expect(throws: LifecycleError.notOwner(heldBy: "ana")) { try store.reply(threadID: "c1", agent: "bo", text: "hi", now: t0) }
        #expect(throws: LifecycleError.notOwner(heldBy: "ana")) { try store.note(threadID: "c1", agent: "bo", text: "hm", now: t0) }
        #expect(throws: LifecycleError.notOwner(heldBy: "ana")) {
            try store.requeue(threadID: "c1", actor: "bo", reason: nil, pickupDeadline: deadline, now: t0)
        }
        #expect(throws: LifecycleError.notOwner(heldBy: "ana")) { try store.release(threadID: "c1", agent: "bo", note: nil, now: t0) }
        #expect(throws: LifecycleError.notOwner(heldBy: "ana")) {
            try store.resolve(threadID: "c1", agent: "bo", disposition: .solved, note: nil, now: t0)
        }
        #expect(throws: LifecycleError.notOwner(heldBy: "ana")) {
            try store.transfer(threadID: "c1", actor: "bo", toQueue: "sales", reason: nil, pickupDeadline: deadline, now: t0)
        }
        // Refusals changed nothing: still Ana's, no messages, notes or audit rows from Bo.
        let detail = try #require(try store.thread(id: "c1"))
        #expect(detail.summary.owner == "ana")
        #expect(detail.notes.isEmpty)
        #expect(!detail.audit.contains { $0.actor == "bo" })

        try store.reply(threadID: "c1", agent: "ana", text: "Hello, I'm on it", now: t0.addingTimeInterval(5))
        try store.note(threadID: "c1", agent: "ana", text: "checking the order", now: t0.addingTimeInterval(6))
        try store.resolve(threadID: "c1", agent: "ana", disposition: .solved, note: "refunded", now: t0.addingTimeInterval(60))
        let after = try #require(try store.thread(id: "c1"))
        #expect(after.summary.state == .resolved)
        #expect(after.summary.owner == nil)
        #expect(after.messages.last == Message(role: .agent, text: "Hello, I'm on it", at: t0.addingTimeInterval(5)))
        #expect(after.notes.map(\.text) == ["checking the order", "refunded"])
    }

    @Test func replyOutsideAClaimIsNotAllowed() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        #expect(throws: LifecycleError.notAllowed(action: .reply, state: .queued)) {
            try store.reply(threadID: "c1", agent: "ana", text: "hi", now: t0)
        }
    }

    @Test func handoffStoresTheRequestAndRefusesBadOnes() throws {
        let store = try StoreFixtures.staffedStore()
        _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
        var request = StoreFixtures.request("c1", priority: .high, afterHours: true)
        request.callbackAt = t0.addingTimeInterval(3600)
        request.suggestedAgent = "ana"
        request.customerMessage = "  "
        #expect(throws: StoreError.invalidInput("customer message of the handoff of thread c1 is empty")) {
            try store.handoff(request, now: t0)
        }
        request.customerMessage = "We open at 9:00."
        request.queue = ""
        #expect(throws: StoreError.invalidInput("handoff queue for thread c1 is empty")) { try store.handoff(request, now: t0) }
        request.queue = "billing"
        let summary = try store.handoff(request, now: t0)
        #expect(summary.state == .afterHours)
        #expect(summary.priority == .high)
        #expect(summary.suggestedAgent == "ana")
        #expect(summary.pickupDeadline == t0.addingTimeInterval(300))
        #expect(try store.thread(id: "c1")?.callbackAt == t0.addingTimeInterval(3600))
        // A second handoff while waiting is not allowed.
        #expect(throws: LifecycleError.notAllowed(action: .handoff, state: .afterHours)) { try store.handoff(request, now: t0) }
    }

    @Test func transferMovesTheThreadToAnotherQueueUnclaimed() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        let later = t0.addingTimeInterval(30)
        try store.transfer(threadID: "c1", actor: "ana", toQueue: "sales", reason: "buying more seats",
                           pickupDeadline: later.addingTimeInterval(120), now: later)
        let summary = try #require(try store.thread(id: "c1")).summary
        #expect(summary.queue == "sales")
        #expect(summary.state == .queued)
        #expect(summary.owner == nil)
        #expect(summary.queuedAt == t0, "the customer keeps their original wait")
        #expect(summary.pickupDeadline == later.addingTimeInterval(120))
        let entry = try #require(try store.audit(threadID: "c1", limit: 1).last)
        #expect(entry.action == .transfer)
        #expect(entry.reason == "to sales: buying more seats")
        #expect(entry.fromState == .claimed)
        #expect(try store.threads(ThreadQuery(queues: ["sales"])).map(\.id) == ["c1"])
        #expect(try store.threads(ThreadQuery(queues: ["billing"])).isEmpty)
    }

    @Test func reopenBringsAResolvedThreadBackToTheQueue() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        try store.resolve(threadID: "c1", agent: "ana", disposition: .solved, note: nil, now: t0.addingTimeInterval(60))
        #expect(throws: LifecycleError.noSuchThread("c2")) {
            try store.reopen(threadID: "c2", pickupDeadline: t0, afterHours: false, now: t0)
        }
        let later = t0.addingTimeInterval(3600)
        try store.reopen(threadID: "c1", pickupDeadline: later.addingTimeInterval(300), afterHours: false, now: later)
        let summary = try #require(try store.thread(id: "c1")).summary
        #expect(summary.state == .queued)
        #expect(summary.owner == nil)
        #expect(summary.queuedAt == later)
        #expect(throws: LifecycleError.notAllowed(action: .reopen, state: .queued)) {
            try store.reopen(threadID: "c1", pickupDeadline: later, afterHours: false, now: later)
        }
        #expect(try store.audit(threadID: "c1", limit: 10).map(\.action) == [.handoff, .claim, .resolve, .reopen])
    }

    @Test func supervisorsCanForceReleaseAndReassign() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.add(Agent(id: "bo", name: "Bo Li", skills: ["billing"]))
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        try store.reassign(threadID: "c1", supervisor: "sup", toAgent: "bo", reason: "ana is off", now: t0.addingTimeInterval(1))
        #expect(try store.thread(id: "c1")?.summary.owner == "bo")
        #expect(try store.outbox(afterID: 0, limit: 100, includeDelivered: false).last?.text
                == "A member of our team, Bo Li, has joined the conversation.")
        try store.forceRelease(threadID: "c1", supervisor: "sup", reason: "AI can handle it", now: t0.addingTimeInterval(2))
        let summary = try #require(try store.thread(id: "c1")).summary
        #expect(summary.state == .ai)
        #expect(summary.owner == nil)
        #expect(try store.audit(threadID: "c1", limit: 10).map(\.action) == [.handoff, .claim, .reassign, .forceRelease])
    }
}
