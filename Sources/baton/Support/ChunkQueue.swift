import Foundation
import Synchronization

/// A bounded queue from one thread to one other: `put` waits while `capacity` items are waiting, `take`
/// waits for the next item. After `finish()`, `take` answers nil once the queue is drained, and ever after.
///
/// What `baton triggers` uses to read the next chunk and write the last one while both cores work on the
/// current one, holding at most `capacity` chunks between two stages.
final class ChunkQueue<Item: Sendable>: Sendable {
    private let state = Mutex<(items: [Item], ended: Bool)>(([], false))
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    init(capacity: Int) {
        free = DispatchSemaphore(value: max(1, capacity))
    }

    func put(_ item: Item) {
        free.wait()
        state.withLock { $0.items.append(item) }
        filled.signal()
    }

    /// Marks the end, after the last `put`.
    func finish() {
        state.withLock { $0.ended = true }
        filled.signal()
    }

    /// The next item in order, or nil after `finish()` once every item was taken.
    func take() -> Item? {
        filled.wait()
        let item: Item? = state.withLock { $0.items.isEmpty ? nil : $0.items.removeFirst() }
        if item == nil {
            // The end stays signalled for any later take.
            filled.signal()
        } else {
            free.signal()
        }
        return item
    }

    /// Runs `body` on a thread of its own; the returned semaphore is signalled when it returns.
    static func thread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
        return done
    }
}
