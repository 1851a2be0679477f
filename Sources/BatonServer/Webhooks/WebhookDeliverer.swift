import BatonCore
import BatonStore
import Foundation
import Logging
import ServiceLifecycle

/// Delivers outbox events to the configured webhook endpoints: at least once, in order within a conversation
/// (one delivery in flight per conversation), concurrently across conversations, retried per `RetryPolicy`.
///
/// The outbox is the source: deliveries are scheduled from it in the store, so an event committed with its
/// change is delivered after any crash, and every attempt's outcome is committed before the next one.
public final class WebhookDeliverer: Service, Sendable {
    public struct Endpoint: Sendable {
        public var config: WebhookConfig
        let signer: WebhookSigner

        public init(_ config: WebhookConfig) {
            self.config = config
            signer = WebhookSigner(secrets: config.secrets)
        }
    }

    let store: any IntegrationStore
    let endpoints: [Endpoint]
    let transport: any WebhookTransport
    let policy: RetryPolicy
    let runner: StoreRunner
    let metrics: ServerMetrics?
    let logger: Logger
    let clock: @Sendable () -> Date
    let random: @Sendable () -> Double
    /// Most deliveries in flight per endpoint (each for a different conversation).
    let maxInFlight: Int
    let timeout: Duration
    /// How often the outbox is looked at when nothing is due.
    let pollInterval: Duration

    public init(store: any IntegrationStore, webhooks: [WebhookConfig], transport: any WebhookTransport,
                policy: RetryPolicy = RetryPolicy(), runner: StoreRunner, metrics: ServerMetrics? = nil,
                logger: Logger = Logger(label: "baton.webhooks"), clock: @escaping @Sendable () -> Date = { Date() },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, maxInFlight: Int = 32,
                timeout: Duration = .seconds(10), pollInterval: Duration = .milliseconds(200)) {
        self.store = store
        self.endpoints = webhooks.map(Endpoint.init)
        self.transport = transport
        self.policy = policy
        self.runner = runner
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
        self.random = random
        self.maxInFlight = maxInFlight
        self.timeout = timeout
        self.pollInterval = pollInterval
    }

    /// Registers the endpoints in the store (a new one starts at the end of the outbox).
    public func register() async throws {
        let store = self.store
        let pairs = endpoints.map { (name: $0.config.name, url: $0.config.url) }
        try await runner.run { try store.registerWebhookEndpoints(pairs) }
    }

    public func run() async throws {
        // A service that returns early would stop the whole server: with nothing to deliver, wait for shutdown.
        guard !endpoints.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        try await register()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let attempts: Int
                do {
                    attempts = try await self.tick()
                } catch {
                    self.logger.error("webhook delivery pass failed", metadata: ["error": "\(error)"])
                    attempts = 0
                }
                if attempts == 0 { try? await Task.sleep(for: self.pollInterval) }
            }
        }
    }

    /// One pass over every endpoint: schedules new outbox events, sends each due delivery (the oldest pending one
    /// of each conversation) concurrently, and records every outcome. Returns how many attempts were made.
    @discardableResult
    public func tick() async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for endpoint in endpoints {
                group.addTask { try await self.tick(endpoint) }
            }
            return try await group.reduce(0, +)
        }
    }

    private func tick(_ endpoint: Endpoint) async throws -> Int {
        let store = self.store
        let name = endpoint.config.name
        let kinds = endpoint.config.events
        let now = clock()
        while try await runner.run({ try store.scheduleWebhookDeliveries(endpoint: name, kinds: kinds, limit: 1000, now: now) }) == 1000 {}
        let limit = maxInFlight
        let due = try await runner.run { try store.dueWebhookDeliveries(endpoint: name, now: now, limit: limit, busy: []) }
        guard !due.isEmpty else { return 0 }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for delivery in due {
                group.addTask { try await self.attempt(delivery, to: endpoint) }
            }
            try await group.waitForAll()
        }
        return due.count
    }

    /// Sends one delivery and records its outcome.
    private func attempt(_ delivery: WebhookDelivery, to endpoint: Endpoint) async throws {
        let started = clock()
        let body = Self.payload(delivery.event)
        let id = Self.webhookID(delivery.event)
        let headers = endpoint.signer.headers(id: id, timestamp: Int(started.timeIntervalSince1970), body: body)
        let clockStart = ContinuousClock.now
        let outcome = await transport.post(url: endpoint.config.url, headers: headers, body: body, timeout: timeout)
        let elapsed = ContinuousClock.now - clockStart
        let now = clock()
        let next = policy.next(after: outcome, attempt: delivery.attempts + 1, firstAttemptAt: delivery.firstAttemptAt ?? started,
                               now: now, random: random())
        let (status, error): (Int?, String?) = switch outcome {
        case .status(let code, _): (code, nil)
        case .timeout: (nil, "timed out")
        case .connectionError(let message): (nil, message)
        }
        let result = WebhookAttemptResult(next: next, status: status, error: error,
                                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let store = self.store
        try await runner.run { try store.recordWebhookAttempt(deliveryID: delivery.id, result: result, now: now) }
        let label: String = switch next {
        case .delivered: "delivered"
        case .retry: "retry"
        case .failed: "failed"
        }
        metrics?.recordWebhookAttempt(endpoint: endpoint.config.name, result: label)
        if case .failed = next {
            logger.warning("webhook delivery failed for good", metadata: [
                "endpoint": "\(endpoint.config.name)", "event": "\(id)", "status": "\(status.map(String.init) ?? "none")",
                "error": "\(error ?? "")",
            ])
        }
    }

    /// `evt_<outbox id>`: the same for every attempt of an event, so receivers can drop duplicates.
    public static func webhookID(_ event: OutboxMessage) -> String { "evt_\(event.id)" }

    /// The delivered JSON: `{"type", "timestamp", "data": <the event as GET /v1/events shows it>}`.
    public static func payload(_ event: OutboxMessage) -> [UInt8] {
        Array(JSONValue.object([
            ("type", .string(event.kind.rawValue)),
            ("timestamp", .from(event.createdAt)),
            ("data", APIJSON.event(event)),
        ]).serialized.utf8)
    }
}
