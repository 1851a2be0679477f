import Foundation

/// Repeat contacts from Baton's own history, merged with what the bot platform sends.
///
/// A contact counts when it is the same customer, on the same topic (the trigger's topic or policy group,
/// else the problem family of the customer's opening words), within `repeat_contact_window_days`.
public enum ContactHistory {
    /// The problem family the text names first (`delivery`, `billing`, `login`, `refund`, ...), or nil. The broad
    /// families (`order`, `account`) count only when no narrower one is named: "my order hasn't been delivered"
    /// is about a delivery.
    public static func family(of text: String) -> String? {
        var broad: String?
        for word in TextNormalizer.fold(text) {
            guard let family = RepeatContactRule.families[word] else { continue }
            if broadFamilies.contains(family) {
                broad = broad ?? family
            } else {
                return family
            }
        }
        return broad
    }

    static let broadFamilies: Set<String> = ["order", "account"]

    /// The bot's `prior_contacts` merged with the stored contacts of the same customer before `now` and within
    /// `windowDays`, excluding conversation `current` itself (its reopens count). Per topic and day, the larger
    /// of the two counts is kept: the bot and the store often describe the same earlier conversations.
    /// Only conversations started before `before` count (the current conversation's first message, or now), and reopens
    /// before `now`.
    public static func priorContacts(bot: [PriorContact], stored: [CustomerContact], current: String, customerID: String,
                                     before: Date, now: Date, windowDays: Int) -> [PriorContact] {
        var storedCounts: [Bucket: Int] = [:]
        for contact in stored where contact.customerID == customerID && contact.at < (contact.kind == .reopen ? now : before) {
            if contact.kind == .conversation, contact.conversationID == current { continue }
            guard let topic = contact.topic else { continue }
            let days = Int(now.timeIntervalSince(contact.at) / 86_400)
            guard days <= windowDays else { continue }
            storedCounts[Bucket(topic: topic, daysAgo: days), default: 0] += 1
        }
        guard !storedCounts.isEmpty else { return bot }
        var botCounts: [Bucket: Int] = [:]
        for contact in bot {
            botCounts[Bucket(topic: TextNormalizer.fold(contact.topic).joined(separator: " "), daysAgo: contact.daysAgo), default: 0] += 1
        }
        var merged = bot
        for (bucket, count) in storedCounts.sorted(by: { ($0.key.daysAgo, $0.key.topic) < ($1.key.daysAgo, $1.key.topic) }) {
            let missing = count - (botCounts[bucket] ?? 0)
            if missing > 0 {
                merged += Array(repeating: PriorContact(topic: bucket.topic, daysAgo: bucket.daysAgo), count: missing)
            }
        }
        return merged
    }

    /// The customer with `priorContacts` merged from the store (see `priorContacts(bot:stored:...)`).
    public static func enriched(_ conversation: Conversation, stored: [CustomerContact], now: Date, windowDays: Int) -> Conversation {
        var conversation = conversation
        conversation.customer.priorContacts = priorContacts(bot: conversation.customer.priorContacts, stored: stored,
                                                            current: conversation.id, customerID: conversation.customer.id,
                                                            before: min(conversation.messages.first?.at ?? now, now), now: now,
                                                            windowDays: windowDays)
        return conversation
    }

    /// The share of contacts at or after `since` that repeat an earlier contact of the same customer on the same
    /// topic within `windowDays`; nil when there was no contact in the period. `contacts` should reach back
    /// `windowDays` before `since`, so that the earliest contacts of the period find theirs.
    public static func repeatRate(_ contacts: [CustomerContact], since: Date, windowDays: Int) -> (rate: Double, repeats: Int, contacts: Int)? {
        let window = Double(windowDays) * 86_400
        var byCustomer: [String: [CustomerContact]] = [:]
        for contact in contacts { byCustomer[contact.customerID, default: []].append(contact) }
        var total = 0
        var repeats = 0
        for (_, list) in byCustomer {
            let sorted = list.sorted { $0.at < $1.at }
            for (index, contact) in sorted.enumerated() where contact.at >= since {
                total += 1
                guard let topic = contact.topic else { continue }
                let earlier = sorted[..<index].contains { other in
                    other.topic == topic && contact.at.timeIntervalSince(other.at) <= window
                }
                if earlier { repeats += 1 }
            }
        }
        guard total > 0 else { return nil }
        return (Double(repeats) / Double(total), repeats, total)
    }

    /// The conversations of one batch as contacts of their customers, so that several conversations of one
    /// customer arriving together count each other.
    public static func contacts(in conversations: [Conversation], now: Date) -> [CustomerContact] {
        conversations.map { conversation in
            CustomerContact(conversationID: conversation.id, customerID: conversation.customer.id,
                            at: conversation.messages.first?.at ?? now,
                            openingText: conversation.messages.filter { $0.role == .customer }.prefix(3).map(\.text).joined(separator: " "))
        }
    }

    private struct Bucket: Hashable {
        var topic: String
        var daysAgo: Int
    }
}

extension ContactHistory {
    /// Repeat contacts in `[from, to)` by topic: contacts that repeat an earlier contact of the same customer on
    /// the same topic within `windowDays` (as `repeatRate` counts them).
    public static func repeatsByTopic(_ contacts: [CustomerContact], from: Date, to: Date, windowDays: Int) -> [String: Int] {
        let window = Double(windowDays) * 86_400
        var result: [String: Int] = [:]
        for list in Dictionary(grouping: contacts, by: \.customerID).values {
            let sorted = list.sorted { $0.at < $1.at }
            for (index, contact) in sorted.enumerated() where contact.at >= from && contact.at < to {
                guard let topic = contact.topic else { continue }
                if sorted[..<index].contains(where: { $0.topic == topic && contact.at.timeIntervalSince($0.at) <= window }) {
                    result[topic, default: 0] += 1
                }
            }
        }
        return result
    }
}
