import BatonCore
import BatonStore
import Foundation
import Testing
@testable import BatonConsole

/// The bot platform's own fields, kept with the conversation, show in the packet ("from the bot").
@Suite struct BotFieldsPacketTests {
    typealias F = ConsoleFixtures

    @Test func thePacketShowsTheBotsFieldsSanitized() throws {
        let store = try F.store()
        var first = Conversation(id: "t9", customer: Customer(id: "cust-t9", name: "Rui"),
                                 messages: [Message(role: .customer, text: "I was charged twice for order 1182")])
        first.botFields = [BotField(path: "order_ref", value: #""A-123""#), BotField(path: "crm\u{1B}[2J", value: "7")]
        _ = try store.record(first, now: F.t0.addingTimeInterval(-500))
        try F.handoff(store, id: "t9", customer: "Rui")
        let session = try F.session(store)
        let screen = F.screen(session)
        #expect(screen.contains(#"Bot   order_ref: "A-123" · crm␛[2J: 7"#), "\(screen)")
        #expect(!screen.contains("\u{1B}"))
    }
}
