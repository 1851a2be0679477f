import BatonCore
import BatonStore
import Foundation
import Synchronization

/// Group commit for message events. Concurrent `POST …/messages` requests are gathered for a moment (or until
/// `maxBatch` of them wait) and recorded by ONE store transaction (`Dispatcher.ingest(events:respond:)`): their
/// messages, handoffs, outbox events and idempotent answers commit together, and each request is answered with its
/// own result once that commit is done. While a batch is being written the next one gathers, so under load
/// batches grow by themselves and the writer never waits for the timer.
final class MessageBatcher: Sendable {
    private struct Job: Sendable {
        let event: MessageEvent
        let idempotency: IdempotencyContext?
        let continuation: CheckedContinuation<APIResponse, any Error>
    }

    private struct State {
        var pending: [Job] = []
        /// A batch is being written; jobs arriving meanwhile wait for it to finish.
        var writing = false
        var timerArmed = false
    }

    private let state = Mutex(State())
    private let dispatcher: Dispatcher
    private let runner: StoreRunner
    private let answers: @Sendable (Dispatcher.Outcome, String) async throws -> JSONValue
    /// The most events one transaction records.
    let maxBatch: Int
    /// How long the first event of a batch waits for others when the writer is idle.
    let delay: Duration

    /// - Parameter answers: the answer to an outcome whose answer could not be built inside its transaction.
    init(dispatcher: Dispatcher, runner: StoreRunner, maxBatch: Int, delay: Duration,
         answers: @escaping @Sendable (Dispatcher.Outcome, String) async throws -> JSONValue) {
        self.dispatcher = dispatcher
        self.runner = runner
        self.maxBatch = max(1, maxBatch)
        self.delay = delay
        self.answers = answers
    }

    /// Records one message event with the next batch and answers it. With `idempotency`, the answer is stored for
    /// the key in the same transaction (`receiptStored`) unless the outcome needed a second one.
    func submit(_ event: MessageEvent, idempotency: IdempotencyContext?) async throws -> APIResponse {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(event: event, idempotency: idempotency, continuation: continuation)
            enum Next { case nothing, armTimer, write([Job]) }
            let next: Next = state.withLock { state in
                state.pending.append(job)
                if state.writing { return .nothing }
                if state.pending.count >= maxBatch {
                    state.writing = true
                    return .write(Self.take(&state, maxBatch))
                }
                if state.timerArmed { return .nothing }
                state.timerArmed = true
                return .armTimer
            }
            switch next {
            case .nothing: break
            case .armTimer: Task { await self.timerFired() }
            case .write(let jobs): Task { await self.write(jobs) }
            }
        }
    }

    private static func take(_ state: inout State, _ count: Int) -> [Job] {
        let jobs = Array(state.pending.prefix(count))
        state.pending.removeFirst(jobs.count)
        return jobs
    }

    private func timerFired() async {
        try? await Task.sleep(for: delay)
        let jobs: [Job]? = state.withLock { state in
            state.timerArmed = false
            guard !state.writing, !state.pending.isEmpty else { return nil }
            state.writing = true
            return Self.take(&state, maxBatch)
        }
        if let jobs { await write(jobs) }
    }

    /// Writes batches until none is waiting.
    private func write(_ first: [Job]) async {
        var jobs = first
        while true {
            await record(jobs)
            let next: [Job]? = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.writing = false
                    return nil
                }
                return Self.take(&state, maxBatch)
            }
            guard let next else { return }
            jobs = next
        }
    }

    /// One batch: one transaction, then every job answered.
    private func record(_ jobs: [Job]) async {
        let dispatcher = self.dispatcher
        let config = dispatcher.config
        let now = dispatcher.now
        let events = jobs.map(\.event)
        let keys = jobs.map(\.idempotency)
        let written: [(result: Dispatcher.EventResult, answer: Result<APIResponse, any Error>?)]
        do {
            written = try await runner.run {
                var answers = [Result<APIResponse, any Error>?](repeating: nil, count: events.count)
                let results = try dispatcher.ingest(events: events) { slot, outcome, facts in
                    let answer = Result { try Self.answer(outcome, conversationID: events[slot].conversationID, facts: facts, config: config, now: now) }
                    answers[slot] = answer
                    guard case .success(let response) = answer, let key = keys[slot] else { return nil }
                    let receipt = key.receipt(for: response)
                    if receipt != nil { answers[slot] = .success(response.storingReceipt()) }
                    return receipt
                }
                return Array(zip(results, answers))
            }
        } catch {
            for job in jobs { job.continuation.resume(throwing: error) }
            return
        }
        for (job, (result, answer)) in zip(jobs, written) {
            if let answer {
                job.continuation.resume(with: answer)
                continue
            }
            // Answered after a second transaction (a reopening, an after-hours acknowledgement).
            do {
                let response: APIResponse
                switch result.outcome {
                case .success(let outcome):
                    response = APIResponse(json: try await answers(outcome, job.event.conversationID))
                case .failure(let error):
                    response = try Self.problem(error)
                }
                job.continuation.resume(returning: response)
            } catch {
                job.continuation.resume(throwing: error)
            }
        }
    }

    /// The answer to one event's outcome, built inside its transaction.
    private static func answer(_ outcome: Result<Dispatcher.Outcome, any Error>, conversationID: String, facts: any AnswerFacts,
                               config: BatonConfig, now: Date) throws -> APIResponse {
        switch outcome {
        case .success(let outcome):
            return APIResponse(json: try IngestAnswer.json(outcome, conversationID: conversationID, facts: facts, config: config, now: now))
        case .failure(let error):
            return try problem(error)
        }
    }

    /// A refusal as the problem document the client gets; server errors are thrown (never stored for a key).
    private static func problem(_ error: any Error) throws -> APIResponse {
        let problem = APIProblem.from(error)
        guard problem.status.code < 500 else { throw error }
        return APIResponse(status: problem.status, body: problem.body, contentType: "application/problem+json")
    }
}

extension APIResponse {
    func storingReceipt() -> APIResponse {
        var response = self
        response.receiptStored = true
        return response
    }
}
