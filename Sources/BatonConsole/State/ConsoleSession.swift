import Foundation
import BatonCore
import BatonStore

/// The console's brain: owns the store, the agent and the clock, turns keys into store
/// operations and keeps `state` (a pure value) in step with the database.
///
/// Terminal-free, so tests and benchmarks drive it directly. Reads only what is visible: one
/// page of threads (`threads(limit: visibleRows, offset:)` plus `threadCount`) and the focused
/// thread's detail. Not thread-safe; the console loop uses it from one thread.
///
/// Split by concern: `+Navigation` (moving, counts, the transcript), `+Search` (search, filter, order),
/// `+Actions` (claim, reply, transfer…), `+Modals` (composer, pickers, confirmations), `+Drafts`,
/// `+Pages` (bells and the paged thread), `+Ownership` (threads taken away), `+Supervisor`, `+Mouse`.
public final class ConsoleSession {
    public let store: any HandoffStore
    public let agentID: String
    public let queues: [QueueConfig]
    public let keyMap: KeyMap
    public internal(set) var state: ConsoleState
    /// Queue names this agent works (by skills).
    public let myQueues: [String]
    /// The agent's skills, for reassignments that must respect them.
    let skills: Set<String>

    let clock: @Sendable () -> Date
    /// The agent's name as stored (unsanitized), for the `{agent}` placeholder in suggested replies.
    let agentName: String
    let statsProvider: (@Sendable (Date) throws -> ConsoleStats?)?
    var lastToken: Int64?
    var lastWaiting: [String: Int]?
    var pagedSuggestions: Set<String> = []
    /// Set when a jump focused a thread that is not on the visible page; cleared by moving.
    var focusPinned = false
    var pendingEffects: [ConsoleEffect] = []
    static let bannerSeconds: TimeInterval = 6
    /// Queue counts aggregate every waiting thread, so changes by other processes refresh them at
    /// most this often; the list and packet still refresh on every change.
    let countsInterval: TimeInterval
    var countsFetchedAt: UInt64 = 0
    /// Today's figures scan the whole day's conversations; other processes' writes arrive several
    /// times a second, so the figures are recomputed at most this often rather than on every change.
    let statsInterval: TimeInterval = 15
    var cachedStats: (figures: ConsoleStats?, at: UInt64)?
    var countsStale = true
    /// The threads this agent held at the last reload, to notice one taken away.
    var held: [String: String]?
    /// Threads this console gave up itself (release, transfer…), which must not read as taken away.
    var givenUp: Set<String> = []
    /// The draft text last written to the store, per thread and kind, so unchanged text is not written again.
    var savedDrafts: [String: String] = [:]
    /// Breach notices already announced in the supervisor view.
    var announcedBreaches: Set<String>?
    /// When the console opened: threads suggested before then are not news.
    let startedAt: Date
    /// The change token the search's matches were read at.
    var lastSearchToken: Int64?
    /// Engine and templates for the live-AI scope and take-overs; the CLI sets the loaded config.
    public var journeyConfig: BatonConfig {
        didSet { cachedWatchEngine = nil }
    }
    var cachedWatchEngine: TriggerEngine?

    public init(store: any HandoffStore, agentID: String, supervisor: Bool, queues: [QueueConfig],
                clock: @escaping @Sendable () -> Date, stats: (@Sendable (Date) throws -> ConsoleStats?)? = nil,
                size: TerminalSize, keyMap: KeyMap = .standard, countsInterval: TimeInterval = 1, colorless: Bool = false) throws {
        let agents = try store.agents()
        guard let agent = agents.first(where: { $0.id == agentID }) else {
            throw ConsoleError.unknownAgent(agentID, known: agents.map(\.id))
        }
        if supervisor, agent.role != .supervisor { throw ConsoleError.notSupervisor(agentID) }
        self.store = store
        self.agentID = agentID
        self.queues = queues
        self.keyMap = keyMap
        self.countsInterval = countsInterval
        self.clock = clock
        journeyConfig = BatonConfig(queues: queues.isEmpty ? BatonConfig.defaultQueues : queues)
        startedAt = Self.wholeSecond(clock())
        statsProvider = stats
        agentName = agent.name.isEmpty ? agent.id : agent.name
        skills = Set(agent.skills)
        myQueues = queues.isEmpty ? agent.skills : queues.filter { !Set(agent.skills).isDisjoint(with: $0.skills) }.map(\.name)
        state = ConsoleState(size: size, agentName: Sanitizer.line(agent.name.isEmpty ? agent.id : agent.name),
                             agentID: Sanitizer.line(agentID), isSupervisor: supervisor, now: Self.wholeSecond(clock()))
        state.colorless = colorless
        state.pickupWindows = Dictionary(queues.map { (Sanitizer.line($0.name), $0.pickupWindow) }, uniquingKeysWith: { first, _ in first })
        reload()
        selectActionable()
        pendingEffects.removeAll()
    }

