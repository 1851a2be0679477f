import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// The agent's rating of the packet after resolving: stored, audited, refused with a clear reason.
@Suite struct PacketRatingTests {
    let t0 = StoreFixtures.t0

    func resolvedStore() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.storeWithQueuedThread("c1")
        try store.claim(threadID: "c1", agent: "ana", now: t0.addingTimeInterval(10))
        try store.resolve(threadID: "c1", agent: "ana", disposition: .solved, note: nil, now: t0.addingTimeInterval(60))
        return store
    }

    @Test func theResolverRatesThePacketWithANoteStoredAndAudited() throws {
        let store = try resolvedStore()
        try store.ratePacket(threadID: "c1", agent: "ana", rating: 2, note: "no order number", now: t0.addingTimeInterval(70))
        #expect(try store.packetRating(threadID: "c1")
                == PacketRating(threadID: "c1", agent: "ana", rating: 2, note: "no order number", at: t0.addingTimeInterval(70)))
        let last = try #require(try store.audit(threadID: "c1", limit: 10).last)
        #expect(last.action == .rate)
        #expect(last.actor == "ana")
        #expect(last.reason == "packet rated 2/5: no order number")
        #expect(last.fromState == .resolved && last.toState == .resolved)
        // Rated again: the newest counts, both stay in the audit trail.
        try store.ratePacket(threadID: "c1", agent: "ana", rating: 4, note: "  ", now: t0.addingTimeInterval(80))
        #expect(try store.packetRating(threadID: "c1")?.rating == 4)
        #expect(try store.packetRating(threadID: "c1")?.note == nil)
        #expect(try store.audit(threadID: "c1", limit: 10).filter { $0.action == .rate }.count == 2)
        #expect(try store.checkInvariants().isEmpty)
    }

    @Test func badRatingsAreRefusedNamingWhatIsWrongAndNothingIsStored() throws {
        let store = try resolvedStore()
        for bad in [0, 6, -1] {
            #expect {
                try store.ratePacket(threadID: "c1", agent: "ana", rating: bad, note: nil, now: t0)
            } throws: { "\($0)".contains("must be a whole number from 1 to 5, got \(bad)") }
        }
        #expect { try store.ratePacket(threadID: "c1", agent: "bob", rating: 3, note: nil, now: t0) }
            throws: { "\($0)".contains("resolved by ana; only ana rates its packet") }
        #expect(try store.packetRating(threadID: "c1") == nil)
        #expect(try store.audit(threadID: "c1", limit: 10).allSatisfy { $0.action != .rate })
    }

    @Test func anUnresolvedThreadCannotBeRated() throws {
        let store = try StoreFixtures.storeWithQueuedThread("c1")
        #expect(throws: LifecycleError.self) {
            try store.ratePacket(threadID: "c1", agent: "ana", rating: 3, note: nil, now: t0)
        }
        #expect(throws: (any Error).self) { try store.ratePacket(threadID: "nope", agent: "ana", rating: 3, note: nil, now: t0) }
    }
}
