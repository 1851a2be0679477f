import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// What `baton serve` keeps in the store: every outbox event numbered per conversation with its holder, the
/// platform's message ids, tokens and idempotent responses.
@Suite struct EventSequenceTests {
    let t0 = StoreFixtures.t0

    @Test func everyEventCarriesItsConversationSequenceAndHolder() throws {
        let store = try StoreFixtures.storeWithQueuedThread("c1")
        _ = try store.record(StoreFixtures.conversation("c2"), now: t0)
        try store.handoff(StoreFixtures.request("c2"), now: t0)
        try store.claim(threadID: "c1", agent: "ana", now: t0 + 1)
        try store.reply(threadID: "c1", agent: "ana", text: "Done.", now: t0 + 2)
        try store.release(threadID: "c1", agent: "ana", note: "refunded", now: t0 + 3)
        try store.handoff(StoreFixtures.request("c1", afterHours: true), now: t0 + 4)
        try store.claim(threadID: "c1", agent: "zed", now: t0 + 5)
        try store.resolve(threadID: "c1", agent: "zed", disposition: .solved, note: nil, now: t0 + 6)

        let c1 = try store.events(threadID: "c1", afterSequence: 0, limit: 100)
        #expect(c1.map(\.kind) == [.handoffMessage, .claimed, .agentIntroduction, .agentReply, .releasedToAI,
                                   .afterHoursMessage, .afterHoursCaptured, .claimed, .agentIntroduction, .resolved])
        #expect(c1.map(\.sequence) == Array(1...10))
        #expect(c1.map(\.holder) == [.queued, .human, .human, .human, .ai, .afterHours, .afterHours, .human, .human, .resolved])
        // The other conversation counts on its own.
        #expect(try store.events(threadID: "c2", afterSequence: 0, limit: 100).map(\.sequence) == [1])
        #expect(try store.events(threadID: "c1", afterSequence: 8, limit: 100).map(\.sequence) == [9, 10])
        #expect(try store.latestEventID() == store.outbox(afterID: 0, limit: 100, includeDelivered: true).last?.id)
    }

    @Test func aPickupBreachIsAnEventForTheBot() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        _ = try store.sweep(now: t0 + 301, queues: [QueueConfig(name: "billing", pickupWindow: 300)])
        let breach = try #require(try store.events(threadID: "c1", afterSequence: 0, limit: 10).last)
        #expect(breach.kind == .pickupBreached)
        #expect(breach.holder == .queued)
        #expect(breach.text == "not picked up within 300s in billing; escalation level 1")
    }

    @Test func aClosingWhatsAppWindowIsAnnouncedOnceWhileAHumanHoldsTheThread() throws {
        let store = try StoreFixtures.staffedStore()
        _ = try store.record(StoreFixtures.conversation("w1", messages: 1, channel: .whatsapp), now: t0)
        try store.handoff(StoreFixtures.request("w1", window: 100_000), now: t0)
        let queues = [QueueConfig(name: "billing", pickupWindow: 100_000, expiry: 100_000)]
        // Queued, not held: nothing even when the window is closing.
        _ = try store.sweep(now: t0 + 23 * 3600, queues: queues)
        #expect(try store.events(threadID: "w1", afterSequence: 0, limit: 10).map(\.kind) == [.handoffMessage])
        try store.claim(threadID: "w1", agent: "ana", now: t0 + 23 * 3600)
        _ = try store.sweep(now: t0 + 21 * 3600, queues: queues)  // more than two hours left
        #expect(try store.events(threadID: "w1", afterSequence: 3, limit: 10).isEmpty)
        _ = try store.sweep(now: t0 + 23 * 3600, queues: queues)
        _ = try store.sweep(now: t0 + 23.5 * 3600, queues: queues)
        let warnings = try store.events(threadID: "w1", afterSequence: 3, limit: 10)
        #expect(warnings.map(\.kind) == [.whatsappWindowClosing])
        #expect(warnings.first?.holder == .human)
        #expect(warnings.first?.text == "WhatsApp reply window closes at \(ISO8601.format(t0 + 24 * 3600))")
    }

    @Test func aMessageEventWithAKnownPlatformIDIsStoredOnce() throws {
        let store = try StoreFixtures.staffedStore()
        let customer = Customer(id: "cu1", name: "Ana")
        let message = Message(role: .customer, text: "hello", platformID: "wamid.1")
        _ = try store.recordEvent(conversationID: "p1", channel: .whatsapp, customer: customer, message: message, now: t0)
        let again = try store.recordEvent(conversationID: "p1", channel: nil, customer: nil, message: message, now: t0 + 1)
        #expect(again.firstNewMessage == 1)
        #expect(try store.conversation(id: "p1")?.messages.map(\.platformID) == ["wamid.1"])
        _ = try store.recordEvent(conversationID: "p1", channel: nil, customer: nil,
                                  message: Message(role: .customer, text: "hello", platformID: "wamid.2"), now: t0 + 2)
        #expect(try store.conversation(id: "p1")?.messages.count == 2)
    }

    @Test func anAIMessageWhileAHumanHoldsTheThreadIsRefusedAndNotStored() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        try store.claim(threadID: "c1", agent: "ana", now: t0 + 1)
        #expect(throws: IngestError.heldByHuman(conversationID: "c1", holder: .human, owner: "ana")) {
            try store.recordEvent(conversationID: "c1", channel: nil, customer: nil,
                                  message: Message(role: .ai, text: "I can help with that!"), now: t0 + 2)
        }
        #expect(try store.conversation(id: "c1")?.messages.count == 2)
        // The customer may still write.
        _ = try store.recordEvent(conversationID: "c1", channel: nil, customer: nil, message: Message(role: .customer, text: "hi?"), now: t0 + 3)
        #expect(try store.conversation(id: "c1")?.messages.count == 3)
    }
}

