import Foundation
import BatonCore
import BatonStore

/// The console's brain: owns the store, the agent and the clock, turns keys into store
/// operations and keeps `state` (a pure value) in step with the database.
///
/// Terminal-free, so tests and benchmarks drive it directly. Reads only what is visible: one
/// page of threads (`threads(limit: visibleRows, offset:)` plus `threadCount`) and the focused
/// thread's detail. Not thread-safe; the console loop uses it from one thread.
public final class ConsoleSession {
    public let store: any HandoffStore
    public let agentID: String
    public let queues: [QueueConfig]
    public let keyMap: KeyMap
    public private(set) var state: ConsoleState
    /// Queue names this agent works (by skills).
    public let myQueues: [String]

    private let clock: @Sendable () -> Date
    /// The agent's name as stored (unsanitized), for the `{agent}` placeholder in suggested replies.
    private let agentName: String
    private let statsProvider: (@Sendable (Date) throws -> ConsoleStats?)?
    private var lastToken: Int64?
    private var lastWaiting: [String: Int]?
    private var pagedSuggestions: Set<String> = []
    /// Set when `n` focused a thread that is not on the visible page; cleared by moving.
    private var focusPinned = false
    private var pendingEffects: [ConsoleEffect] = []
    private static let bannerSeconds: TimeInterval = 6
    /// Queue counts aggregate every waiting thread, so changes by other processes refresh them at
    /// most this often; the list and packet still refresh on every change.
    private let countsInterval: TimeInterval
    private var countsFetchedAt: UInt64 = 0
    /// Today's figures scan the whole day's conversations; other processes' writes arrive several
    /// times a second, so the figures are recomputed at most this often rather than on every change.
    private let statsInterval: TimeInterval = 15
    private var cachedStats: (figures: ConsoleStats?, at: UInt64)?
    private var countsStale = true

    public init(store: any HandoffStore, agentID: String, supervisor: Bool, queues: [QueueConfig],
                clock: @escaping @Sendable () -> Date, stats: (@Sendable (Date) throws -> ConsoleStats?)? = nil,
                size: TerminalSize, keyMap: KeyMap = .standard, countsInterval: TimeInterval = 1) throws {
        let agents = try store.agents()
        guard let agent = agents.first(where: { $0.id == agentID }) else {
            throw ConsoleError.unknownAgent(agentID, known: agents.map(\.id))
        }
        self.store = store
        self.agentID = agentID
        self.queues = queues
        self.keyMap = keyMap
        self.countsInterval = countsInterval
        self.clock = clock
        statsProvider = stats
        agentName = agent.name.isEmpty ? agent.id : agent.name
        let skills = Set(agent.skills)
        myQueues = queues.isEmpty ? agent.skills : queues.filter { !skills.isDisjoint(with: $0.skills) }.map(\.name)
        state = ConsoleState(size: size, agentName: Sanitizer.line(agent.name.isEmpty ? agent.id : agent.name),
                             agentID: Sanitizer.line(agentID), isSupervisor: supervisor, now: Self.wholeSecond(clock()))
        state.pickupWindows = Dictionary(queues.map { (Sanitizer.line($0.name), $0.pickupWindow) }, uniquingKeysWith: { first, _ in first })
        reload()
        pendingEffects.removeAll()
    }

    // MARK: Driving the session

