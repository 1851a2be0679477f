import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// Repeat contacts counted from the store's own history, through the dispatcher.
@Suite struct ContactHistoryStoreTests {
    let t0 = StoreFixtures.t0

    func ingest(_ store: SQLiteHandoffStore, _ id: String, _ text: String, daysAgo: Double) throws -> Dispatcher.Outcome {
        let at = t0.addingTimeInterval(-daysAgo * 86_400)
        let conversation = Conversation(id: id, customer: Customer(id: "u1", name: "Rosa", language: "en"),
                                        messages: [Message(role: .customer, text: text, at: at)])
        return try Dispatcher(store: store, config: BatonConfig(), clock: { at }).ingest(.conversation(conversation))
    }

    @Test func threeStoredConversationsAboutALateDeliveryFireRepeatContactAndCountInStats() throws {
        let store = try SQLiteHandoffStore.inMemory()
        #expect(try ingest(store, "c1", "My parcel is late, where is it?", daysAgo: 5) == .keptByAI(threadID: "c1"))
        #expect(try ingest(store, "c2", "Still no delivery of my parcel", daysAgo: 2) == .keptByAI(threadID: "c2"))
        guard case .handedOff = try ingest(store, "c3", "Where is my package? It has not arrived", daysAgo: 0) else {
            Issue.record("the third contact about the delivery should hand off")
            return
        }
        let packet = try #require(try store.thread(id: "c3")?.packet)
        let fired = ([packet.primary] + packet.otherTriggers).first { $0.kind == .repeatContact }
        #expect(fired?.topic == "delivery")
        #expect(packet.profile.priorContacts.count == 2, "the packet shows the stored contacts")
        #expect(try store.conversation(id: "c3")?.customer.priorContacts.isEmpty == true, "what the bot sent is stored as sent")
        // In the last day one contact, and it repeats earlier ones.
        let stats = try Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 }).stats(since: t0.addingTimeInterval(-86_400))
        #expect(stats.repeatContactRate == 1)
        let week = try Dispatcher(store: store, config: BatonConfig(), clock: { [t0] in t0 }).stats(since: t0.addingTimeInterval(-7 * 86_400))
        #expect(abs(week.repeatContactRate - 2.0 / 3.0) < 1e-9)
    }
}
