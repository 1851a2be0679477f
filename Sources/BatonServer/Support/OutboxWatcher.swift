import BatonStore
import Foundation
import Synchronization

/// Wakes long polls (`GET /v1/events?wait=`) when the outbox grows. Writes by this server poke it at once;
/// writes by other processes (agents' consoles, `baton sweep`) are noticed by polling the newest event id every
/// `interval` while anyone waits.
public actor OutboxWatcher {
    private let store: any IntegrationStore
    private let runner: StoreRunner
    private let interval: Duration
    private var latest: Int64 = 0
    private var waiters: [UUID: (cursor: Int64, continuation: CheckedContinuation<Void, Never>)] = [:] {
        didSet { waiting.store(waiters.count, ordering: .relaxed) }
    }
    /// `waiters.count`, readable without entering the actor: a write with no long poll waiting (nearly every
    /// write) costs no hop to it.
    private nonisolated let waiting = Atomic<Int>(0)
    private var polling: Task<Void, Never>?

    init(store: any IntegrationStore, runner: StoreRunner, interval: Duration = .milliseconds(100)) {
        self.store = store
        self.runner = runner
        self.interval = interval
    }

    /// Returns once an event after `cursor` exists, at `deadline`, or when the task is cancelled.
    func wait(after cursor: Int64, until deadline: ContinuousClock.Instant) async {
        await refresh()
        guard latest <= cursor, deadline > .now, !Task.isCancelled else { return }
        let id = UUID()
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.resume(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiters[id] = (cursor, continuation)
                startPolling()
            }
        } onCancel: {
            Task { await self.resume(id) }
        }
        timer.cancel()
    }

    /// Something was written by this process: wake whoever it concerns now.
    public nonisolated func poke() async {
        guard waiting.load(ordering: .relaxed) > 0 else { return }
        await pokeWaiters()
    }

    private func pokeWaiters() async {
        guard !waiters.isEmpty else { return }
        await refresh()
    }

    private func resume(_ id: UUID) {
        waiters.removeValue(forKey: id)?.continuation.resume()
    }

    private func refresh() async {
        let store = self.store
        if let newest = try? await runner.run({ try store.latestEventID() }) { latest = max(latest, newest) }
        for (id, waiter) in waiters where waiter.cursor < latest { resume(id) }
    }

    private func startPolling() {
        guard polling == nil else { return }
        polling = Task {
            while !waiters.isEmpty, !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await refresh()
            }
            polling = nil
        }
    }
}
