import Testing
@testable import BatonConsole

@Suite("ScreenDiff: only changed cells are redrawn")
struct ScreenDiffTests {
    @Test("The first frame draws every cell")
    func firstFrame() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.write("hello", x: 0, y: 1)
        #expect(ScreenDiff(from: nil, to: buffer).cellCount == 30)
    }

    @Test("An unchanged frame draws nothing")
    func unchanged() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.write("hello", x: 0, y: 1)
        #expect(ScreenDiff(from: buffer, to: buffer).runs.isEmpty)
    }

    @Test("One changed character is one one-cell run")
    func oneCell() {
        var before = ScreenBuffer(width: 10, height: 3)
        before.write("10:00:00", x: 2, y: 0)
        var after = before
        after.write("1", x: 9, y: 0)
        let diff = ScreenDiff(from: before, to: after)
        #expect(diff.runs == [ScreenDiff.Run(x: 9, y: 0, role: .normal, cells: [ScreenCell(text: "1", width: 1, role: .normal)])])
    }

    @Test("A style change alone is redrawn")
    func styleOnly() {
        var before = ScreenBuffer(width: 10, height: 1)
        before.write("row", x: 0, y: 0)
        var after = before
        after.restyle(x: 0, y: 0, count: 3, role: .selected)
        #expect(ScreenDiff(from: before, to: after).cellCount == 3)
    }

    @Test("Both halves of a changed wide character are redrawn together")
    func wide() {
        var before = ScreenBuffer(width: 6, height: 1)
        before.write("ab你", x: 0, y: 0)
        var after = before
        after.write("好", x: 2, y: 0)
        let diff = ScreenDiff(from: before, to: after)
        #expect(diff.runs.count == 1)
        #expect(diff.runs[0].x == 2)
        #expect(diff.runs[0].cells.map(\.width) == [2, 0])
    }

    @Test("A resized frame is drawn in full")
    func resized() {
        let before = ScreenBuffer(width: 10, height: 3)
        let after = ScreenBuffer(width: 12, height: 3)
        #expect(ScreenDiff(from: before, to: after).cellCount == 36)
    }
}
