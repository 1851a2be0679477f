import Foundation
import BatonCore
import BatonStore

/// Drafts: what an agent writes is in the store within a poll (a quarter second), so a crash, a closed
/// terminal or another console finds it; Esc asks before dropping it; Ctrl-C asks before quitting on it.
extension ConsoleSession {
    static func draftKey(_ threadID: String, _ kind: Draft.Kind) -> String { kind.rawValue + "\u{1F}" + threadID }

    /// The stored draft of this kind on the thread, announced when there is one; "" when none.
    func restoreDraft(threadID: String, kind: Draft.Kind) -> String {
        do {
            guard let draft = try store.draft(threadID: threadID, agent: agentID, kind: kind) else { return "" }
            savedDrafts[Self.draftKey(threadID, kind)] = draft.text
            banner("Your \(kind.rawValue) draft is back (saved \(Format.hourMinute(draft.updatedAt)) UTC)", .muted)
            return draft.text
        } catch {
            show(error)
            return ""
        }
    }

    /// Writes the open composer's text to the store when it changed since the last write.
    func saveDraftIfChanged() {
        guard case .composer(let composer)? = activeComposer, let draft = composer.purpose.draftKind else { return }
        let key = Self.draftKey(draft.threadID, draft.kind)
        guard savedDrafts[key, default: ""] != composer.text else { return }
        saveDraft(threadID: draft.threadID, kind: draft.kind, text: composer.text)
    }

    /// The composer being written in, also while a dialog about it (close, quit) is open.
    var activeComposer: Modal? {
        switch state.modal {
        case .composer?: return state.modal
        case .confirmation(let confirmation)?:
            switch confirmation.purpose {
            case .closeDraft(let composer): return .composer(composer)
            case .quit(let composer?): return .composer(composer)
            default: return nil
            }
        default: return nil
        }
    }

    func saveDraft(threadID: String, kind: Draft.Kind, text: String) {
        do {
            try store.saveDraft(Draft(threadID: threadID, agent: agentID, kind: kind, text: text, updatedAt: clock()))
            savedDrafts[Self.draftKey(threadID, kind)] = text
        } catch {
            show(error)
        }
    }

    func discardDraft(threadID: String, kind: Draft.Kind) {
        do {
            try store.deleteDraft(threadID: threadID, agent: agentID, kind: kind)
            savedDrafts[Self.draftKey(threadID, kind)] = nil
        } catch {
            show(error)
        }
    }

    /// The text was sent: the store dropped the draft in the same transaction.
    func forgetDraft(threadID: String, kind: Draft.Kind) {
        savedDrafts[Self.draftKey(threadID, kind)] = nil
    }

    /// Whether a reply or note holding text is open.
    public var isWritingDraft: Bool {
        guard case .composer(let composer)? = activeComposer, composer.purpose.draftKind != nil else { return false }
        return !composer.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// A terminating signal arrived. The draft is saved either way; for Ctrl-C (SIGINT) while writing,
    /// the agent is asked first and `false` is returned (keep running). Otherwise returns `true` (quit).
    public func interrupted(by signal: Int32) -> Bool {
        saveDraftIfChanged()
        guard signal == SIGINT, isWritingDraft, case .composer(let composer)? = activeComposer else { return true }
        if case .confirmation(let confirmation)? = state.modal, case .quit = confirmation.purpose { return true }
        state.modal = .confirmation(Confirmation(purpose: .quit(composer), question: "Quit Baton? Your draft is saved and comes back "
                                                 + "when you open the \(composer.purpose.isNote ? "note" : "reply") again.",
                                                 detail: composer.text))
        return false
    }

    /// The editor opened by `.openEditor` finished; `text` is nil when it failed.
    public func editorFinished(text: String?) {
        guard case .composer(var composer) = state.modal else { return }
        guard let text else {
            banner("The editor failed or was quit without saving; your text is unchanged", .alert)
            return
        }
        // The file may hold anything; the same sanitizer makes it safe to show.
        var paragraphs = Sanitizer.paragraphs(text)
        while paragraphs.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { paragraphs.removeLast() }
        composer.replaceText(paragraphs.joined(separator: "\n"))
        state.modal = .composer(composer)
        saveDraftIfChanged()
    }
}
