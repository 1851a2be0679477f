import Testing
@testable import BatonCore

/// `baton outbox --ack` on a pipe: an acknowledgement must follow the reader taking a message, whatever moment
/// the reader chooses to take it and leave.
@Suite("reader drain")
struct ReaderDrainTests {
    /// A pipe whose reader acts between two looks: after `actsAfter` looks it takes everything (if `reads`) and
    /// closes its end (if `leaves`).
    final class ScriptedPipe {
        var unread = 120
        var gone = false
        var looks = 0
        let actsAfter: Int
        let reads: Bool
        let leaves: Bool

        init(actsAfter: Int, reads: Bool, leaves: Bool) {
            self.actsAfter = actsAfter
            self.reads = reads
            self.leaves = leaves
            if actsAfter == 0 { act() }
        }

        private func act() {
            if reads { unread = 0 }
            if leaves { gone = true }
        }

        private func tick() {
            looks += 1
            if looks == actsAfter { act() }
        }

        func readerGone() -> Bool { defer { tick() }; return gone }
        func unreadBytes() -> Int { defer { tick() }; return unread }

        /// Looks until the outcome is settled, as `confirm()` does between naps.
        func settle() -> ReaderDrain.Outcome {
            for _ in 0..<10 {
                let outcome = ReaderDrain.look(readerGone: readerGone, unread: unreadBytes)
                if outcome != .waiting { return outcome }
            }
            return .waiting
        }
    }

    @Test("a reader that takes the message and exits at any moment: the message counts as taken", arguments: 0...6)
    func takesThenExits(moment: Int) {
        #expect(ScriptedPipe(actsAfter: moment, reads: true, leaves: true).settle() == .taken)
    }

    @Test("a reader that exits without taking the message: reported gone, never taken", arguments: 0...6)
    func exitsWithoutTaking(moment: Int) {
        #expect(ScriptedPipe(actsAfter: moment, reads: false, leaves: true).settle() == .readerGone)
    }

    @Test("a reader still busy: keep waiting; once it takes the message: taken")
    func busyReader() {
        #expect(ScriptedPipe(actsAfter: 100, reads: true, leaves: false).settle() == .waiting)
        #expect(ScriptedPipe(actsAfter: 3, reads: true, leaves: false).settle() == .taken)
    }
}
