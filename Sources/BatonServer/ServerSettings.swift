import Foundation

/// How `baton serve` listens and what it allows; the defaults are what `baton serve` runs with.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Request bodies larger than this get 413.
    public var maxBodyBytes: Int
    /// A connection that sends nothing (and is sent nothing) this long is closed.
    public var idleTimeout: Duration
    /// A request must arrive whole (head and body) within this time of the connection opening or of the
    /// previous response, or the connection is closed: slow or stalled clients cannot hold it open.
    public var requestReadTimeout: Duration
    /// The longest `wait` a `GET /v1/events` long poll may ask for.
    public var maxLongPoll: Duration
    /// How long a stored `Idempotency-Key` response is replayed.
    public var idempotencyWindow: TimeInterval
    /// Threads that run store operations (SQLite calls block; they never run on the event loops).
    public var storeThreads: Int
    /// Group commit: the most message events recorded by one transaction.
    public var maxBatch: Int
    /// Group commit: how long a message event waits for others when the store is idle.
    public var batchDelay: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, idleTimeout: Duration = .seconds(75),
                requestReadTimeout: Duration = .seconds(10), maxLongPoll: Duration = .seconds(60),
                idempotencyWindow: TimeInterval = 24 * 3600, storeThreads: Int = 4,
                maxBatch: Int = 256, batchDelay: Duration = .milliseconds(1)) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.requestReadTimeout = requestReadTimeout
        self.maxLongPoll = maxLongPoll
        self.idempotencyWindow = idempotencyWindow
        self.storeThreads = storeThreads
        self.maxBatch = maxBatch
        self.batchDelay = batchDelay
    }

    /// Parses `--listen HOST:PORT` (`[::1]:8080` for IPv6).
    public static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        return (host, port)
    }
}
