import Foundation
import Prometheus
import Synchronization

/// The Prometheus registry behind `/metrics`: request counts and latency by route, webhook attempts, and the
/// gauges (queue depth, outbox and webhook backlogs) that are read from the store when scraped.
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    /// Latency buckets from 0.5 ms to 10 s.
    private static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
    ]

    /// One series of the request metrics: its counter and its latency histogram, as the registry made them.
    private struct RequestSeries: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    /// The counter and histogram of each series seen, so a request costs a dictionary lookup instead of the
    /// registry's name and label validation under its lock (twice). Bounded like the registry's own series.
    private let requestSeries = Mutex<[RequestSeries: (requests: Counter, latency: DurationHistogram)]>([:])
    private static let maxCachedSeries = 1_000

    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let series = RequestSeries(method: method, route: route, status: status)
        let (requests, latency) = requestSeries.withLock { cache in
            if let known = cache[series] { return known }
            let made = (requests: registry.makeCounter(descriptor: Self.requests,
                                                       labels: [("method", method), ("route", route), ("status", String(status))]),
                        latency: registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", method), ("route", route)],
                                                                buckets: Self.buckets))
            if cache.count < Self.maxCachedSeries { cache[series] = made }
            return made
        }
        requests.increment()
        latency.record(duration)
    }

    func recordWebhookAttempt(endpoint: String, result: String) {
        registry.makeCounter(descriptor: Self.webhookAttempts, labels: [("endpoint", endpoint), ("result", result)]).increment()
    }

    func setGauge(_ descriptor: MetricNameDescriptor, labels: [(String, String)], to value: Int) {
        registry.makeGauge(descriptor: descriptor, labels: labels).set(Double(value))
    }

    static var requests: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_http_requests", unitName: "total", helpText: "HTTP requests by route and status") }
    static var latency: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_http_request_duration", unitName: "seconds", helpText: "HTTP request latency by route") }
    static var webhookAttempts: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_webhook_attempts", unitName: "total",
                                                      helpText: "Webhook delivery attempts by endpoint and result (delivered, retry, failed)") }
    static var queueWaiting: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_queue_waiting", unitName: "threads", helpText: "Threads waiting for pickup per queue") }
    static var queueClaimed: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_queue_claimed", unitName: "threads", helpText: "Threads held by agents per queue") }
    static var outboxBacklog: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_outbox_backlog", unitName: "events", helpText: "Outbox events not yet acknowledged") }
    static var webhookPending: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_webhook_pending", unitName: "deliveries", helpText: "Webhook deliveries pending per endpoint") }
    static var webhookFailed: MetricNameDescriptor { MetricNameDescriptor(metricName: "baton_webhook_failed", unitName: "deliveries",
                                                    helpText: "Webhook deliveries given up per endpoint (see baton webhooks failed)") }
}
