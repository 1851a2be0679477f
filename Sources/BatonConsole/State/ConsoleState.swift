import Foundation
import BatonCore

/// Everything the screen shows, as a pure value: rendering reads only this.
///
/// Data fields are sanitized view models; the thread list holds only the visible page.
public struct ConsoleState: Sendable, Equatable {
    public var size: TerminalSize
    public var mode: ConsoleMode
    public var scope: ListScope = .myQueues
    /// The agent's display name.
    public var agentName: String
    public var agentID: String
    public var isSupervisor: Bool
    public var now: Date
    public var queues: [QueueTile] = []
    /// The visible page of the thread list, from `listOffset`.
    public var rows: [ThreadRow] = []
    /// How many threads the list has in all.
    public var totalRows: Int = 0
    public var listOffset: Int = 0
    /// Absolute index of the selected row.
    public var selection: Int = 0
    /// The thread the packet panel shows; usually the selected row, or what `n` jumped to.
    public var focusedID: String?
    public var packet: PacketModel?
    /// Transcript lines scrolled back from the newest.
    public var transcriptScroll: Int = 0
    public var modal: Modal?
    public var banner: Banner?
    public var showHelp = false
    /// Lines scrolled in the help overlay when it does not fit the screen.
    public var helpScroll = 0
    public var supervisor: SupervisorModel?
    /// Pickup window per queue name, to scale countdown bars.
    public var pickupWindows: [String: TimeInterval] = [:]

    public init(size: TerminalSize, mode: ConsoleMode = .agent, agentName: String, agentID: String, isSupervisor: Bool, now: Date) {
        self.size = size
        self.mode = mode
        self.agentName = agentName
        self.agentID = agentID
        self.isSupervisor = isSupervisor
        self.now = now
    }

    /// The selected row if it is on the visible page.
    public var selectedRow: ThreadRow? {
        let index = selection - listOffset
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// The banner if it has not expired at `now`.
    public var activeBanner: Banner? {
        guard let banner, banner.until > now else { return nil }
        return banner
    }
}
