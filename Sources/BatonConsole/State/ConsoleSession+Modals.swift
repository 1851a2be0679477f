import Foundation
import BatonCore
import BatonStore

/// Dialogs: the composer (and the search and filter prompts), pickers, and confirmations.
extension ConsoleSession {
    func handleModal(_ modal: Modal, key: Key) {
        switch modal {
        case .composer(let composer): handleComposer(composer, key: key)
        case .picker(let picker): handlePicker(picker, key: key)
        case .confirmation(let confirmation): handleConfirmation(confirmation, key: key)
        }
    }

    private func handleComposer(_ original: Composer, key: Key) {
        var composer = original
        switch keyMap.command(for: key, in: .composer) {
        case .cancel:
            return closeComposer(composer)
        case .submit:
            return submit(composer)
        case .insertSuggested:
            guard !composer.suggestion.isEmpty else { return }
            composer.insert(composer.suggestion)
        case .openEditor:
            guard !composer.purpose.isPrompt else { return }
            pendingEffects.append(.openEditor(initialText: composer.text))
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
    }

    /// Esc: a composer holding a draft asks first (keep it for later, discard it, or go back to it);
    /// one holding nothing, or a prompt or reason, just closes.
    func closeComposer(_ composer: Composer) {
        let text = composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard composer.purpose.draftKind != nil, !text.isEmpty else {
            if let draft = composer.purpose.draftKind { discardDraft(threadID: draft.threadID, kind: draft.kind) }
            state.modal = nil
            return
        }
        let lines = composer.text.split(separator: "\n", omittingEmptySubsequences: false).count
        state.modal = .confirmation(Confirmation(purpose: .closeDraft(composer),
                                                 question: "\(composer.title): keep your draft (\(Plural.count(lines, "line"))) for later?",
                                                 detail: composer.text))
    }

    private func handlePicker(_ original: Picker, key: Key) {
        var picker = original
        if ratingDigit(picker, key: key) || takeCountDigit(key) { return }
        let steps = state.count ?? 1
        state.count = nil
        let last = max(0, picker.values.count - 1)
        let page = max(1, min(picker.values.count, state.size.rows - 6) - 1)
        switch keyMap.command(for: key, in: .picker) {
        case .moveDown: picker.selected = min(last, picker.selected + steps)
        case .moveUp: picker.selected = max(0, picker.selected - steps)
        case .pageDown: picker.selected = min(last, picker.selected + page * steps)
        case .pageUp: picker.selected = max(0, picker.selected - page * steps)
        case .top: picker.selected = 0
        case .bottom: picker.selected = last
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
    }

    private func handleConfirmation(_ confirmation: Confirmation, key: Key) {
        let context: KeyContext = confirmation.purpose.isDraft ? .draft : .confirm
        let command = keyMap.command(for: key, in: context)
        switch (confirmation.purpose, command) {
        case (.sendSuggested(let threadID, let text), .confirm?):
            state.modal = nil
            sendSuggested(threadID: threadID, text: text)
        case (.closeDraft(let composer), .keepDraft?):
            state.modal = nil
            if let draft = composer.purpose.draftKind { saveDraft(threadID: draft.threadID, kind: draft.kind, text: composer.text) }
            banner("Draft kept: \(keyMap.firstKey(for: composer.purpose.isNote ? .note : .reply, in: .list)) on this thread brings it back", .muted)
        case (.closeDraft(let composer), .discardDraft?):
            state.modal = nil
            if let draft = composer.purpose.draftKind { discardDraft(threadID: draft.threadID, kind: draft.kind) }
            banner("Draft discarded", .muted)
        case (.closeDraft(let composer), .cancel?):
            state.modal = .composer(composer)
        case (.quit, .confirm?):
            state.modal = nil
            pendingEffects.append(.quit)
        case (.quit(let composer), .cancel?):
            state.modal = composer.map(Modal.composer)
        case (_, .cancel?):
            state.modal = nil
        default:
            break
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
            let customer = state.packet?.customer ?? "the thread"
            givenUp.insert(threadID)
            let resolved = act("Resolved \(customer) as \(picker.labels[picker.selected])") { now in
                try store.resolve(threadID: threadID, agent: agentID, disposition: disposition, note: nil, now: now)
            }
            if resolved { startRating(threadID: threadID, customer: customer) }
        case .reassignAgent(let threadID):
            let warning = picker.warnings.indices.contains(picker.selected) ? picker.warnings[picker.selected] : nil
            let title = warning.map { "Reassign to \(Sanitizer.line(value)), overriding (\($0)): reason (required)" }
                ?? "Reassign to \(Sanitizer.line(value)): reason (required)"
            state.modal = .composer(Composer(purpose: .reassignReason(threadID: threadID, agent: value, override: warning), title: title))
        case .packetRating:
            chooseRating(picker)
        case .offerAgent(let threadID):
            chooseOfferAgent(threadID: threadID, agent: value)
        }
    }

    func submit(_ composer: Composer) {
        let text = composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty, composer.purpose.requiresText {
            return banner("Nothing written yet (Esc closes)", .alert)
        }
        let optional: String? = text.isEmpty ? nil : text
        let customer = state.packet?.customer ?? "the thread"
        // The composer stays open until the store accepts: a refusal (thread taken away) loses nothing.
        var done = false
        switch composer.purpose {
        case .search:
            state.modal = nil
            return runSearch(text)
        case .filter:
            state.modal = nil
            return applyFilter(text)
        case .reply(let threadID):
            done = act("Reply sent to \(customer)") { now in try store.reply(threadID: threadID, agent: agentID, text: text, now: now) }
            if done { forgetDraft(threadID: threadID, kind: .reply) }
        case .note(let threadID):
            done = act("Note saved on \(customer)") { now in try store.note(threadID: threadID, agent: agentID, text: text, now: now) }
            if done { forgetDraft(threadID: threadID, kind: .note) }
        case .releaseNote(let threadID):
            givenUp.insert(threadID)
            done = act("Released \(customer) to the AI") { now in try store.release(threadID: threadID, agent: agentID, note: optional, now: now) }
        case .requeueReason(let threadID):
            let queue = self.queue(named: state.packet?.queue)
            let deadline = queue.pickupDeadline(waitStartingAt: clock())
            givenUp.insert(threadID)
            done = act(nil) { now in
                try store.requeue(threadID: threadID, actor: agentID, reason: optional, pickupDeadline: deadline, now: now)
            }
            if done { banner("\(customer) is back in \(Sanitizer.line(queue.name)), unclaimed: \(waitDescription(threadID: threadID))", .positive) }
        case .transferReason(let threadID, let queueName):
            let deadline = self.queue(named: queueName).pickupDeadline(waitStartingAt: clock())
            givenUp.insert(threadID)
            done = act(nil) { now in
                try store.transfer(threadID: threadID, actor: agentID, toQueue: queueName, reason: optional, pickupDeadline: deadline, now: now)
            }
            if done { banner("Transferred \(customer) to \(Sanitizer.line(queueName)), unclaimed: \(waitDescription(threadID: threadID))", .positive) }
        case .forceReleaseReason(let threadID):
            done = act("Force-released \(customer) to the AI") { now in
                try store.forceRelease(threadID: threadID, supervisor: agentID, reason: text, now: now)
            }
        case .reassignReason(let threadID, let agent, let override):
            let reason = override.map { "override (\($0)): \(text)" } ?? text
            done = act("Reassigned \(customer) to \(Sanitizer.line(agent))" + (override.map { " (override: \($0))" } ?? "")) { now in
                try store.reassign(threadID: threadID, supervisor: agentID, toAgent: agent, reason: reason, now: now)
            }
        case .ratingNote(let threadID, let rating):
            done = saveRating(threadID: threadID, rating: rating, note: optional)
        case .offerNote(let threadID, let agent):
            done = offer(threadID: threadID, to: agent, note: text)
        }
        if done, state.modal == .composer(composer) { state.modal = nil }
    }
}

extension Composer.Purpose {
    var isNote: Bool {
        if case .note = self { return true }
        return false
    }
}
