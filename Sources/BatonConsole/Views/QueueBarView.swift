import Foundation
import BatonCore

/// The queue bar: per queue the waiting count, the oldest wait and the nearest pickup countdown.
/// Queues with breached threads use the alert style; queues the agent does not work are muted.
enum QueueBarView {
    static func draw(_ tiles: [QueueTile], now: Date, row: Int, width: Int, into buffer: inout ScreenBuffer) {
        buffer.fill(x: 0, y: row, count: width, role: .normal)
        var x = 0
        for (index, tile) in tiles.enumerated() {
            if index > 0 {
                guard x + 3 < width else { break }
                x += buffer.write(" │ ", x: x, y: row, maxWidth: width - x, role: .muted)
            }
            var text = "\(tile.name) \(tile.waiting)"
            if let oldest = tile.oldestQueuedAt, tile.waiting > 0 { text += " · " + Format.duration(now.timeIntervalSince(oldest)) }
            if let deadline = tile.nearestDeadline, tile.waiting > 0 { text += " · ⏱" + Format.countdown(deadline.timeIntervalSince(now)) }
            if tile.breached > 0 { text += " · \(tile.breached) late" }
            let role: StyleRole = tile.breached > 0 ? .alert : (tile.isMine ? .normal : .muted)
            let remaining = width - x
            guard remaining > 0 else { break }
            if TextWidth.width(of: text) > remaining {
                buffer.write(TextFit.ellipsize(text, to: remaining), x: x, y: row, role: role)
                break
            }
            x += buffer.write(text, x: x, y: row, maxWidth: remaining, role: role)
        }
    }
}
