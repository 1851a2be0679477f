import Testing
@testable import BatonServer

/// The request metrics `/metrics` shows: one counter per method, route and status, one latency histogram per
/// method and route, however often a series is recorded.
@Suite struct ServerMetricsTests {
    func exposition(_ metrics: ServerMetrics) -> String {
        var buffer: [UInt8] = []
        metrics.registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test func repeatedRequestsCountInTheirSeries() {
        let metrics = ServerMetrics()
        for _ in 0..<3 { metrics.recordRequest(method: "POST", route: "/v1/conversations/:id/messages", status: 200, duration: .milliseconds(3)) }
        metrics.recordRequest(method: "POST", route: "/v1/conversations/:id/messages", status: 409, duration: .milliseconds(30))
        metrics.recordRequest(method: "GET", route: "/healthz", status: 200, duration: .microseconds(100))
        let text = exposition(metrics)
        #expect(text.contains(#"baton_http_requests_total{method="POST",route="/v1/conversations/:id/messages",status="200"} 3"#))
        #expect(text.contains(#"baton_http_requests_total{method="POST",route="/v1/conversations/:id/messages",status="409"} 1"#))
        #expect(text.contains(#"baton_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
        #expect(text.contains(#"baton_http_request_duration_seconds_count{method="POST",route="/v1/conversations/:id/messages"} 4"#))
        #expect(text.contains(#"baton_http_request_duration_seconds_bucket{method="POST",route="/v1/conversations/:id/messages",le="0.005"} 3"#))
        #expect(text.contains(#"baton_http_request_duration_seconds_count{method="GET",route="/healthz"} 1"#))
    }
}
