import Foundation
import GRDB

/// Copies the write-ahead log into the database file in the background, so that commits
/// (claims, replies) do not stop to do it.
///
/// File stores raise `wal_autocheckpoint` far above SQLite's default; this thread runs a PASSIVE
/// checkpoint, which never blocks readers or writers, a few times a second on its own connection.
/// If it falls behind, the raised autocheckpoint still bounds the log. Deinit stops the thread and
/// closes the connection before returning, so a dropped store leaves the file free at once.
final class WALCheckpointer: Sendable {
    /// Pages of log a commit tolerates before checkpointing itself (SQLite's default is 1000).
    static let autocheckpointPages = 20_000

    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    init(path: String, interval: TimeInterval = 0.25) throws {
        var configuration = Configuration()
        configuration.busyMode = .immediateError  // a busy checkpoint is simply tried again next tick
        configuration.label = "baton.checkpoint"
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let stop = self.stop, stopped = self.stopped
        let thread = Thread {
            while stop.wait(timeout: .now() + interval) == .timedOut {
                _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
            try? connection.close()
            stopped.signal()
        }
        thread.name = "baton.checkpoint"
        thread.qualityOfService = .utility
        thread.start()
    }

    deinit {
        stop.signal()
        stopped.wait()
    }
}
