import Foundation
import Synchronization
import Testing
import BatonCore
@testable import BatonStore

/// Agent-to-agent transfers: an offer with a note, held like a reservation until accepted, declined or timed out.
@Suite struct TransferOfferTests {
    let t0 = StoreFixtures.t0
    let billing: [QueueConfig] = {
        var queue = QueueConfig(name: "billing", pickupWindow: 300)
        queue.offerTimeout = 120
        return [queue]
    }()

    /// c1 waiting since t0 in billing, claimed by ana at t0+60.
    func storeWithClaim() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.storeWithQueuedThread("c1")
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(60))
        return store
    }

    @Test func anOfferHoldsTheThreadUntilTheReceiverAcceptsAndBecomesTheOwner() throws {
        let store = try storeWithClaim()
        let offeredAt = t0.addingTimeInterval(100)
        let offer = try store.offerTransfer(threadID: "c1", actor: "ana", toAgent: "bo",
                                            note: "Refund approved, waiting for the bank reference", queues: billing, now: offeredAt)
        #expect(offer.expiresAt == offeredAt.addingTimeInterval(120))

        // Held: still Ana's, and nobody else can claim it meanwhile.
        #expect(try store.thread(id: "c1")?.summary.owner == "ana")
        #expect(throws: LifecycleError.heldBy(agent: "ana")) { try store.claim(threadID: "c1", agent: "zed", now: offeredAt) }
        #expect(try store.openOffers(toAgent: "bo", now: offeredAt).map(\.threadID) == ["c1"])
        let audit = try #require(try store.audit(threadID: "c1", limit: 1).last)
        #expect(audit.action == .offer && audit.actor == "ana" && audit.reason == "to bo: Refund approved, waiting for the bank reference")
        #expect(try store.unseenNotices(agent: "bo").map(\.text)
                == ["ana offers you Ana Souza (billing), answer within 2m: Refund approved, waiting for the bank reference"])

        let before = try store.outbox(afterID: 0, limit: 100, includeDelivered: false).count
        let accepted = try store.acceptOffer(threadID: "c1", agent: "bo", now: offeredAt.addingTimeInterval(30))
        #expect(accepted.owner == "bo" && accepted.state == .claimed)
        #expect(try store.openOffers(toAgent: "bo", now: offeredAt.addingTimeInterval(30)).isEmpty)
        // The note stays with the thread.
        #expect(try store.thread(id: "c1")?.notes.map(\.text) == ["Transfer note (offered to bo): Refund approved, waiting for the bank reference"])
        // The bot hears who owns it; the customer gets one short line in their language (pt), not a second greeting.
        let events = try store.outbox(afterID: 0, limit: 100, includeDelivered: false).dropFirst(before)
        #expect(events.map(\.kind) == [.claimed, .agentIntroduction])
        #expect(events.first?.actor == "bo")
        #expect(events.last?.text == "bo, da nossa equipe, continua a sua conversa a partir daqui.")
        #expect(try store.audit(threadID: "c1", limit: 1).last?.action == .acceptOffer)
        // Ana's claim is over: only Bo acts on it now.
        #expect(throws: LifecycleError.notOwner(heldBy: "bo")) {
            try store.reply(threadID: "c1", agent: "ana", text: "hi", now: offeredAt.addingTimeInterval(31))
        }
    }

    @Test func anAgentAlreadyIntroducedOnTheThreadIsNotIntroducedAgain() throws {
        let store = try StoreFixtures.storeWithQueuedThread("c1")
        try store.claim(threadID: "c1", agent: "bo", now: t0)
        try store.requeue(threadID: "c1", actor: "bo", reason: nil, pickupDeadline: t0.addingTimeInterval(300), now: t0.addingTimeInterval(10))
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(20))
        try store.offerTransfer(threadID: "c1", actor: "ana", toAgent: "bo", note: "back to you", queues: billing, now: t0.addingTimeInterval(30))
        let before = try store.outbox(afterID: 0, limit: 100, includeDelivered: false).count
        try store.acceptOffer(threadID: "c1", agent: "bo", now: t0.addingTimeInterval(40))
        #expect(try store.outbox(afterID: 0, limit: 100, includeDelivered: false).dropFirst(before).map(\.kind) == [.claimed])
    }

    @Test func aDeclinedOfferGoesBackToTheQueueInItsPlaceWithTheNoteAndTheOffererIsTold() throws {
        let store = try storeWithClaim()
        _ = try store.record(StoreFixtures.conversation("c2"), now: t0)
        try store.handoff(StoreFixtures.request("c2", at: t0.addingTimeInterval(30)), now: t0.addingTimeInterval(30))
        try store.offerTransfer(threadID: "c1", actor: "ana", toAgent: "bo", note: "needs a Spanish speaker", queues: billing,
                                now: t0.addingTimeInterval(100))
        try store.declineOffer(threadID: "c1", agent: "bo", reason: "I don't speak Spanish", queues: billing, now: t0.addingTimeInterval(110))

        let summary = try #require(try store.thread(id: "c1")?.summary)
        #expect(summary.state == .queued && summary.owner == nil)
        #expect(summary.queuedAt == t0)  // its place: it arrived before c2
        #expect(try store.threads(ThreadQuery(queues: ["billing"], states: [.queued])).map(\.id) == ["c1", "c2"])
        #expect(try store.thread(id: "c1")?.notes.map(\.text) == ["Transfer note (offered to bo): needs a Spanish speaker"])
        #expect(try store.unseenNotices(agent: "ana").map(\.text)
                == ["bo declined Ana Souza: I don't speak Spanish; it is back in billing, in its place"])
        #expect(try store.audit(threadID: "c1", limit: 1).last?.action == .declineOffer)
        // Whoever asks next gets it first, note included.
        #expect(try store.claimNext(agent: "zed", queues: ["billing"], now: t0.addingTimeInterval(120))?.id == "c1")
        // Declining twice, or accepting after declining, finds no offer.
        #expect(throws: LifecycleError.noOffer(threadID: "c1", agent: "bo")) { try store.acceptOffer(threadID: "c1", agent: "bo", now: t0.addingTimeInterval(130)) }
    }

    @Test func anUnansweredOfferTimesOutInTheSweepAndReturnsToTheQueue() throws {
        let store = try storeWithClaim()
        let offeredAt = t0.addingTimeInterval(100)
        try store.offerTransfer(threadID: "c1", actor: "ana", toAgent: "bo", note: "call back at 5", queues: billing, now: offeredAt)

        #expect(try store.sweep(now: offeredAt.addingTimeInterval(119), queues: billing).offersExpired.isEmpty)
        #expect(try store.thread(id: "c1")?.summary.owner == "ana")

        let report = try store.sweep(now: offeredAt.addingTimeInterval(120), queues: billing)
        #expect(report.offersExpired == ["c1"])
        let summary = try #require(try store.thread(id: "c1")?.summary)
        #expect(summary.state == .queued && summary.owner == nil && summary.queuedAt == t0)
        #expect(try store.audit(threadID: "c1", limit: 1).last.map { ($0.action, $0.actor, $0.reason) }
                ?? (.rate, "", nil) == (.offerExpired, "sweeper", "bo did not answer within 2m"))
        #expect(try store.unseenNotices(agent: "ana").map(\.text)
                == ["bo did not answer your offer of Ana Souza within 2m; it is back in billing, in its place"])
        #expect(try store.thread(id: "c1")?.notes.count == 1)
        #expect(throws: LifecycleError.noOffer(threadID: "c1", agent: "bo")) {
            try store.acceptOffer(threadID: "c1", agent: "bo", now: offeredAt.addingTimeInterval(121))
        }
        // Not swept yet but past the timeout: too late to accept as well.
        let other = try storeWithClaim()
        try other.offerTransfer(threadID: "c1", actor: "ana", toAgent: "bo", note: "n", queues: billing, now: offeredAt)
        #expect(throws: LifecycleError.noOffer(threadID: "c1", agent: "bo")) {
            try other.acceptOffer(threadID: "c1", agent: "bo", now: offeredAt.addingTimeInterval(120))
        }
    }

    @Test func offersOnlyToAnExistingFitAgentOtherThanTheOwnerAndOnlyByTheOwnerOrASupervisor() throws {
        let store = try storeWithClaim()
        try store.add(Agent(id: "tess", name: "Tess", skills: ["tech"], capacity: 3),
                      Agent(id: "al", name: "Al", skills: ["billing"], capacity: 3, status: .away),
                      Agent(id: "full", name: "Full", skills: ["billing"], capacity: 0))
        let now = t0.addingTimeInterval(100)
        func offer(_ to: String, by actor: String = "ana") throws { try store.offerTransfer(threadID: "c1", actor: actor, toAgent: to, note: "n", queues: billing, now: now) }
        #expect(throws: LifecycleError.unfit(agent: "tess", reason: "no billing skill")) { try offer("tess") }
        #expect(throws: LifecycleError.unfit(agent: "al", reason: "away")) { try offer("al") }
        #expect(throws: LifecycleError.unfit(agent: "full", reason: "at capacity 0/0")) { try offer("full") }
        #expect(throws: LifecycleError.noSuchAgent("nobody")) { try offer("nobody") }
        #expect(throws: LifecycleError.unfit(agent: "ana", reason: "ana already holds it")) { try offer("ana") }
        #expect(throws: LifecycleError.notOwner(heldBy: "ana")) { try offer("lu", by: "bo") }
        #expect(LifecycleError.unfit(agent: "tess", reason: "no billing skill").description == "cannot offer the thread to tess: no billing skill")
        // Nothing was written by the refusals.
        #expect(try store.openOffers(toAgent: nil, now: now).isEmpty)
        #expect(try store.thread(id: "c1")?.notes.isEmpty == true)

        // A supervisor offers on the owner's behalf; a second offer waits for the first to be answered.
        try offer("lu", by: "sue")
        #expect(try store.openOffer(threadID: "c1", now: now).map { ($0.from, $0.offeredBy, $0.to) } ?? ("", "", "") == ("ana", "sue", "lu"))
        #expect(throws: LifecycleError.alreadyOffered(threadID: "c1", to: "lu")) { try offer("bo") }
        // Only a claimed thread is offered.
        let queued = try StoreFixtures.storeWithQueuedThread("c9")
        #expect(throws: LifecycleError.notAllowed(action: .offer, state: .queued)) {
            try queued.offerTransfer(threadID: "c9", actor: "sue", toAgent: "bo", note: "n", queues: billing, now: now)
        }
    }

    @Test func anOfferLapsesWhenTheThreadChangesHandsMeanwhile() throws {
        let store = try storeWithClaim()
        try store.offerTransfer(threadID: "c1", actor: "ana", toAgent: "bo", note: "n", queues: billing, now: t0.addingTimeInterval(100))
        try store.reassign(threadID: "c1", supervisor: "sue", toAgent: "lu", reason: "covering", now: t0.addingTimeInterval(105))
        #expect(try store.openOffers(toAgent: "bo", now: t0.addingTimeInterval(106)).isEmpty)
        #expect(throws: LifecycleError.noOffer(threadID: "c1", agent: "bo")) { try store.acceptOffer(threadID: "c1", agent: "bo", now: t0.addingTimeInterval(106)) }
        // The sweep drops the stale offer without touching Lu's claim.
        #expect(try store.sweep(now: t0.addingTimeInterval(300), queues: billing).offersExpired.isEmpty)
        #expect(try store.thread(id: "c1")?.summary.owner == "lu")
    }

    @Test func twoAcceptsRacingThroughTwoConnectionsLeaveExactlyOneOwner() throws {
        let path = try StoreFixtures.temporaryPath()
        do {
            let store = try SQLiteHandoffStore(path: path)
            try StoreFixtures.staff(store)
            _ = try store.record(StoreFixtures.conversation("c1"), now: t0)
            try store.handoff(StoreFixtures.request("c1"), now: t0)
            try store.claim(threadID: "c1", agent: "ana", now: t0)
            try store.offerTransfer(threadID: "c1", actor: "ana", toAgent: "bo", note: "n", queues: billing, now: t0)
        }
        let stores = [try SQLiteHandoffStore(path: path), try SQLiteHandoffStore(path: path)]
        let outcomes = Mutex<[String]>([])
        // Bo accepts from two places at once (console and CLI) while Zed tries to claim it.
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            let store = stores[index % 2]
            let outcome: String
            do {
                if index == 5 {
                    try store.claim(threadID: "c1", agent: "zed", now: t0.addingTimeInterval(1))
                } else {
                    try store.acceptOffer(threadID: "c1", agent: "bo", now: t0.addingTimeInterval(1))
                }
                outcome = "won"
            } catch let error as LifecycleError {
                outcome = error.description
            } catch {
                outcome = "fault: \(error)"
            }
            outcomes.withLock { $0.append(index == 5 ? "zed " + outcome : outcome) }
        }
        let seen = outcomes.withLock { $0 }
        #expect(seen.filter { $0 == "won" }.count == 1)
        #expect(seen.filter { $0 == "no open offer of c1 to bo (answered, withdrawn or timed out)" }.count == 4)
        #expect(seen.contains { $0.hasPrefix("zed already claimed by") })
        #expect(try stores[0].thread(id: "c1")?.summary.owner == "bo")
        #expect(try stores[0].audit(threadID: "c1", limit: 100).filter { $0.action == .acceptOffer }.count == 1)
    }
}