    // MARK: Driving the session

    /// Called a few times a second: saves a changed draft, reloads when another process (or this one)
    /// committed, pages the agent on new work, and advances the clock shown. Cheap when nothing changed.
    public func poll() -> [ConsoleEffect] {
        state.now = Self.wholeSecond(clock())
        if let banner = state.banner, banner.until <= state.now { state.banner = nil }
        saveDraftIfChanged()
        do {
            let token = try store.changeToken()
            if token != lastToken {
                lastToken = token
                reload(countsNow: false)
            } else if countsStale {
                refreshCountsIfDue(force: false)
            }
        } catch {
            show(error)
        }
        return takeEffects()
    }

    /// The terminal changed size: the visible page changes, so the list is read again.
    public func resize(to size: TerminalSize) {
        guard size != state.size else { return }
        state.size = size
        reload()
    }

    /// Handles one key and returns what the terminal must do (quit, bell, editor, clipboard).
    public func handle(_ key: Key) -> [ConsoleEffect] {
        state.now = Self.wholeSecond(clock())
        // A screen too small to show anything takes no keys but quit: keys typed blind would act unseen.
        if state.size.isTooSmall {
            if key == .character("q") {
                saveDraftIfChanged()
                pendingEffects.append(.quit)
            }
            return takeEffects()
        }
        if let overlay = state.overlay {
            handleOverlay(overlay, key: key)
            return takeEffects()
        }
        if let modal = state.modal {
            handleModal(modal, key: key)
            return takeEffects()
        }
        let context = state.keyContext
        if takeCountDigit(key) { return [] }
        guard let command = keyMap.command(for: key, in: context) else {
            state.count = nil
            return []
        }
        let count = state.count
        state.count = nil
        if context == .detail, let handled = performInDetail(command, count: count), handled { return takeEffects() }
        perform(command, count: count)
        return takeEffects()
    }

    func takeEffects() -> [ConsoleEffect] {
        defer { pendingEffects.removeAll() }
        return pendingEffects
    }

    // MARK: Commands

    func perform(_ command: KeyCommand, count: Int?) {
        switch command {
        case .moveDown: select(state.selection + (count ?? 1))
        case .moveUp: select(state.selection - (count ?? 1))
        case .pageDown: select(state.selection + listPage * (count ?? 1))
        case .pageUp: select(state.selection - listPage * (count ?? 1))
        case .top: select(count.map { $0 - 1 } ?? 0)
        case .bottom: select(count.map { $0 - 1 } ?? state.totalRows - 1)
        case .count: break
        case .urgent: jumpToUrgent()
        case .openPaged: openPaged()
        case .claim: claimFocused()
        case .reply: startReply(inEditor: false)
        case .replyInEditor: startReply(inEditor: true)
        case .sendSuggested: askToSendSuggested()
        case .useAISuggestion: useAISuggestion()
        case .note: startNote()
        case .transfer: startTransfer()
        case .offerToAgent: startOffer()
        case .acceptOffer: answerOffer(accept: true)
        case .declineOffer: answerOffer(accept: false)
        case .requeue: startRequeue()
        case .release: startRelease()
        case .resolve: startResolve()
        case .search: state.modal = .composer(Composer(purpose: .search, title: "/", text: ""))
        case .filter: state.modal = .composer(Composer(purpose: .filter, title: "filter:", text: state.filter ?? ""))
        case .searchNext: stepSearch(forward: true, count: count ?? 1)
        case .searchPrevious: stepSearch(forward: false, count: count ?? 1)
        case .sort: cycleOrder()
        case .cycleScope: cycleScope()
        case .clear: clearFinding()
        case .focusDetail: focusDetail()
        case .focusList: state.focus = .list
        case .copy: copySuggested()
        case .messages: state.overlay = .messages(scroll: 0)
        case .toggleSupervisor:
            guard requireSupervisor() else { return }
            switchMode(to: state.mode == .agent ? .supervisor : .agent)
        case .forceRelease: startForceRelease()
        case .reassign: startReassign()
        case .help: state.overlay = .help(scroll: 0)
        case .quit: pendingEffects.append(.quit)
        case .submit, .insertSuggested, .openEditor, .deleteBackward, .deleteForward, .cursorLeft, .cursorRight, .cursorStart, .cursorEnd,
             .cancel, .choose, .confirm, .keepDraft, .discardDraft, .close:
            break
        }
    }

