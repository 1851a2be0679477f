import ArgumentParser
import BatonCore
import BatonServer
import BatonStore
import Foundation
import Logging

/// `baton serve`: the HTTP API and webhook delivery.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and deliver signed webhooks.",
        discussion: """
        Bots authenticate with a bearer token from `baton token create NAME`. Webhooks come from [[webhooks]] in \
        the config. SIGTERM or SIGINT stops accepting connections, finishes requests in flight and exits 0. \
        TLS belongs to a reverse proxy in front (see the README).
        """)

    @Option(name: .long, help: ArgumentHelp("Address to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(name: .long, help: ArgumentHelp("Largest request body accepted, in bytes (413 beyond).", valueName: "bytes"))
    var maxBody = 1 << 20

    @Option(name: .long, help: ArgumentHelp("Seconds a request may take to arrive whole before the connection is closed.", valueName: "seconds"))
    var readTimeout = 10

    @Option(name: .long, help: ArgumentHelp("Log level: trace, debug, info (one line per request), notice, warning, error.", valueName: "level"))
    var logLevel = "info"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let (host, port) = ServerSettings.parseListen(listen) else {
            throw CLIError("--listen: expected HOST:PORT such as 127.0.0.1:8080, got \(listen)")
        }
        guard let level = Logger.Level(rawValue: logLevel) else { throw CLIError("--log-level: unknown level \(logLevel)") }
        guard maxBody > 0, readTimeout > 0 else { throw CLIError("--max-body and --read-timeout must be positive") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        Self.raiseOpenFileLimit()
        let config = try store.loadConfig()
        let sqlite = try store.openStore(.create)
        let settings = ServerSettings(host: host, port: port, maxBodyBytes: maxBody, requestReadTimeout: .seconds(readTimeout))
        let api = BatonAPI(store: sqlite, config: config, settings: settings)
        let logger = Logger(label: "baton.serve")
        let transport = HTTPClientTransport()
        let webhooks = WebhookDeliverer(store: sqlite, webhooks: config.webhooks, transport: transport, runner: api.runner,
                                        metrics: api.metrics, logger: Logger(label: "baton.webhooks"))
        let app = buildApplication(api: api, services: [webhooks], logger: logger)
        logger.notice("baton serve listening on \(listen) with \(config.webhooks.count) webhook endpoint(s); store \(sqlite.path)")
        do {
            try await app.runService()
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    /// Many concurrent connections each need a descriptor: raise the soft limit to the hard one.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    }
}
