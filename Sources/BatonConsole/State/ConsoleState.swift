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
    /// The thread the packet panel shows; usually the selected row, or what a jump focused.
    public var focusedID: String?
    public var packet: PacketModel?
    /// Which pane has the keys.
    public var focus: Focus = .list
    /// Transcript lines scrolled back from the newest.
    public var transcriptScroll: Int = 0
    /// The selected message of the transcript (an index into `packet.transcript`) while it has the keys.
    public var selectedMessage: Int?
    /// Escalation notices scrolled past in the supervisor panel.
    public var escalationScroll: Int = 0
    /// A count typed before a move (`5j`), shown until used.
    public var count: Int?
    public var order: ThreadOrder = .priority
    /// Only threads matching this are listed.
    public var filter: String?
    public var search: SearchState?
    public var modal: Modal?
    public var overlay: Overlay?
    public var banner: Banner?
    /// Every banner shown, oldest first (the newest `messageLogLimit`), for the message history.
    public var messageLog: [LoggedMessage] = []
    /// The thread the last page was about, which `p` opens.
    public var paged: PagedThread?
    public var supervisor: SupervisorModel?
    /// Pickup window per queue name, to scale countdown bars.
    public var pickupWindows: [String: TimeInterval] = [:]
    /// No colours on screen (NO_COLOR, a monochrome theme or terminal): symbols and words carry the meaning.
    public var colorless = false

    public static let messageLogLimit = 200

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

    /// Which key context has the keys now.
    public var keyContext: KeyContext {
        if overlay != nil { return .overlay }
        if let modal { return modal.keyContext }
        return focus == .detail ? .detail : .list
    }
}

/// Which pane has the keys.
public enum Focus: String, Sendable, Equatable {
    case list
    /// The transcript in the agent view, the escalations in the supervisor view.
    case detail
}

/// A full-screen overlay that takes the keys until closed.
public enum Overlay: Sendable, Equatable {
    /// The keys and symbols; `scroll` lines down.
    case help(scroll: Int)
    /// The message history, newest last; `scroll` lines up from the newest.
    case messages(scroll: Int)
}

/// A search over the thread list: its text, the matches with their positions, and the current one.
public struct SearchState: Sendable, Equatable {
    public var text: String
    public var matches: [ThreadMatch]
    /// Index into `matches` of the match last jumped to.
    public var current: Int?
    /// Whether there are more matches than were read.
    public var truncated: Bool

    public init(text: String, matches: [ThreadMatch], current: Int?, truncated: Bool = false) {
        self.text = text
        self.matches = matches
        self.current = current
        self.truncated = truncated
    }
}

/// The thread a page (bell and banner) was about.
public struct PagedThread: Sendable, Equatable {
    public var id: String
    public var customer: String
}