    /// Whether the terminal shows colours; without them the views use symbols and words instead.
    public func setColorless(_ colorless: Bool) {
        state.colorless = colorless
    }

    /// Opens the supervisor view (for supervisors starting there); does nothing for agents.
    public func showSupervisorView() {
        guard state.isSupervisor, state.mode != .supervisor else { return }
        switchMode(to: .supervisor)
    }

    func switchMode(to mode: ConsoleMode) {
        state.mode = mode
        state.focus = .list
        state.listOffset = 0
        state.selection = 0
        state.focusedID = nil
        state.search = nil
        reload()
    }

    func requireSupervisor() -> Bool {
        guard state.isSupervisor else {
            banner("Supervisor only: start the console with --supervisor", .alert)
            return false
        }
        return true
    }

    // MARK: Reading the store

    /// The thread list's query without paging: supervisors see everything, agents their scope; the
    /// list's order and filter apply to both.
    var listQuery: ThreadQuery {
        var query: ThreadQuery
        if state.mode == .agent {
            switch state.scope {
            case .myQueues: query = ThreadQuery(queues: myQueues)
            case .mine: query = ThreadQuery(states: [.claimed], owner: agentID)
            case .allQueues: query = ThreadQuery()
            case .liveAI: query = ThreadQuery(states: [.ai])
            case .callbacks: query = ThreadQuery(states: [.queued, .afterHours])
            }
        } else {
            query = ThreadQuery()
        }
        // Live AI conversations are watched as they move: most recent activity first, whatever the order.
        query.order = state.mode == .agent && state.scope == .liveAI ? .newest : state.order
        query.search = state.filter
        return query
    }

    /// Reads what is visible: one page of threads, the focused thread, queue counts (at once, or
    /// when due with `countsNow: false`), and for supervisors agents, notices and figures.
    /// Store faults become a banner, not a crash.
    func reload(countsNow: Bool = true) {
        let now = clock()
        do {
            lastToken = try store.changeToken()
            try loadList()
            loadPacket()
            try noticeThreadsTakenAway()
        } catch {
            show(error)
        }
        countsStale = true
        refreshCountsIfDue(force: countsNow)
        do {
            if state.mode == .supervisor { try loadSupervisor(now: now) } else { state.supervisor = nil }
            // Last, so an offer or its answer is not hidden behind a new-work page.
            try showAgentNotices()
        } catch {
            show(error)
        }
    }

    func refreshCountsIfDue(force: Bool) {
        let tick = DispatchTime.now().uptimeNanoseconds
        guard force || Double(tick - countsFetchedAt) / 1e9 >= countsInterval else { return }
        do {
            let counts = try store.queueCounts(now: clock())
            buildTiles(counts)
            pageOnNewWork(counts)
            countsStale = false
            countsFetchedAt = tick
        } catch {
            show(error)
        }
    }

    private func buildTiles(_ counts: [QueueCounts]) {
        let mine = Set(myQueues)
        var tiles = counts.map { QueueTile($0, isMine: mine.contains($0.queue)) }
        let known = Set(counts.map(\.queue))
        for queue in queues where !known.contains(queue.name) {
            tiles.append(QueueTile(emptyQueue: queue.name, isMine: mine.contains(queue.name)))
        }
        // The agent's own queues first, then the rest, each by name.
        state.queues = tiles.sorted { ($0.isMine ? 0 : 1, $0.name) < ($1.isMine ? 0 : 1, $1.name) }
    }

