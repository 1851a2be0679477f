import Foundation
import BatonCore
import BatonStore

/// Terminal-free timings for `baton-bench`: frame render time and keystroke-to-updated-buffer
/// time, through a real store. Render cost follows the visible rows, not the queue length.
public enum ConsoleBenchmark {
    /// Timings in seconds, one sample per frame or keystroke.
    public struct Result: Sendable {
        public var size: TerminalSize
        /// Threads the list could show (total in the agent's queues).
        public var threads: Int
        public var renderSeconds: [Double]
        public var keystrokeSeconds: [Double]
        /// Poll-to-updated-buffer after another writer committed (full reload of the visible data).
        public var refreshSeconds: [Double]

        public func percentile(_ samples: [Double], _ p: Double) -> Double {
            HandoffStats.percentile(samples, p) ?? 0
        }

        public var renderP50: Double { percentile(renderSeconds, 0.5) }
        public var renderP99: Double { percentile(renderSeconds, 0.99) }
        public var keystrokeP50: Double { percentile(keystrokeSeconds, 0.5) }
        public var keystrokeP99: Double { percentile(keystrokeSeconds, 0.99) }
        public var refreshP50: Double { percentile(refreshSeconds, 0.5) }
        public var refreshP99: Double { percentile(refreshSeconds, 0.99) }
    }

    /// Measures against `store` as `agent` would see it (in the supervisor view with `supervisor`): `frames` full renders of the current
    /// state, then `keystrokes` presses of `j` (moving down, paging through the store) each
    /// followed by a render, then `refreshes` polls after another writer committed (the agent's
    /// status is toggled and put back at the end). The store must already hold the threads and the agent.
    public static func measure(store: any HandoffStore, agent: String, queues: [QueueConfig], supervisor: Bool = false,
                               size: TerminalSize = TerminalSize(columns: 200, rows: 60), frames: Int = 200, keystrokes: Int = 500, refreshes: Int = 50,
                               clock: @escaping @Sendable () -> Date = { Date() }) throws -> Result {
        let session = try ConsoleSession(store: store, agentID: agent, supervisor: supervisor, queues: queues, clock: clock, size: size)
        // A supervisor is measured in the supervisor view (all queues, agents, figures).
        if supervisor { session.showSupervisorView() }
        var renders: [Double] = []
        var sink = 0
        for _ in 0..<frames {
            let start = DispatchTime.now().uptimeNanoseconds
            let buffer = ConsoleRenderer.render(session.state, size: size)
            renders.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            sink &+= buffer.cells.count
        }
        var presses: [Double] = []
        for index in 0..<keystrokes {
            // Mostly down, with a jump back to the top now and then so pages are re-read.
            let key: Key = index % 100 == 99 ? .character("g") : .character("j")
            let start = DispatchTime.now().uptimeNanoseconds
            _ = session.handle(key)
            let buffer = ConsoleRenderer.render(session.state, size: size)
            presses.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            sink &+= buffer.cells.count
        }
        var refreshed: [Double] = []
        let original = try store.agents().first { $0.id == agent }?.status ?? .available
        for index in 0..<refreshes {
            try store.setAgentStatus(id: agent, status: index.isMultiple(of: 2) ? .away : original, actor: agent, now: clock())
            let start = DispatchTime.now().uptimeNanoseconds
            _ = session.poll()
            let buffer = ConsoleRenderer.render(session.state, size: size)
            refreshed.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            sink &+= buffer.cells.count
        }
        try store.setAgentStatus(id: agent, status: original, actor: agent, now: clock())
        precondition(sink > 0)
        return Result(size: size, threads: session.state.totalRows, renderSeconds: renders, keystrokeSeconds: presses,
                      refreshSeconds: refreshed)
    }
}
