import Foundation
import GRDB

/// The busy handler of Baton's connections: short randomised sleeps until the busy timeout has passed.
///
/// SQLite's own timeout handler sleeps 1, 2, 5, 10, 20… ms between tries, so a process waiting for the
/// write lock goes on sleeping long after it is free, while a claim holds it for tens of microseconds.
/// Retrying every 50–500 µs, randomised so waiting processes do not wake in step, keeps contention cheap;
/// every try sleeps, so a waiting process never spins. After the timeout SQLite reports SQLITE_BUSY.
enum BusyWait {
    /// Where the current wait's start is kept: a connection waits on one thread at a time, so the thread
    /// is the natural owner of "since when", with no lock shared between connections.
    private static let startKey = "baton.busy-wait.start"

    static func callback(timeout: TimeInterval) -> Database.BusyCallback {
        let limit = UInt64(max(0, timeout) * 1e9)
        return { tries in
            let now = DispatchTime.now().uptimeNanoseconds
            let threadState = Thread.current.threadDictionary
            if tries == 0 { threadState[startKey] = NSNumber(value: now) }
            let start = (threadState[startKey] as? NSNumber)?.uint64Value ?? now
            let waited = now &- start
            guard waited < limit else { return false }
            // Short naps first (the lock is usually free again within a claim's length), longer ones later.
            let ceiling: UInt64 = tries < 20 ? 150 : 500
            let nap = min(UInt64.random(in: 50...ceiling), (limit - waited) / 1000 + 1)
            usleep(UInt32(nap))
            return true
        }
    }
}
