import BatonCore
import BatonStore
import Foundation
import Hummingbird

/// `/healthz`, `/readyz`, `/metrics` and `/v1/openapi.json`: no token needed.
struct OperationsController {
    let api: BatonAPI

    func addRoutes(to router: Hummingbird.Router<BatonRequestContext>) {
        router.get("healthz") { _, _ in APIResponse(json: .object([("status", .string("ok"))])).response }
        router.get("readyz") { _, _ in
            let store = api.store
            do {
                _ = try await api.run { try store.latestEventID() }
            } catch {
                throw APIProblem(.serviceUnavailable, "not-ready", title: "Not ready", detail: "the store cannot be read: \(error)")
            }
            return APIResponse(json: .object([("status", .string("ready"))])).response
        }
        router.get("metrics") { _, _ in
            try await refreshGauges()
            var buffer: [UInt8] = []
            api.metrics.registry.emit(into: &buffer)
            return APIResponse(body: buffer, contentType: "text/plain; version=0.0.4; charset=utf-8").response
        }
        router.get("v1/openapi.json") { _, _ in
            APIResponse(body: Array(OpenAPIDocument.json.utf8)).response
        }
    }

    /// Reads queue depth, outbox backlog and webhook backlog from the store for this scrape.
    private func refreshGauges() async throws {
        let store = api.store
        let now = api.clock()
        let (counts, backlog, webhooks) = try await api.run { (try store.queueCounts(now: now), try store.outboxBacklog(), try store.webhookBacklog()) }
        let metrics = api.metrics
        for count in counts where !count.queue.isEmpty {
            metrics.setGauge(ServerMetrics.queueWaiting, labels: [("queue", count.queue)], to: count.waiting)
            metrics.setGauge(ServerMetrics.queueClaimed, labels: [("queue", count.queue)], to: count.claimed)
        }
        metrics.setGauge(ServerMetrics.outboxBacklog, labels: [], to: backlog)
        for endpoint in webhooks {
            metrics.setGauge(ServerMetrics.webhookPending, labels: [("endpoint", endpoint.endpoint)], to: endpoint.pending)
            metrics.setGauge(ServerMetrics.webhookFailed, labels: [("endpoint", endpoint.endpoint)], to: endpoint.failed)
        }
    }
}
