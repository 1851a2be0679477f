import NIOPosix

/// Runs the store's blocking operations on a thread pool of their own, so SQLite never blocks an event loop
/// or Swift's cooperative threads.
public struct StoreRunner: Sendable {
    let pool: NIOThreadPool

    /// A started pool of `threads` threads; it lives as long as the process.
    public init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
