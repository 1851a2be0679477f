import Foundation
import BatonCore

/// Repeat contacts counted from the store's history as well as from the bot's `prior_contacts`.
extension Dispatcher {
    /// The stored contacts of these customers within the repeat-contact window.
    func contactHistory(of customerIDs: [String], now: Date) throws -> [CustomerContact] {
        let window = Double(config.engine.repeatContactWindowDays + 1) * 86_400
        return try store.customerContacts(customerIDs: customerIDs, since: now.addingTimeInterval(-window))
    }

    /// The conversation as the engine should see it: its customer's earlier contacts merged in.
    func withHistory(_ conversation: Conversation, _ history: [CustomerContact], now: Date) -> Conversation {
        ContactHistory.enriched(conversation, stored: history, now: now, windowDays: config.engine.repeatContactWindowDays)
    }

    /// `recorded` with its customer's history merged in, when the engine is going to look at it.
    func withHistory(_ recorded: RecordOutcome, now: Date) throws -> RecordOutcome {
        guard recorded.state == .ai else { return recorded }
        var recorded = recorded
        recorded.conversation = withHistory(recorded.conversation, try contactHistory(of: [recorded.conversation.customer.id], now: now),
                                            now: now)
        return recorded
    }
}
