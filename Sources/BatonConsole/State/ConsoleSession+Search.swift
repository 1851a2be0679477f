import Foundation
import BatonCore
import BatonStore

/// Finding threads: `/` search with `n`/`N` through the matches, `f` filter, `o` order, `v` scope.
extension ConsoleSession {
    /// Matches read per search; `n` past the last one reads the next ones.
    static let searchBatch = 500

    /// Runs a search over the list as it is (scope, filter, order) and jumps to the first match at or
    /// after the selection, wrapping around.
    func runSearch(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            state.search = nil
            return
        }
        do {
            let matches = try store.threadMatches(listQuery, text: trimmed, limit: Self.searchBatch)
            guard !matches.isEmpty else {
                state.search = SearchState(text: Sanitizer.line(trimmed), matches: [], current: nil)
                return banner("No thread matches “\(trimmed)”", .alert)
            }
            let first = matches.firstIndex { $0.position >= state.selection } ?? 0
            state.search = SearchState(text: Sanitizer.line(trimmed), matches: matches, current: nil,
                                       truncated: matches.count == Self.searchBatch)
            jump(toMatch: first)
        } catch {
            show(error)
        }
    }

    /// `n` / `N`: the next or previous match, wrapping around; the matches are read again when the
    /// store changed since, so positions stay true.
    func stepSearch(forward: Bool, count: Int) {
        guard let search = state.search else {
            return banner("No search yet: / searches customer, id, trigger, queue and text", .muted)
        }
        if search.matches.isEmpty || lastSearchToken != lastToken {
            let current = search.current.map { search.matches[$0].id }
            do {
                let matches = try store.threadMatches(listQuery, text: search.text, limit: Self.searchBatch)
                state.search?.matches = matches
                state.search?.current = current.flatMap { id in matches.firstIndex { $0.id == id } }
                lastSearchToken = lastToken
            } catch {
                return show(error)
            }
        }
        guard let fresh = state.search, !fresh.matches.isEmpty else {
            return banner("No thread matches “\(search.text)”", .alert)
        }
        let total = fresh.matches.count
        let base: Int
        if let current = fresh.current {
            base = current
        } else {
            // Nothing jumped to yet (or it left the list): start from the selection.
            base = forward ? (fresh.matches.lastIndex { $0.position < state.selection } ?? -1)
                : (fresh.matches.firstIndex { $0.position > state.selection } ?? total)
        }
        let step = forward ? count : -count
        let target = ((base + step) % total + total) % total
        if forward, target < base || (fresh.current == nil && target == 0 && base == total - 1) {
            banner("Search wrapped to the top", .muted)
        } else if !forward, target > base {
            banner("Search wrapped to the bottom", .muted)
        }
        jump(toMatch: target)
    }

    private func jump(toMatch index: Int) {
        guard let search = state.search, search.matches.indices.contains(index) else { return }
        state.search?.current = index
        lastSearchToken = lastToken
        let match = search.matches[index]
        reveal(match.id, position: match.position)
    }

    /// Applies the filter typed at `f`; empty text lists everything again.
    func applyFilter(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        state.filter = trimmed.isEmpty ? nil : trimmed
        state.search = nil
        state.selection = 0
        state.listOffset = 0
        state.focusedID = nil
        reload()
        if let filter = state.filter {
            banner(state.totalRows == 0 ? "No thread matches “\(filter)”; f and Enter lists all again"
                   : "Filter “\(filter)”: \(Plural.count(state.totalRows, "thread"))", state.totalRows == 0 ? .alert : .muted)
        }
    }

    /// `o`: the next list order; the selected thread stays selected.
    func cycleOrder() {
        let orders = ThreadOrder.cycle
        let next = orders[((orders.firstIndex(of: state.order) ?? -1) + 1) % orders.count]
        state.order = next
        refocusAfterReorder()
        banner("Order: \(Self.orderName(next))", .muted)
    }

    static func orderName(_ order: ThreadOrder) -> String {
        switch order {
        case .priority: "most urgent first"
        case .wait: "longest wait first"
        case .sentiment: "most upset first"
        case .queue: "by queue"
        case .newest: "newest first"
        }
    }

    /// Keeps the focused thread selected after the list changed order.
    private func refocusAfterReorder() {
        state.search?.matches = []
        state.search?.current = nil
        guard let id = state.focusedID else { return reload() }
        do {
            let position = try store.threadPosition(listQuery, id: id)
            state.listOffset = 0
            state.selection = position ?? 0
            reload()
            if position != nil { state.focusedID = id }
        } catch {
            show(error)
        }
    }

    /// `v`: my queues, held by me, all queues.
    func cycleScope() {
        let scopes = ListScope.allCases
        state.scope = scopes[(scopes.firstIndex(of: state.scope)! + 1) % scopes.count]
        if state.mode == .supervisor { state.mode = .agent }
        state.listOffset = 0
        state.selection = 0
        state.focusedID = nil
        state.search = nil
        reload()
        banner("Listing: \(state.scope.rawValue)", .muted)
    }

    /// Esc on the list: forget the count, the search and the filter.
    func clearFinding() {
        let hadFilter = state.filter != nil
        state.search = nil
        state.count = nil
        if hadFilter {
            state.filter = nil
            let focused = state.focusedID
            state.selection = 0
            state.listOffset = 0
            reload()
            if let focused, let position = try? store.threadPosition(listQuery, id: focused) { reveal(focused, position: position) }
            banner("Filter cleared", .muted)
        }
    }
}
