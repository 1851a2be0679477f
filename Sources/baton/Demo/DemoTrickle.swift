import BatonCore
import BatonStore
import Foundation
import Synchronization

/// Feeds the demo store a new conversation every few seconds and sweeps pickup windows, so the
/// board moves: new pages land, countdowns run out, breached threads are re-queued.
final class DemoTrickle: Sendable {
    private let store: any HandoffStore
    private let config: BatonConfig
    private let interval: TimeInterval
    private let running = Atomic<Bool>(false)

    init(store: any HandoffStore, config: BatonConfig, interval: TimeInterval) {
        self.store = store
        self.config = config
        self.interval = interval
    }

    func start() {
        running.store(true, ordering: .sequentiallyConsistent)
        let thread = Thread { [self] in loop() }
        thread.name = "baton-demo-trickle"
        thread.start()
    }

    func stop() { running.store(false, ordering: .sequentiallyConsistent) }

    private func loop() {
        let dispatcher = Dispatcher(store: store, config: config)
        let scripts = DemoScripts.scripts
        let firstNames = ["Rosa", "Ivan", "Mei", "Kofi", "Lena", "Omar", "Sara", "Tariq", "Inês", "Pablo", "Nadia", "Felix"]
        var count = 0
        var lastSweep = Date.distantPast
        while running.load(ordering: .sequentiallyConsistent) {
            var script = scripts[(count * 7 + 3) % scripts.count]
            let surname = script.customer.split(separator: " ").last.map(String.init) ?? ""
            script.customer = "\(firstNames[count % firstNames.count]) \(surname)"
            let conversation = DemoSeeder.conversation(script, id: "live-\(Int(Date().timeIntervalSince1970))-\(count)",
                                                       startedAt: Date().addingTimeInterval(-40))
            _ = try? dispatcher.ingest(.conversation(conversation))
            count += 1
            // Sleep in short steps so quitting the console stops the trickle promptly.
            let wake = Date().addingTimeInterval(interval)
            while running.load(ordering: .sequentiallyConsistent), Date() < wake {
                if Date().timeIntervalSince(lastSweep) >= 2 {
                    _ = try? dispatcher.sweep()
                    lastSweep = Date()
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }
}
