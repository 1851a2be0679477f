import Foundation
import Synchronization
import BatonCore

/// Runs the escalation engine, and builds the packets of the conversations that hand off, over a batch on
/// a second core while the store records it.
///
/// A conversation the store has never seen is stored exactly as sent, so its verdict and its packet need
/// nothing from the store and can be ready before the write transaction asks for them. A helper starts on
/// the batch at once; when the verdicts are needed, the caller takes whatever the helper has not started,
/// so a busy machine or a single core loses nothing but the hand-over.
final class EarlyVerdicts: Sendable {
    /// The engine's decision (nil: nothing to evaluate), and the packet without open handoffs when it hands off.
    struct Verdict: Sendable {
        var decision: HandoffDecision?
        var packet: ContextPacket?
    }

    private let conversations: [Conversation]
    private let engine: TriggerEngine
    private let planner: HandoffPlanner
    private let now: Date
    /// The next conversation nobody has started on; both threads take work from here.
    private let next = Atomic<Int>(0)
    private let verdicts: Mutex<[Verdict]>
    private let helperFinished = DispatchSemaphore(value: 0)

    /// Starts on `conversations` on another thread.
    init(_ conversations: [Conversation], engine: TriggerEngine, planner: HandoffPlanner, now: Date) {
        self.conversations = conversations
        self.engine = engine
        self.planner = planner
        self.now = now
        self.verdicts = Mutex(Array(repeating: Verdict(decision: nil, packet: nil), count: conversations.count))
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            evaluateUnstarted()
            helperFinished.signal()
        }
    }

    /// Every conversation's verdict in batch order, as if it were evaluated from its first message.
    /// Evaluates what the helper has not started, then waits for the one it is on.
    func all() -> [Verdict] {
        evaluateUnstarted()
        helperFinished.wait()
        // Left signalled, so a second call (a store may retry its plan) does not wait forever.
        helperFinished.signal()
        return verdicts.withLock { $0 }
    }

    /// Stops the helper after the conversation it is on, for a batch that will not be recorded.
    func cancel() {
        next.store(conversations.count, ordering: .relaxed)
    }

    private func evaluateUnstarted() {
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < conversations.count else { return }
            let conversation = conversations[index]
            let decision = engine.evaluate(conversation, from: 0)
            let verdict = Verdict(decision: decision, packet: planner.packet(conversation: conversation, decision: decision, now: now))
            verdicts.withLock { $0[index] = verdict }
        }
    }
}