    /// Thread rows the list shows at this size.
    var visibleRows: Int { ScreenLayout(size: state.size).listRows }

    /// Reads the visible page. Moving through the list skips the count (`recount: false`): it only
    /// changes when the store does, and then `poll` reloads everything.
    func loadList(recount: Bool = true) throws {
        let visible = visibleRows
        var query = listQuery
        query.limit = visible
        query.offset = 0
        if recount { state.totalRows = try isListingCallbacks ? store.callbackCount() : store.threadCount(query) }
        let total = state.totalRows
        state.selection = min(max(0, state.selection), max(0, total - 1))
        if state.selection < state.listOffset { state.listOffset = state.selection }
        if state.selection >= state.listOffset + visible { state.listOffset = state.selection - visible + 1 }
        state.listOffset = max(0, min(state.listOffset, total - visible))
        query.offset = state.listOffset
        state.rows = try isListingCallbacks ? callbackRows(offset: query.offset, limit: visible) : store.threads(query).map(ThreadRow.init)
        try markOffersOnRows()
        if isWatchingAI { watchAIRows() }
        // The selection follows its thread when rows move (claims, new arrivals).
        if let focused = state.focusedID, let index = state.rows.firstIndex(where: { $0.id == focused }) {
            state.selection = state.listOffset + index
            focusPinned = false
        } else if !focusPinned {
            state.focusedID = state.selectedRow?.id
        }
    }

    func loadPacket() {
        guard let id = state.focusedID else {
            state.packet = nil
            state.selectedMessage = nil
            return
        }
        do {
            let previous = state.packet?.threadID
            state.packet = try store.thread(id: id).map { PacketModel($0, agentName: agentName) }
            try markOfferOnPacket()
            if state.packet?.state == .ai { watchAIPacket() }
            if previous != id {
                state.transcriptScroll = 0
                state.selectedMessage = state.focus == .detail ? state.packet.map { max(0, $0.transcript.count - 1) } : nil
            } else if let selected = state.selectedMessage, let count = state.packet?.transcript.count {
                state.selectedMessage = min(selected, max(0, count - 1))
            }
        } catch {
            show(error)
        }
    }

    /// On the first screen, the selection rests on a thread the agent can act on: waiting, or theirs.
    private func selectActionable() {
        guard state.mode == .agent, let row = state.selectedRow, !isActionable(row) else { return }
        if let index = state.rows.firstIndex(where: isActionable) {
            select(state.listOffset + index)
        } else {
            jumpToUrgent(quiet: true)
        }
    }

    func isActionable(_ row: ThreadRow) -> Bool {
        row.state.isWaiting || (row.state == .claimed && row.owner == state.agentID)
    }

    // MARK: Feedback

    /// Shows `text` in the status line for a few seconds and keeps it in the message history.
    func banner(_ text: String, _ role: StyleRole) {
        let shown = Banner(text: Sanitizer.line(text), role: role, until: state.now.addingTimeInterval(Self.bannerSeconds))
        state.banner = shown
        state.messageLog.append(LoggedMessage(at: state.now, text: shown.text, role: role))
        if state.messageLog.count > ConsoleState.messageLogLimit { state.messageLog.removeFirst(state.messageLog.count - ConsoleState.messageLogLimit) }
    }

    /// Shows why an operation failed, in words an agent understands, and refreshes.
    func show(_ error: Error) {
        switch error {
        case LifecycleError.heldBy(let agent): banner("Claimed by \(agent) first", .alert)
        case LifecycleError.notOwner(let owner): banner("Held by \(owner): only they can do that", .alert)
        case let error as LifecycleError: banner(error.description.prefix(1).uppercased() + error.description.dropFirst(), .alert)
        case let error as StoreError: banner(error.description, .alert)
        default: banner("Error: \(error)", .alert)
        }
        if case LifecycleError.heldBy = error { reloadQuietly() }
        if case LifecycleError.notOwner = error { reloadQuietly() }
    }

    /// A reload after a lost race; a failure here keeps the first message.
    func reloadQuietly() {
        let banner = state.banner
        reload()
        state.banner = banner
    }

    static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
