import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Recording conversations is idempotent and keeps the bot's message indexes stable.
@Suite struct RecordTests {
    let t0 = StoreFixtures.t0

    @Test func recordingTheSameConversationTwiceAddsNothing() throws {
        let store = try StoreFixtures.staffedStore()
        let conversation = StoreFixtures.conversation("c1", messages: 3)
        let first = try store.record(conversation, now: t0)
        #expect(first.isNewThread)
        #expect(first.state == .ai)
        #expect(first.firstNewMessage == 0)
        #expect(first.evaluateFrom == 0)
        #expect(first.conversation.messages == conversation.messages)

        let second = try store.record(conversation, now: t0.addingTimeInterval(60))
        #expect(!second.isNewThread)
        #expect(second.firstNewMessage == 3)
        #expect(!second.customerWroteAgain)
        let detail = try #require(try store.thread(id: "c1"))
        #expect(detail.messages == conversation.messages)
        #expect(detail.summary.lastActivityAt == t0)  // nothing new, no activity
        #expect(detail.summary.customerName == "Ana Souza")
        #expect(detail.summary.state == .ai)
    }

    @Test func messagesComeBackExactlyWithEmptyAbsentAndNonASCIIFields() throws {
        let store = try StoreFixtures.staffedStore()
        var conversation = StoreFixtures.conversation("c1", messages: 2)
        conversation.messages += [
            Message(role: .customer, text: ""),
            Message(role: .customer, text: "ação 🚨 \"quoted\" \\ tab\there", at: t0, confidence: 0, intent: ""),
        ]
        _ = try store.record([conversation], now: t0)
        let detail = try #require(try store.thread(id: "c1"))
        #expect(detail.messages == conversation.messages)
        #expect(detail.messages[2].at == nil && detail.messages[2].intent == nil && detail.messages[2].text == "")
        #expect(detail.messages[3].intent == "")
    }

    @Test func onlyUnseenMessagesAreAppended() throws {
        let store = try StoreFixtures.staffedStore()
        _ = try store.record(StoreFixtures.conversation("c1", messages: 2), now: t0)
        var longer = StoreFixtures.conversation("c1", messages: 4)
        longer.messages[0].text = "edited by the platform"  // already stored: the stored text wins
        let outcome = try store.record(longer, now: t0.addingTimeInterval(5))
        #expect(outcome.firstNewMessage == 2)
        #expect(outcome.customerWroteAgain)
        #expect(outcome.conversation.messages.count == 4)
        #expect(outcome.conversation.messages[0].text == "customer says 0")
        #expect(try store.thread(id: "c1")?.messages.map(\.text)
                == ["customer says 0", "ai answers 1", "customer says 2", "ai answers 3"])
        // A shorter resend neither deletes nor duplicates.
        let shorter = try store.record(StoreFixtures.conversation("c1", messages: 1), now: t0.addingTimeInterval(6))
        #expect(shorter.firstNewMessage == 4)
        #expect(shorter.conversation.messages.count == 4)
    }

    /// Messages are inserted several to a statement; long conversations and long tails span several.
    @Test func longConversationsAndLongTailsAreStoredWholeAndInOrder() throws {
        let store = try StoreFixtures.staffedStore()
        let long = StoreFixtures.conversation("c1", messages: 19)
        _ = try store.record(long, now: t0)
        #expect(try store.thread(id: "c1")?.messages == long.messages)
        let longer = StoreFixtures.conversation("c1", messages: 37)
        let outcome = try store.record(longer, now: t0.addingTimeInterval(5))
        #expect(outcome.firstNewMessage == 19)
        #expect(try store.thread(id: "c1")?.messages == longer.messages)
        #expect(try store.conversation(id: "c1")?.messages == longer.messages)
    }

    @Test func agentRepliesDoNotShiftBotIndexes() throws {
        let store = try StoreFixtures.staffedStore()
        _ = try store.record(StoreFixtures.conversation("c1", messages: 2), now: t0)
        try store.handoff(StoreFixtures.request("c1"), now: t0)
        try store.claim(threadID: "c1", agent: "ana", now: t0)
        try store.reply(threadID: "c1", agent: "ana", text: "agent here", now: t0.addingTimeInterval(1))
        try store.release(threadID: "c1", agent: "ana", note: nil, now: t0.addingTimeInterval(2))

        // The platform sends the conversation again with one more customer message at index 2.
        let outcome = try store.record(StoreFixtures.conversation("c1", messages: 3), now: t0.addingTimeInterval(3))
        #expect(outcome.firstNewMessage == 2)
        #expect(outcome.evaluateFrom == 2)  // after the release, triggers look at new messages only
        #expect(outcome.state == .ai)
        #expect(try store.thread(id: "c1")?.messages.map(\.role) == [.customer, .ai, .agent, .customer])
    }

    @Test func batchRecordingStoresEverythingInOneGo() throws {
        let store = try StoreFixtures.staffedStore()
        let batch = (0..<50).map { StoreFixtures.conversation("b\($0)", messages: 5) }
        let outcomes = try store.record(batch, now: t0)
        #expect(outcomes.count == 50)
        #expect(outcomes.allSatisfy { $0.isNewThread })
        #expect(try store.threadCount(ThreadQuery(states: [.ai])) == 50)
        // Again: nothing new, nothing duplicated.
        let again = try store.record(batch, now: t0)
        #expect(again.allSatisfy { !$0.isNewThread && $0.firstNewMessage == 5 })
        #expect(try store.thread(id: "b7")?.messages.count == 5)
    }

    @Test func badConversationsAreRefusedWithTheirId() throws {
        let store = try StoreFixtures.staffedStore()
        #expect(throws: StoreError.invalidInput("conversation id is empty")) {
            try store.record(StoreFixtures.conversation(""), now: t0)
        }
        var withAgent = StoreFixtures.conversation("c9")
        withAgent.messages.append(Message(role: .agent, text: "x"))
        #expect(throws: StoreError.self) { try store.record([StoreFixtures.conversation("ok"), withAgent], now: t0) }
        // The batch was refused as a whole.
        #expect(try store.thread(id: "ok") == nil)
    }

    @Test func csatIsValidatedAndStored() throws {
        let store = try StoreFixtures.storeWithQueuedThread()
        #expect(throws: StoreError.invalidInput("CSAT score for thread c1 must be 1 to 5, got 9")) {
            try store.recordCSAT(threadID: "c1", score: 9, now: t0)
        }
        #expect(throws: LifecycleError.noSuchThread("zz")) { try store.recordCSAT(threadID: "zz", score: 4, now: t0) }
        try store.recordCSAT(threadID: "c1", score: 4, now: t0)
        #expect(try store.metricFacts(since: t0).conversations.first?.csat == 4)
    }
}
