import Foundation
import GRDB

/// Copies the write-ahead log into the database file in the background, so that commits
/// (claims, replies) do not stop to do it.
///
/// File stores raise `wal_autocheckpoint` far above SQLite's default; this loop runs a PASSIVE
/// checkpoint, which never blocks readers or writers, a few times a second on its own connection.
/// If it falls behind, the raised autocheckpoint still bounds the log.
final class WALCheckpointer: Sendable {
    /// Pages of log a commit tolerates before checkpointing itself (SQLite's default is 1000).
    static let autocheckpointPages = 20_000

    private let loop: Task<Void, Never>

    init(path: String, interval: TimeInterval = 0.25) throws {
        var configuration = Configuration()
        configuration.busyMode = .immediateError  // a busy checkpoint is simply tried again next tick
        configuration.label = "baton.checkpoint"
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let nanoseconds = UInt64(interval * 1e9)
        loop = Task.detached(priority: .utility) {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(nanoseconds: nanoseconds)
                } catch {
                    return  // cancelled: the store is gone
                }
                // The GRDB async call runs on the connection's own queue, not on a Swift concurrency thread.
                _ = try? await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
        }
    }

    deinit {
        loop.cancel()
    }
}
