import Testing
import Foundation
import BatonCore
@testable import BatonConsole

@Suite("ConsoleBenchmark: terminal-free timings for baton-bench")
struct ConsoleBenchmarkTests {
    @Test("Measures renders, keystrokes and refreshes through the store and leaves it as it was")
    func measures() throws {
        let store = try ConsoleFixtures.store()
        for index in 0..<150 {
            try ConsoleFixtures.handoff(store, id: "b\(index)", customer: "Customer \(index)", waited: TimeInterval(index))
        }
        let before = try store.agents()
        let result = try ConsoleBenchmark.measure(store: store, agent: "ana", queues: ConsoleFixtures.queues, frames: 5, keystrokes: 120,
                                                  refreshes: 4, clock: { ConsoleFixtures.t0 })
        #expect(result.threads == 150)
        #expect(result.size == TerminalSize(columns: 200, rows: 60))
        #expect(result.renderSeconds.count == 5)
        #expect(result.keystrokeSeconds.count == 120)
        #expect(result.refreshSeconds.count == 4)
        #expect(result.renderP50 > 0 && result.renderP99 >= result.renderP50)
        #expect(try store.agents() == before)
        #expect(try store.thread(id: "b0")?.summary.state == .queued)
    }
}