    /// Called a few times a second: reloads when another process (or this one) committed, pages
    /// the agent on new work, and advances the clock shown. Cheap when nothing changed.
    public func poll() -> [ConsoleEffect] {
        state.now = Self.wholeSecond(clock())
        if let banner = state.banner, banner.until <= state.now { state.banner = nil }
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

    /// Handles one key and returns what the terminal must do (quit, bell, editor).
    public func handle(_ key: Key) -> [ConsoleEffect] {
        state.now = Self.wholeSecond(clock())
        if state.showHelp {
            let lines = keyMap.helpLines().count
            switch key {
            case .escape, .character("?"), .character("q"): state.showHelp = false
            case .down, .character("j"): state.helpScroll = min(lines - 1, state.helpScroll + 1)
            case .up, .character("k"): state.helpScroll = max(0, state.helpScroll - 1)
            case .pageDown, .character(" "): state.helpScroll = min(lines - 1, state.helpScroll + 10)
            case .pageUp: state.helpScroll = max(0, state.helpScroll - 10)
            default: break
            }
            return []
        }
        if let modal = state.modal {
            handleModal(modal, key: key)
            return takeEffects()
        }
        guard let command = keyMap.command(for: key, in: .main) else { return [] }
        perform(command)
        return takeEffects()
    }

    /// The editor opened by `.openEditor` finished; `text` is nil when it failed.
    public func editorFinished(text: String?) {
        guard case .composer(var composer) = state.modal else { return }
        guard let text else {
            banner("The editor failed; your text is unchanged", .alert)
            return
        }
        // The file may hold anything; the same sanitizer makes it safe to show.
        var paragraphs = Sanitizer.paragraphs(text)
        while paragraphs.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { paragraphs.removeLast() }
        composer.replaceText(paragraphs.joined(separator: "\n"))
        state.modal = .composer(composer)
    }

    private func takeEffects() -> [ConsoleEffect] {
        defer { pendingEffects.removeAll() }
        return pendingEffects
    }

    // MARK: Commands

    private func perform(_ command: KeyCommand) {
        switch command {
        case .moveDown: select(state.selection + 1)
        case .moveUp: select(state.selection - 1)
        case .top: select(0)
        case .bottom: select(state.totalRows - 1)
        case .scrollUp: scrollTranscript(by: transcriptPage)
        case .scrollDown: scrollTranscript(by: -transcriptPage)
        case .next: jumpToNext()
        case .claim: claimFocused()
        case .reply: startReply(inEditor: false)
        case .replyInEditor: startReply(inEditor: true)
        case .sendSuggested: askToSendSuggested()
        case .note:
            guard let packet = ownedPacket(for: "write a note") else { return }
            state.modal = .composer(Composer(purpose: .note(threadID: packet.threadID), title: "Private note on \(packet.customer)"))
        case .transfer:
            guard let packet = ownedOrWaitingPacket() else { return }
            let names = (queues.isEmpty ? state.queues.map(\.name) : queues.map(\.name)).filter { $0 != packet.queue }
            guard !names.isEmpty else { return banner("No other queue to transfer to", .alert) }
            state.modal = .picker(Picker(purpose: .transferQueue(threadID: packet.threadID), title: "Transfer \(packet.customer) to",
                                         labels: names.map(Sanitizer.line), values: names))
        case .requeue:
            guard let packet = ownedPacket(for: "re-queue") else { return }
            state.modal = .composer(Composer(purpose: .requeueReason(threadID: packet.threadID),
                                             title: "Back to \(packet.queue): reason (optional)"))
        case .release:
            guard let packet = ownedOrWaitingPacket() else { return }
            state.modal = .composer(Composer(purpose: .releaseNote(threadID: packet.threadID),
                                             title: "Release \(packet.customer) to the AI: note for the bot (optional)"))
        case .resolve:
            guard let packet = ownedPacket(for: "resolve") else { return }
            let dispositions = Disposition.allCases.filter { $0 != .expired }
            state.modal = .picker(Picker(purpose: .disposition(threadID: packet.threadID), title: "Resolve \(packet.customer) as",
                                         labels: dispositions.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") },
                                         values: dispositions.map(\.rawValue)))
        case .toggleSupervisor:
            guard requireSupervisor() else { return }
            switchMode(to: state.mode == .agent ? .supervisor : .agent)
        case .forceRelease:
            guard requireSupervisor(), let packet = state.packet else { return }
            state.modal = .composer(Composer(purpose: .forceReleaseReason(threadID: packet.threadID),
                                             title: "Force-release \(packet.customer) to the AI: reason (required)"))
        case .reassign:
            guard requireSupervisor(), let packet = state.packet else { return }
            do {
                let agents = try store.agents().filter { $0.id != packet.owner }
                guard !agents.isEmpty else { return banner("No other agent to reassign to", .alert) }
                state.modal = .picker(Picker(purpose: .reassignAgent(threadID: packet.threadID), title: "Reassign \(packet.customer) to",
                                             labels: agents.map { Sanitizer.line("\($0.name) (\($0.id)) \($0.load)/\($0.capacity) \($0.status.rawValue)") },
                                             values: agents.map(\.id)))
            } catch {
                show(error)
            }
        case .cycleScope:
            let scopes = ListScope.allCases
            state.scope = scopes[(scopes.firstIndex(of: state.scope)! + 1) % scopes.count]
            if state.mode == .supervisor { state.mode = .agent }
            state.listOffset = 0
            state.selection = 0
            state.focusedID = nil
            reload()
            banner("Listing: \(state.scope.rawValue)", .muted)
        case .help:
            state.showHelp.toggle()
            state.helpScroll = 0
        case .quit: pendingEffects.append(.quit)
        case .submit, .insertSuggested, .openEditor, .deleteBackward, .deleteForward, .cursorLeft, .cursorRight, .cursorStart, .cursorEnd,
             .cancel, .pickNext, .pickPrevious, .choose, .confirm:
            break
        }
    }

    /// Opens the supervisor view (for supervisors starting there); does nothing for agents.
    public func showSupervisorView() {
        guard state.isSupervisor, state.mode != .supervisor else { return }
        switchMode(to: .supervisor)
    }

    private func switchMode(to mode: ConsoleMode) {
        state.mode = mode
        state.listOffset = 0
        state.selection = 0
        state.focusedID = nil
        reload()
    }

    private func select(_ index: Int) {
        guard state.totalRows > 0 else { return }
        let target = min(max(0, index), state.totalRows - 1)
        focusPinned = false
        state.selection = target
        let visible = ScreenLayout(size: state.size).listRows
        if target < state.listOffset || target >= state.listOffset + visible || state.selectedRow == nil {
            // The selection moved off the page: it decides the focus, not the previously focused thread.
            state.focusedID = nil
            do {
                try loadList(recount: false)
            } catch {
                show(error)
            }
            loadPacket()
        } else {
            state.focusedID = state.selectedRow?.id
            loadPacket()
        }
    }

    private var transcriptPage: Int { max(1, ScreenLayout(size: state.size).detail.height / 2) }

    private func scrollTranscript(by lines: Int) {
        guard let packet = state.packet else { return }
        let layout = ScreenLayout(size: state.size)
        let total = PacketView.transcriptLines(packet, width: layout.detail.width).count
        state.transcriptScroll = min(max(0, state.transcriptScroll + lines), max(0, total - 1))
    }

    private func jumpToNext() {
        do {
            let candidates = try store.threads(ThreadQuery(queues: myQueues, states: [.queued, .afterHours], limit: 20, offset: 0))
            guard let first = candidates.first else { return banner("Nothing is waiting in your queues", .muted) }
            // Among the most urgent, a thread routing suggested for this agent goes first.
            let pick = candidates.first { $0.suggestedAgent == agentID && $0.priority == first.priority } ?? first
            if state.mode == .supervisor { state.mode = .agent }
            if state.scope == .mine { state.scope = .myQueues }
            var query = listQuery
            query.limit = 200
            let page = try store.threads(query)
            if let index = page.firstIndex(where: { $0.id == pick.id }) {
                state.selection = index
                focusPinned = false
            } else {
                focusPinned = true
            }
            state.focusedID = pick.id
            state.transcriptScroll = 0
            reload()
        } catch {
            show(error)
        }
    }

    private func claimFocused() {
        guard let packet = state.packet else { return }
        if packet.state == .claimed, packet.owner == state.agentID { return banner("\(packet.customer) is already yours", .muted) }
        do {
            try store.claim(threadID: packet.threadID, agent: agentID, now: clock())
            banner("Claimed \(packet.customer)", .positive)
            reload()
        } catch {
            show(error)
        }
    }

    /// Makes sure the agent owns the focused thread, claiming it if it is waiting.
    private func ensureOwned(_ threadID: String) -> Bool {
        guard let packet = state.packet, packet.threadID == threadID else { return false }
        if packet.state == .claimed, packet.owner == state.agentID { return true }
        do {
            try store.claim(threadID: threadID, agent: agentID, now: clock())
            reload()
            return true
        } catch {
            show(error)
            return false
        }
    }

    private func startReply(inEditor: Bool) {
        guard let packet = ownedOrWaitingPacket(), ensureOwned(packet.threadID) else { return }
        let composer = Composer(purpose: .reply(threadID: packet.threadID), title: "Reply to \(packet.customer)",
                                suggestion: packet.suggestedReply)
        state.modal = .composer(composer)
        if inEditor { pendingEffects.append(.openEditor(initialText: packet.suggestedReply)) }
    }

    private func askToSendSuggested() {
        guard let packet = ownedOrWaitingPacket() else { return }
        guard !packet.suggestedReply.isEmpty else { return banner("This thread has no suggested reply; r to write one", .alert) }
        let claimFirst = packet.state == .claimed ? "" : "Claim and "
        state.modal = .confirmation(Confirmation(purpose: .sendSuggested(threadID: packet.threadID, text: packet.suggestedReply),
                                                 question: "\(claimFirst)send the suggested reply to \(packet.customer)?",
                                                 detail: packet.suggestedReply))
    }

    private func ownedPacket(for action: String) -> PacketModel? {
        guard let packet = state.packet else { return nil }
        guard packet.state == .claimed, packet.owner == state.agentID else {
            banner("Claim \(packet.customer) first to \(action)" + (packet.owner.map { " (held by \($0))" } ?? ""), .alert)
            return nil
        }
        return packet
    }

    private func ownedOrWaitingPacket() -> PacketModel? {
        guard let packet = state.packet else { return nil }
        if packet.state.isWaiting || (packet.state == .claimed && packet.owner == state.agentID) { return packet }
        if packet.state == .claimed, let owner = packet.owner {
            banner("Held by \(owner)", .alert)
        } else {
            banner("\(packet.customer) is \(packet.state == .ai ? "with the AI" : packet.state.rawValue)", .alert)
        }
        return nil
    }

    private func requireSupervisor() -> Bool {
        guard state.isSupervisor else {
            banner("Supervisor only: start the console with --supervisor", .alert)
            return false
        }
        return true
    }

    // MARK: Modals

    private func handleModal(_ modal: Modal, key: Key) {
        let command = keyMap.command(for: key, in: modal.keyContext)
        switch modal {
        case .composer(var composer):
            switch command {
            case .cancel: state.modal = nil
            case .submit: submit(composer)
            case .insertSuggested:
                guard !composer.suggestion.isEmpty else { return }
                composer.insert(composer.suggestion)
            case .openEditor: pendingEffects.append(.openEditor(initialText: composer.text))
            case .deleteBackward: composer.deleteBackward()
            case .deleteForward: composer.deleteForward()
            case .cursorLeft: composer.moveCursor(by: -1)
            case .cursorRight: composer.moveCursor(by: 1)
            case .cursorStart: composer.moveCursorToStart()
            case .cursorEnd: composer.moveCursorToEnd()
            default:
                guard case .character(let character) = key else { return }
                composer.insert(String(character))
            }
            if case .composer = state.modal { state.modal = .composer(composer) }
        case .picker(var picker):
            switch command {
            case .pickNext: picker.selected = min(picker.values.count - 1, picker.selected + 1)
            case .pickPrevious: picker.selected = max(0, picker.selected - 1)
            case .cancel:
                state.modal = nil
                return
            case .choose:
                state.modal = nil
                choose(picker)
                return
            default: return
            }
            state.modal = .picker(picker)
        case .confirmation(let confirmation):
            switch command {
            case .confirm:
                state.modal = nil
                switch confirmation.purpose {
                case .sendSuggested(let threadID, let text):
                    guard ensureOwned(threadID) else { return }
                    act("Sent the suggested reply") { now in try store.reply(threadID: threadID, agent: agentID, text: text, now: now) }
                }
            case .cancel: state.modal = nil
            default: break
            }
        }
    }

    private func choose(_ picker: Picker) {
        guard picker.values.indices.contains(picker.selected) else { return }
        let value = picker.values[picker.selected]
        switch picker.purpose {
        case .transferQueue(let threadID):
            state.modal = .composer(Composer(purpose: .transferReason(threadID: threadID, queue: value),
                                             title: "Transfer to \(Sanitizer.line(value)): reason (optional)"))
        case .disposition(let threadID):
            guard let disposition = Disposition(rawValue: value) else { return }
            act("Resolved as \(picker.labels[picker.selected])") { now in
                try store.resolve(threadID: threadID, agent: agentID, disposition: disposition, note: nil, now: now)
            }
        case .reassignAgent(let threadID):
            state.modal = .composer(Composer(purpose: .reassignReason(threadID: threadID, agent: value),
                                             title: "Reassign to \(Sanitizer.line(value)): reason (required)"))
        }
    }

    private func submit(_ composer: Composer) {
        let text = composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty, composer.purpose.requiresText {
            return banner("Nothing written yet (Esc cancels)", .alert)
        }
        let optional: String? = text.isEmpty ? nil : text
        state.modal = nil
        switch composer.purpose {
        case .reply(let threadID):
            act("Reply sent") { now in try store.reply(threadID: threadID, agent: agentID, text: text, now: now) }
        case .note(let threadID):
            act("Note saved") { now in try store.note(threadID: threadID, agent: agentID, text: text, now: now) }
        case .releaseNote(let threadID):
            act("Released to the AI") { now in try store.release(threadID: threadID, agent: agentID, note: optional, now: now) }
        case .requeueReason(let threadID):
            let deadline = queue(named: state.packet?.queue).pickupDeadline(waitStartingAt: clock())
            act("Back in the queue, unclaimed") { now in
                try store.requeue(threadID: threadID, actor: agentID, reason: optional, pickupDeadline: deadline, now: now)
            }
        case .transferReason(let threadID, let queue):
            let deadline = self.queue(named: queue).pickupDeadline(waitStartingAt: clock())
            act("Transferred to \(Sanitizer.line(queue))") { now in
                try store.transfer(threadID: threadID, actor: agentID, toQueue: queue, reason: optional, pickupDeadline: deadline, now: now)
            }
        case .forceReleaseReason(let threadID):
            act("Force-released to the AI") { now in
                try store.forceRelease(threadID: threadID, supervisor: agentID, reason: text, now: now)
            }
        case .reassignReason(let threadID, let agent):
            act("Reassigned to \(Sanitizer.line(agent))") { now in
                try store.reassign(threadID: threadID, supervisor: agentID, toAgent: agent, reason: text, now: now)
            }
        }
    }

    /// The configured queue of that name, or a default one (always open, 5-minute window).
    private func queue(named name: String?) -> QueueConfig {
        queues.first { $0.name == name } ?? QueueConfig(name: name ?? "default")
    }

    /// Runs one store operation; on success shows `success`, on a refusal shows why. Reloads either way.
    private func act(_ success: String, _ operation: (Date) throws -> Void) {
        do {
            try operation(clock())
            banner(success, .positive)
            reload()
        } catch {
            show(error)
        }
    }

    // MARK: Reading the store

    /// The thread list's query without paging: supervisors see everything, agents their scope.
    private var listQuery: ThreadQuery {
        guard state.mode == .agent else { return ThreadQuery() }
        switch state.scope {
        case .myQueues: return ThreadQuery(queues: myQueues)
        case .mine: return ThreadQuery(states: [.claimed], owner: agentID)
        case .allQueues: return ThreadQuery()
        }
    }

    /// Reads what is visible: one page of threads, the focused thread, queue counts (at once, or
    /// when due with `countsNow: false`), and for supervisors agents, notices and figures.
    /// Store faults become a banner, not a crash.
    private func reload(countsNow: Bool = true) {
        let now = clock()
        do {
            lastToken = try store.changeToken()
            try loadList()
            loadPacket()
        } catch {
            show(error)
        }
        countsStale = true
        refreshCountsIfDue(force: countsNow)
        do {
            if state.mode == .supervisor { try loadSupervisor(now: now) } else { state.supervisor = nil }
        } catch {
            show(error)
        }
    }

    private func refreshCountsIfDue(force: Bool) {
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

    /// Reads the visible page. Moving through the list skips the count (`recount: false`): it only
    /// changes when the store does, and then `poll` reloads everything.
    private func loadList(recount: Bool = true) throws {
        let visible = ScreenLayout(size: state.size).listRows
        var query = listQuery
        query.limit = visible
        query.offset = 0
        if recount { state.totalRows = try store.threadCount(query) }
        let total = state.totalRows
        state.selection = min(max(0, state.selection), max(0, total - 1))
        if state.selection < state.listOffset { state.listOffset = state.selection }
        if state.selection >= state.listOffset + visible { state.listOffset = state.selection - visible + 1 }
        state.listOffset = max(0, min(state.listOffset, total - visible))
        query.offset = state.listOffset
        state.rows = try store.threads(query).map(ThreadRow.init)
        // The selection follows its thread when rows move (claims, new arrivals).
        if let focused = state.focusedID, let index = state.rows.firstIndex(where: { $0.id == focused }) {
            state.selection = state.listOffset + index
            focusPinned = false
        } else if !focusPinned {
            state.focusedID = state.selectedRow?.id
        }
    }

    private func loadPacket() {
        guard let id = state.focusedID else {
            state.packet = nil
            return
        }
        do {
            let previous = state.packet?.threadID
            state.packet = try store.thread(id: id).map { PacketModel($0, agentName: agentName) }
            if previous != id { state.transcriptScroll = 0 }
        } catch {
            show(error)
        }
    }

    private func loadSupervisor(now: Date) throws {
        let agents = try store.agents()
        let lines = try agents.map { agent in
            SupervisorModel.AgentLine(agent, holding: agent.load > 0
                ? try store.threads(ThreadQuery(states: [.claimed], owner: agent.id, limit: 3)) : [])
        }
        let notices = try store.escalations(since: now.addingTimeInterval(-86_400)).prefix(8).map(SupervisorModel.Notice.init)
        var stats = cachedStats?.figures
        let tick = DispatchTime.now().uptimeNanoseconds
        if let statsProvider, cachedStats.map({ Double(tick - $0.at) / 1e9 >= statsInterval }) ?? true {
            do {
                stats = try statsProvider(now)
                cachedStats = (stats, tick)
            } catch {
                banner("Figures unavailable: \(error)", .alert)
            }
        }
        // The three most urgent waiting threads per queue: one small indexed page each.
        var heads: [String: [ThreadRow]] = [:]
        for tile in state.queues where tile.waiting > 0 {
            let rows = try store.threads(ThreadQuery(queues: [tile.rawName], states: [.queued, .afterHours], limit: 3))
            heads[tile.name] = rows.map(ThreadRow.init)
        }
        state.supervisor = SupervisorModel(agents: lines, notices: Array(notices), stats: stats, queueHeads: heads)
    }

    /// Bell and banner when a thread lands in one of the agent's queues or is suggested to them.
    private func pageOnNewWork(_ counts: [QueueCounts]) {
        let mine = Set(myQueues)
        let waiting = Dictionary(counts.filter { mine.contains($0.queue) }.map { ($0.queue, $0.waiting) }, uniquingKeysWith: +)
        defer { lastWaiting = waiting }
        let suggested = state.rows.filter { $0.state.isWaiting && $0.suggestedAgent == state.agentID && !pagedSuggestions.contains($0.id) }
        pagedSuggestions.formUnion(suggested.map(\.id))
        guard let previous = lastWaiting else { return }
        if let row = suggested.first {
            page("Suggested for you: \(row.customer) in \(row.queue)")
            return
        }
        for (queue, count) in waiting.sorted(by: { $0.key < $1.key }) where count > previous[queue] ?? 0 {
            page("New thread in \(queue): \(count) waiting")
            return
        }
    }

    private func page(_ text: String) {
        banner(text, .banner)
        pendingEffects.append(.bell)
    }

    // MARK: Feedback

    private func banner(_ text: String, _ role: StyleRole) {
        state.banner = Banner(text: Sanitizer.line(text), role: role, until: state.now.addingTimeInterval(Self.bannerSeconds))
    }

    /// Shows why an operation failed, in words an agent understands, and refreshes.
    private func show(_ error: Error) {
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
    private func reloadQuietly() {
        let banner = state.banner
        reload()
        state.banner = banner
    }

    private static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
