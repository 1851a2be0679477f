import BatonCore
/// A line of text made of styled runs, drawn clipped to a width.
struct StyledLine: Sendable, Equatable {
    var runs: [(text: String, role: StyleRole)]

    init(_ runs: [(String, StyleRole)]) { self.runs = runs.map { (text: $0.0, role: $0.1) } }

    mutating func append(_ text: String, _ role: StyleRole) { runs.append((text: text, role: role)) }

    /// The line followed by `filler` up to `width` columns.
    func padded(with filler: String, to width: Int, role: StyleRole) -> StyledLine {
        var copy = self
        let missing = width - TextWidth.width(of: runs.map(\.text).joined())
        if missing > 0 { copy.append(String(repeating: filler, count: missing), role) }
        return copy
    }

    /// Draws the runs from `x`; the last run that overflows ends in `…`.
    func draw(x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        buffer.fill(x: x, y: y, count: width, role: .normal)
        var column = 0
        for run in runs {
            let remaining = width - column
            guard remaining > 0 else { break }
            let text = TextWidth.width(of: run.text) > remaining ? TextFit.ellipsize(run.text, to: remaining) : run.text
            column += buffer.write(text, x: x + column, y: y, maxWidth: remaining, role: run.role)
        }
    }

    static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.runs.count == rhs.runs.count && zip(lhs.runs, rhs.runs).allSatisfy { $0.text == $1.text && $0.role == $1.role }
    }
}
