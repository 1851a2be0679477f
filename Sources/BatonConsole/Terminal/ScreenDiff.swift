/// The cells that changed between two frames, grouped into runs a terminal can draw in one call.
public struct ScreenDiff: Sendable, Equatable {
    /// Consecutive changed cells on one row with one style.
    public struct Run: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var role: StyleRole
        /// The cells of the run, continuation cells of wide characters included.
        public var cells: [ScreenCell]
    }

    public var runs: [Run]

    /// Compares frames; with no previous frame (first draw, resize) every cell is a change.
    public init(from previous: ScreenBuffer?, to next: ScreenBuffer) {
        let previous = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        var runs: [Run] = []
        var changed = [Bool](repeating: true, count: next.width)
        for y in 0..<next.height {
            if let previous {
                for x in 0..<next.width { changed[x] = previous[x, y] != next[x, y] }
                // A wide character's halves are drawn together: a change in one is a change in both.
                for x in 0..<max(0, next.width - 1) where next[x, y].width == 2 && (changed[x] || changed[x + 1]) {
                    changed[x] = true
                    changed[x + 1] = true
                }
            }
            var x = 0
            while x < next.width {
                guard changed[x] else {
                    x += 1
                    continue
                }
                let start = x
                let role = next[x, y].role
                var cells: [ScreenCell] = []
                while x < next.width, changed[x], next[x, y].role == role || next[x, y].isContinuation {
                    cells.append(next[x, y])
                    x += 1
                }
                runs.append(Run(x: start, y: y, role: role, cells: cells))
            }
        }
        self.runs = runs
    }

    /// How many cells will be redrawn.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }
}