@Suite struct TokenAndIdempotencyStoreTests {
    let t0 = StoreFixtures.t0
    let hash = [UInt8](repeating: 7, count: 32)

    @Test func tokensAreFoundByHashUntilRevoked() throws {
        let store = try StoreFixtures.staffedStore()
        try store.createToken(name: "bot", hash: hash, now: t0)
        #expect(try store.tokenName(hash: hash) == "bot")
        #expect(try store.tokenName(hash: [UInt8](repeating: 8, count: 32)) == nil)
        #expect(throws: StoreError.self) { try store.createToken(name: "bot", hash: [UInt8](repeating: 9, count: 32), now: t0) }
        #expect(try store.revokeToken(name: "bot", now: t0 + 1))
        #expect(try !store.revokeToken(name: "bot", now: t0 + 2))
        #expect(try store.tokenName(hash: hash) == nil)
        #expect(try store.tokens() == [APIToken(name: "bot", createdAt: t0, revokedAt: t0 + 1)])
        // A revoked name can be given a new token.
        try store.createToken(name: "bot", hash: [UInt8](repeating: 9, count: 32), now: t0 + 3)
        #expect(try store.tokenName(hash: [UInt8](repeating: 9, count: 32)) == "bot")
    }

    @Test func idempotentResponsesAreKeptPerTokenForTheirWindow() throws {
        let store = try StoreFixtures.staffedStore()
        let first = StoredResponse(requestHash: [1], status: 200, body: Array("{}".utf8), createdAt: t0)
        try store.storeIdempotentResponse(first, token: "bot", key: "k1", replaces: t0 - 86_400, now: t0)
        #expect(try store.idempotentResponse(token: "bot", key: "k1", notBefore: t0 - 10) == first)
        #expect(try store.idempotentResponse(token: "other", key: "k1", notBefore: t0 - 10) == nil)
        // Within the window a second answer does not replace the first.
        let second = StoredResponse(requestHash: [2], status: 400, body: [], createdAt: t0 + 5)
        try store.storeIdempotentResponse(second, token: "bot", key: "k1", replaces: t0 + 5 - 86_400, now: t0 + 5)
        #expect(try store.idempotentResponse(token: "bot", key: "k1", notBefore: t0 - 10) == first)
        // Past it, the key is free again and purged.
        #expect(try store.idempotentResponse(token: "bot", key: "k1", notBefore: t0 + 1) == nil)
        #expect(try store.purgeIdempotentResponses(before: t0 + 1) == 1)
    }
}
