import HTTPTypes
import Hummingbird
import Logging

/// One log line per request (method, path, status, duration, request id) and the request metrics.
/// Every response carries the request id in `X-Request-Id`.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BatonRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let id = context.id
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = id
            finish(request, context: context, status: response.status.code, start: start, id: id)
            return response
        } catch let error as any HTTPResponseError {
            finish(request, context: context, status: error.status.code, start: start, id: id)
            var response = try error.response(from: request, context: context)
            response.headers[.requestID] = id
            return response
        } catch {
            finish(request, context: context, status: 500, start: start, id: id)
            context.logger.error("unhandled error", metadata: ["error": "\(error)"])
            var response = try APIProblem(.internalServerError, "internal", title: "Internal error",
                                          detail: "the server failed to answer; the request id is \(id)")
                .response(from: request, context: context)
            response.headers[.requestID] = id
            return response
        }
    }

    private func finish(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant, id: String) {
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(method: request.method.rawValue, route: route, status: status, duration: duration)
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        context.logger.info("\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.2f", milliseconds))ms",
                            metadata: ["request_id": .string(id)])
    }
}

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
}
