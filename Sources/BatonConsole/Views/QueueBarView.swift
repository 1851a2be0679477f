import Foundation
import BatonCore

/// The queue bar: per queue the waiting count, the oldest wait, the nearest pickup countdown and the
/// breaches of the last 24 hours. Every queue is shown: when they do not fit, tiles drop detail step by
/// step (the oldest wait, then separators, then the countdown) and names shorten; only past that does the
/// bar end in "+N more". Queues with a thread past its deadline use the alert style; queues the agent
/// does not work are muted.
enum QueueBarView {
    /// How much a tile says, from everything to the bare minimum.
    enum Detail: Int, CaseIterable {
        case full, noOldest, compact, countsOnly
    }

    static func draw(_ tiles: [QueueTile], now: Date, row: Int, width: Int, into buffer: inout ScreenBuffer) {
        buffer.fill(x: 0, y: row, count: width, role: .normal)
        let (texts, separator) = fitted(tiles, now: now, width: width)
        var x = 0
        for (index, tile) in tiles.enumerated() {
            let text = texts[index]
            let remaining = width - x
            let moreText = " " + Legend.more.symbol.replacingOccurrences(of: "2", with: "\(tiles.count - index)")
            if index > 0 {
                let needed = TextWidth.width(of: separator) + TextWidth.width(of: text)
                let isLast = index == tiles.count - 1
                // Leave room to say how many queues did not fit.
                if needed > remaining - (isLast ? 0 : TextWidth.width(of: moreText)) {
                    buffer.write(TextFit.clip(moreText, to: max(0, remaining)), x: x, y: row, role: .muted)
                    return
                }
                x += buffer.write(separator, x: x, y: row, maxWidth: remaining, role: .muted)
            }
            let role: StyleRole = tile.breached > 0 ? .alert : (tile.isMine ? .normal : .muted)
            guard width - x > 0 else { return }
            x += buffer.write(TextFit.ellipsize(text, to: width - x), x: x, y: row, maxWidth: width - x, role: role)
        }
    }

    /// The tiles' texts at the most detail that fits all of them, and the separator used.
    static func fitted(_ tiles: [QueueTile], now: Date, width: Int) -> (texts: [String], separator: String) {
        var best: (texts: [String], separator: String)?
        for nameLimit in [Int.max, 8, 5] {
            for detail in Detail.allCases {
                let separator = detail.rawValue < Detail.compact.rawValue ? " │ " : "│"
                let texts = tiles.map { text(for: $0, now: now, detail: detail, nameLimit: nameLimit) }
                best = (texts, separator)
                let total = texts.reduce(0) { $0 + TextWidth.width(of: $1) } + TextWidth.width(of: separator) * max(0, texts.count - 1)
                if total <= width { return (texts, separator) }
            }
        }
        return best ?? ([], " ")
    }

    static func text(for tile: QueueTile, now: Date, detail: Detail, nameLimit: Int) -> String {
        let name = nameLimit == .max ? tile.name : TextFit.ellipsize(tile.name, to: nameLimit)
        let active = tile.waiting > 0
        let oldest = active ? tile.oldestQueuedAt.map { Format.duration(now.timeIntervalSince($0)) } : nil
        let deadline = active ? tile.nearestDeadline.map { Legend.deadline.symbol + Format.countdown($0.timeIntervalSince(now)) } : nil
        let late = tile.requeues > 0 ? "\(tile.requeues) late" : nil
        switch detail {
        case .full:
            return ([name + " \(tile.waiting)"] + [oldest, deadline, late].compactMap { $0 }).joined(separator: " · ")
        case .noOldest:
            return ([name + " \(tile.waiting)"] + [deadline, late].compactMap { $0 }).joined(separator: " · ")
        case .compact:
            return ([name, "\(tile.waiting)", deadline, late].compactMap { $0 }).joined(separator: " ")
        case .countsOnly:
            return name + " \(tile.waiting)"
        }
    }
}
