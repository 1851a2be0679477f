import BatonCore
/// A grid of styled cells that views draw into and terminals copy to the screen.
///
/// Writing never splits a wide character: a wide character that does not fit in the space left is
/// replaced by padding, and overwriting half of a wide character blanks the other half.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [ScreenCell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> ScreenCell {
        cells[y * width + x]
    }

    /// Writes `text` at column `x` of row `y`, using at most `maxWidth` columns (default: to the
    /// right edge). Returns the columns used. Zero-width clusters are dropped; the caller sanitizes.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let columns = TextWidth.width(of: character)
            if columns == 0 { continue }
            if column + columns > limit {
                // A wide character that would be split at the edge becomes padding instead.
                while column < limit {
                    if column >= 0 { put(ScreenCell(text: " ", width: 1, role: role), x: column, y: y) }
                    column += 1
                }
                break
            }
            if column >= 0 {
                put(ScreenCell(text: String(character), width: columns, role: role), x: column, y: y)
                if columns == 2 { put(ScreenCell(text: "", width: 0, role: role), x: column + 1, y: y) }
            }
            column += columns
        }
        return column - x
    }

    /// Fills `count` columns of row `y` from `x` with spaces in `role`.
    public mutating func fill(x: Int, y: Int, count: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + count)
        var column = max(0, x)
        while column < end {
            put(ScreenCell(text: " ", width: 1, role: role), x: column, y: y)
            column += 1
        }
    }

    /// Changes the style of existing cells without changing their text.
    public mutating func restyle(x: Int, y: Int, count: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column].role = role }
    }

    /// Sets one cell, repairing any wide character it cuts in half.
    private mutating func put(_ cell: ScreenCell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        // Replacing the left half of a wide character: its right half becomes a space.
        if old.width == 2, x + 1 < width {
            cells[index + 1] = ScreenCell(text: " ", width: 1, role: cells[index + 1].role)
        }
        // Replacing the right half of a wide character: its left half becomes a space.
        if old.isContinuation, !cell.isContinuation, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = ScreenCell(text: " ", width: 1, role: cells[index - 1].role)
        }
        cells[index] = cell
    }

    /// The text of each row, wide characters once, trailing spaces removed: for tests and logs.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = self[column, row]
                if !cell.isContinuation { line += cell.text }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Rows joined with newlines, as `lines()`.
    public var text: String { lines().joined(separator: "\n") }
}
