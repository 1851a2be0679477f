import BatonCore
import BatonStore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The router: operations routes without a token, the versioned API behind bearer tokens.
public func buildRouter(api: BatonAPI) -> Hummingbird.Router<BatonRequestContext> {
    let router = Hummingbird.Router(context: BatonRequestContext.self)
    router.add(middleware: RequestLogMiddleware(metrics: api.metrics))
    OperationsController(api: api).addRoutes(to: router)
    let v1 = router.group("v1").add(middleware: TokenAuthMiddleware(verifier: api.tokens))
    ConversationsController(api: api).addRoutes(to: v1.group("conversations"))
    ThreadsController(api: api).addRoutes(to: v1.group("threads"))
    QueuesController(api: api).addRoutes(to: v1.group("queues"))
    EventsController(api: api).addRoutes(to: v1.group("events"))
    return router
}

/// `baton serve`: the HTTP server with its read timeouts, plus the services that run beside it (webhook
/// delivery, housekeeping). SIGTERM and SIGINT stop accepting, let requests in flight finish, then stop the
/// services; the store commits every operation as it happens, so nothing is half-written.
public func buildApplication(api: BatonAPI, services: [any Service] = [], logger: Logger) -> some ApplicationProtocol {
    let settings = api.settings
    let readTimeout = TimeAmount.nanoseconds(Int64(settings.requestReadTimeout.components.seconds) * 1_000_000_000
        + settings.requestReadTimeout.components.attoseconds / 1_000_000_000)
    let idle = TimeAmount.nanoseconds(Int64(settings.idleTimeout.components.seconds) * 1_000_000_000)
    return Application(
        router: buildRouter(api: api),
        server: .http1(configuration: .init(additionalChannelHandlers: [RequestDeadlineHandler(timeout: readTimeout)],
                                            idleTimeout: idle)),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "baton", backlog: 4096),
        services: services + [Housekeeping(api: api)],
        logger: logger)
}

/// Forgets idempotency keys past their window, once an hour.
struct Housekeeping: Service {
    let api: BatonAPI

    func run() async throws {
        let store = api.store
        let window = api.settings.idempotencyWindow
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let cutoff = api.clock().addingTimeInterval(-window)
                _ = try? await api.run { try store.purgeIdempotentResponses(before: cutoff) }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
