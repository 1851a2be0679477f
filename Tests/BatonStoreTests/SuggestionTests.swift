import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Collaborative mode: the AI's suggestions for the human, per queue soft (accepted) or hard (refused).
@Suite struct SuggestionTests {
    let t0 = StoreFixtures.t0

    func dispatcher(_ store: SQLiteHandoffStore, mode: HandoffMode, queue: String = "general") -> Dispatcher {
        var config = BatonConfig()
        var settings = config.queue(named: queue)
        settings.handoff = mode
        config.queues.removeAll { $0.name == queue }
        config.queues.append(settings)
        return Dispatcher(store: store, config: config, clock: { [t0] in t0 })
    }

    /// A store with conversation `id` handed off (to its queue) and claimed by ana; returns the queue.
    func claimedThread(_ store: SQLiteHandoffStore, _ id: String) throws -> String {
        let intake = Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 })
        guard case .handedOff(let thread) = try intake.ingest(.message(conversationID: id, channel: .webchat, customer: Customer(id: "u-\(id)", name: "Ana"),
                                                                      message: Message(role: .customer, text: "I want to talk to a person", at: t0))) else {
            Issue.record("expected a handoff")
            return ""
        }
        _ = try store.claim(threadID: id, agent: "ana", now: t0)
        return thread.queue
    }

    @Test func inASoftQueueSuggestionsAreStoredForTheAgentAndNeverReachTheCustomer() throws {
        let store = try StoreFixtures.staffedStore()
        let queue = try claimedThread(store, "s1")
        let dispatcher = dispatcher(store, mode: .soft, queue: queue)
        let outboxBefore = try store.events(threadID: "s1", afterSequence: 0, limit: 100)
        let suggestions = [
            Suggestion(kind: .reply, text: "Your refund of $49.99 was issued on 12 November."),
            Suggestion(kind: .fact, text: "shipped 2026-11-18, tracking ZX81", title: "order status"),
            Suggestion(kind: .article, text: "", title: "Refund times", url: "https://help.example/refunds"),
        ]
        for suggestion in suggestions {
            #expect(try dispatcher.ingest(.suggestion(conversationID: "s1", suggestion: suggestion)) == .suggestionStored(threadID: "s1"))
        }
        // Not in the outbox, not as a customer message nor as anything else.
        let outboxAfter = try store.events(threadID: "s1", afterSequence: 0, limit: 100)
        #expect(outboxAfter == outboxBefore)
        #expect(!outboxAfter.contains { ($0.text ?? "").contains("49.99") || ($0.text ?? "").contains("ZX81") })
        // Not in the transcript as sent: the conversation still has the customer's one message.
        let detail = try #require(try store.thread(id: "s1"))
        #expect(detail.messages.map(\.role) == [.customer])
        #expect(try store.conversation(id: "s1")?.messages.count == 1)
        #expect(detail.suggestions == suggestions.map { var stored = $0; stored.at = t0; return stored })
        #expect(detail.suggestions.last?.composerText == "Refund times https://help.example/refunds")
        #expect(detail.suggestions[1].composerText == "order status: shipped 2026-11-18, tracking ZX81")
        #expect(detail.summary.state == .claimed)
        #expect(detail.summary.owner == "ana")
    }

    @Test func inAHardQueueSuggestionsAreRefusedNamingTheMode() throws {
        let store = try StoreFixtures.staffedStore()
        let queue = try claimedThread(store, "h1")
        let dispatcher = dispatcher(store, mode: .hard, queue: queue)
        #expect(throws: IngestError.suggestionRefused(conversationID: "h1", reason: .hardHandoff(queue: queue))) {
            try dispatcher.ingest(.suggestion(conversationID: "h1", suggestion: Suggestion(kind: .reply, text: "Hi")))
        }
        #expect(IngestError.suggestionRefused(conversationID: "h1", reason: .hardHandoff(queue: queue)).description
                == "suggestion for conversation h1 refused: queue \(queue) is in hard handoff mode (handoff = \"hard\"): the bot stays silent after the handoff")
        #expect(try store.thread(id: "h1")?.suggestions.isEmpty == true)
        #expect(try dispatcher.handoffMode(conversationID: "h1") == .hard)
    }

    @Test func suggestionsNeedAHumanOnTheConversation() throws {
        let store = try StoreFixtures.staffedStore()
        let dispatcher = dispatcher(store, mode: .soft)
        _ = try dispatcher.ingest(.message(conversationID: "a1", channel: .webchat, customer: Customer(id: "u1"),
                                           message: Message(role: .customer, text: "where is my parcel?", at: t0)))
        #expect(throws: IngestError.suggestionRefused(conversationID: "a1", reason: .notWithHumans(.ai))) {
            try dispatcher.ingest(.suggestion(conversationID: "a1", suggestion: Suggestion(kind: .reply, text: "Hi")))
        }
        #expect(throws: IngestError.unknownConversation("nobody")) {
            try dispatcher.ingest(.suggestion(conversationID: "nobody", suggestion: Suggestion(kind: .reply, text: "Hi")))
        }
        #expect(throws: StoreError.self) {
            try store.addSuggestion(Suggestion(kind: .article, text: "", title: "x"), threadID: "a1", now: t0)
        }
    }

    @Test func theQueuesHandoffModeIsReadAndValidatedFromTheConfig() throws {
        let config = try ConfigLoader.load(toml: "[[queues]]\nname = \"vip\"\nhandoff = \"hard\"\n[[queues]]\nname = \"general\"\n", source: "baton.toml")
        #expect(config.queue(named: "vip").handoff == .hard)
        #expect(config.queue(named: "general").handoff == .soft)
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(toml: "[[queues]]\nname = \"vip\"\nhandoff = \"silent\"\n", source: "baton.toml")
        }
        do {
            _ = try ConfigLoader.load(toml: "[[queues]]\nname = \"vip\"\nhandoff = \"silent\"\n", source: "baton.toml")
        } catch {
            #expect(error.description == "baton.toml: queues[0].handoff: \"silent\" is not one of soft, hard")
        }
    }
}
