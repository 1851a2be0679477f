import Foundation
import Testing
import BatonCore

/// Repeat contacts from Baton's own history: topics, merging with the bot's list, the rate.
@Suite struct ContactHistoryTests {
    let now = Date(timeIntervalSince1970: 1_795_255_200)
    func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test func aContactsTopicIsItsTriggersElseTheFamilyOfItsOpeningWords() {
        #expect(CustomerContact(conversationID: "a", customerID: "u", at: now, openingText: "My package is late again").topic == "delivery")
        #expect(CustomerContact(conversationID: "a", customerID: "u", at: now, openingText: "cobraron dos veces mi factura").topic == "billing")
        #expect(CustomerContact(conversationID: "a", customerID: "u", at: now, triggerTopic: "refund", openingText: "package").topic == "refund")
        #expect(CustomerContact(conversationID: "a", customerID: "u", at: now, openingText: "hello there").topic == nil)
    }

    @Test func storedContactsJoinTheBotsWithoutCountingTheSameOneTwice() {
        let stored = [
            CustomerContact(conversationID: "c1", customerID: "u1", at: daysAgo(5.5), openingText: "where is my parcel"),
            CustomerContact(conversationID: "c2", customerID: "u1", at: daysAgo(2.2), openingText: "delivery still not here"),
            CustomerContact(conversationID: "c2", customerID: "u1", kind: .reopen, at: daysAgo(1.5), openingText: "delivery still not here"),
            CustomerContact(conversationID: "old", customerID: "u1", at: daysAgo(45), openingText: "parcel lost"),
            CustomerContact(conversationID: "x", customerID: "u2", at: daysAgo(1), openingText: "parcel lost"),
            CustomerContact(conversationID: "now", customerID: "u1", at: daysAgo(0.1), openingText: "parcel lost"),
            CustomerContact(conversationID: "hi", customerID: "u1", at: daysAgo(1), openingText: "hello"),
        ]
        // The bot already told us about the contact five days ago.
        let bot = [PriorContact(topic: "Delivery", daysAgo: 5)]
        let merged = ContactHistory.priorContacts(bot: bot, stored: stored, current: "now", customerID: "u1",
                                                  before: now, now: now, windowDays: 30)
        #expect(merged == [PriorContact(topic: "Delivery", daysAgo: 5), PriorContact(topic: "delivery", daysAgo: 1),
                           PriorContact(topic: "delivery", daysAgo: 2)])
        // Conversations that started after the current one are not earlier contacts.
        let early = ContactHistory.priorContacts(bot: [], stored: stored, current: "now", customerID: "u1",
                                                 before: daysAgo(3), now: now, windowDays: 30)
        #expect(early == [PriorContact(topic: "delivery", daysAgo: 1), PriorContact(topic: "delivery", daysAgo: 5)])
    }

    @Test func threeStoredConversationsAboutALateDeliveryFireRepeatContact() {
        let stored = [
            CustomerContact(conversationID: "c1", customerID: "u1", at: daysAgo(6), openingText: "My order hasn't been delivered yet"),
            CustomerContact(conversationID: "c2", customerID: "u1", at: daysAgo(3), openingText: "Still no delivery, the package is late"),
        ]
        let conversation = Conversation(id: "c3", customer: Customer(id: "u1", name: "Rosa"), messages: [
            Message(role: .customer, text: "Where is my package? It is very late", at: now),
        ])
        let engine = TriggerEngine(config: EngineConfig())
        #expect(engine.evaluate(conversation).triggers.contains { $0.kind == .repeatContact } == false)
        let enriched = ContactHistory.enriched(conversation, stored: stored, now: now, windowDays: 30)
        let fired = engine.evaluate(enriched).triggers.first { $0.kind == .repeatContact }
        #expect(fired?.topic == "delivery")
        #expect(fired?.message == 0)
    }

    @Test func theRepeatContactRateCountsContactsThatRepeatAnEarlierOneOnTheSameTopic() throws {
        let contacts = [
            CustomerContact(conversationID: "c1", customerID: "u1", at: daysAgo(10), openingText: "parcel late"),
            CustomerContact(conversationID: "c2", customerID: "u1", at: daysAgo(0.5), openingText: "parcel still late"),
            CustomerContact(conversationID: "c2", customerID: "u1", kind: .reopen, at: daysAgo(0.2), openingText: "parcel still late"),
            CustomerContact(conversationID: "c3", customerID: "u1", at: daysAgo(0.4), openingText: "my bill is wrong"),
            CustomerContact(conversationID: "c4", customerID: "u2", at: daysAgo(0.3), openingText: "parcel late"),
            CustomerContact(conversationID: "c5", customerID: "u3", at: daysAgo(40), openingText: "parcel late"),
            CustomerContact(conversationID: "c6", customerID: "u3", at: daysAgo(0.1), openingText: "parcel late"),
        ]
        let rate = try #require(ContactHistory.repeatRate(contacts, since: daysAgo(1), windowDays: 30))
        // In the last day: c2 (repeats c1), its reopen (repeats c2), c3 (new topic), c4 (new customer), c6 (c5 is too old).
        #expect(rate.contacts == 5)
        #expect(rate.repeats == 2)
        #expect(rate.rate == 0.4)
        #expect(ContactHistory.repeatRate([], since: daysAgo(1), windowDays: 30) == nil)
    }
}
