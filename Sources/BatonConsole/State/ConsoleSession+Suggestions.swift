import BatonCore

/// Collaborative mode: the AI's suggestions show under the packet; `A` puts the latest into the reply
/// composer (claiming the thread first when it is waiting, as `r` does), where the agent edits and sends it.
/// Nothing reaches the customer until the agent sends.
extension ConsoleSession {
    func useAISuggestion() {
        guard let packet = ownedOrWaitingPacket() else { return }
        guard let latest = packet.suggestions.last else {
            return banner("The AI has not suggested anything on this thread", .alert)
        }
        guard ensureOwned(packet.threadID) else { return }
        let draft = restoreDraft(threadID: packet.threadID, kind: .reply)
        var composer = Composer(purpose: .reply(threadID: packet.threadID), title: "Reply to \(packet.customer)",
                                text: draft, suggestion: packet.suggestedReply)
        composer.insert((draft.isEmpty ? "" : " ") + latest.composerText)
        state.modal = .composer(composer)
    }
}
