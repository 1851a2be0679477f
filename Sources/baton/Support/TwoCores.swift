import Foundation
import Synchronization

/// Maps `count` pieces of work over every core (on this machine two), results in input order.
///
/// Workers take the next unstarted piece from a shared counter, so a slow piece or a busy core
/// only shifts work to the other; each result is stored in its own slot.
enum TwoCores {
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        guard count > 1 && workers > 1 else { return (0..<count).map(work) }
        let next = Atomic<Int>(0)
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let result = work(index)
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
