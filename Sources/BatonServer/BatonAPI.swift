import BatonCore
import BatonStore
import Foundation
import Logging

/// Everything the controllers share: the dispatcher (and through it the store), the thread pool that runs store
/// calls, settings, metrics and the outbox watcher for long polls.
public final class BatonAPI: Sendable {
    public typealias Store = any HandoffStore & IntegrationStore

    public let dispatcher: Dispatcher
    public let store: Store
    public let settings: ServerSettings
    public let metrics: ServerMetrics
    public let runner: StoreRunner
    public let watcher: OutboxWatcher
    public let tokens: TokenVerifier
    let idempotency: IdempotencyGuard
    /// Group commit of message events.
    let messages: MessageBatcher
    let clock: @Sendable () -> Date

    public init(store: Store, config: BatonConfig, settings: ServerSettings = ServerSettings(),
                metrics: ServerMetrics = ServerMetrics(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.dispatcher = Dispatcher(store: store, config: config, clock: clock)
        self.settings = settings
        self.metrics = metrics
        self.clock = clock
        runner = StoreRunner(threads: settings.storeThreads)
        watcher = OutboxWatcher(store: store, runner: runner)
        tokens = TokenVerifier(store: store, runner: runner)
        idempotency = IdempotencyGuard()
        let answers = IngestAnswer(store: store, config: config, runner: runner, clock: clock)
        messages = MessageBatcher(dispatcher: dispatcher, runner: runner, maxBatch: settings.maxBatch, delay: settings.batchDelay,
                                  answers: { try await answers.json($0, conversationID: $1) })
    }

    public var config: BatonConfig { dispatcher.config }

    /// Runs a store operation on the store's threads.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await runner.run(body)
    }
}
