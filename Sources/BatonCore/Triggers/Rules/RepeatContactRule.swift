/// Fires on the first customer message evaluated when the customer keeps coming back about the
/// same thing: `repeatContactCount` contacts (earlier ones within `repeatContactWindowDays`, plus
/// this one) on one topic.
///
/// The current topic comes from the message: a word of an earlier contact's topic, or a word of
/// the same family (`billing` matches "my bill is wrong", `delivery` matches "where is my
/// package"), or a shared stem of four letters or more. "Again" on its own ("de novo", "otra
/// vez", "same problem") is also enough when `repeatContactCount - 1` earlier contacts in the window are
/// on any single topic.
public struct RepeatContactRule: TriggerRule {
    public let kind = TriggerKind.repeatContact

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard context.firstEvaluatedCustomerMessage == index else { return nil }
        let config = context.config
        let needed = max(1, config.repeatContactCount)
        let recent = context.conversation.customer.priorContacts.filter {
            $0.daysAgo >= 0 && $0.daysAgo <= config.repeatContactWindowDays
        }
        guard recent.count >= needed - 1, needed >= 2 else { return nil }
        // Earlier contacts in the window, per topic (folded), keeping first-seen order.
        var topics: [(topic: String, words: [String], count: Int)] = []
        for contact in recent {
            let words = TextNormalizer.fold(contact.topic)
            let key = words.joined(separator: " ")
            if let existing = topics.firstIndex(where: { $0.topic == key }) {
                topics[existing].count += 1
            } else {
                topics.append((key, words, 1))
            }
        }
        let text = context.texts[index]
        let days = config.repeatContactWindowDays
        for entry in topics where entry.count + 1 >= needed && Self.mentions(text, topic: entry.words) {
            return FiredTrigger(kind: kind, message: index,
                                reason: "\(entry.count) earlier contacts about '\(Self.clean(entry.topic))' in \(days) days, and this one",
                                rule: "repeat_contact/topic", topic: entry.topic)
        }
        if let again = Self.again.firstMatch(in: text),
           let top = topics.max(by: { $0.count < $1.count }), top.count >= needed - 1 {
            return FiredTrigger(kind: kind, message: index,
                                reason: "'\(context.excerpt(message: index, tokens: again.range))' after \(top.count) contacts about '\(Self.clean(top.topic))' in \(days) days",
                                rule: "repeat_contact/again", topic: top.topic)
        }
        return nil
    }

    /// Whether the message is about `topic`: a shared word, a word of the same family, or a shared stem.
    static func mentions(_ text: NormalizedText, topic: [String]) -> Bool {
        for topicWord in topic where topicWord.utf8.count >= 3 {
            let family = families[topicWord]
            for word in text.words {
                if word == topicWord { return true }
                if let family, families[word] == family { return true }
                if sharesStem(word, topicWord) { return true }
            }
        }
        return false
    }

    /// "billing" and "bill", "delivery" and "delivered": one is a prefix of the other, four letters or more.
    static func sharesStem(_ a: String, _ b: String) -> Bool {
        let shorter = a.utf8.count <= b.utf8.count ? a : b
        let longer = a.utf8.count <= b.utf8.count ? b : a
        guard shorter.utf8.count >= 4 else { return false }
        if longer.hasPrefix(shorter) { return true }
        // Common stem of five letters: "delivery" / "delivered".
        var common = 0
        for (x, y) in zip(a.utf8, b.utf8) {
            guard x == y else { break }
            common += 1
        }
        return common >= 5
    }

    static func clean(_ topic: String) -> String { ToolFailureRule.clean(topic, limit: 40) }

    /// Words that name the same kind of problem, so a prior topic matches other wording.
    static let families: [String: String] = {
        let groups: [(String, String)] = [
            ("billing", "bill bills billing billed invoice invoices charge charged charges statement payment payments factura cobro fatura cobranca"),
            ("delivery", "delivery deliveries deliver delivered package parcel shipping shipment shipped courier tracking arrived arrive envio entrega paquete pedido pacote encomenda"),
            ("login", "login log password sign signin access contrasena senha acceso acesso"),
            ("refund", "refund refunds money reembolso estorno dinero dinheiro"),
            ("internet", "internet wifi connection network router conexion conexao red rede"),
            ("order", "order orders ordered pedido pedidos orden"),
            ("account", "account cuenta conta profile perfil"),
            ("card", "card cards tarjeta cartao"),
            ("heating", "heater heating boiler radiator calentador calefaccion aquecedor"),
            ("cooling", "ac aircon conditioner cooling cooler"),
        ]
        var result: [String: String] = [:]
        for (family, words) in groups {
            for word in TextNormalizer.fold(words) { result[word] = family }
        }
        return result
    }()

    static let againEntries: [(String, Void)] = [
        ("again|anew|nuevamente|novamente|otravez", ()), ("once more", ()), ("otra|outra vez", ()),
        ("de nuevo|novo", ()), ("yet another time", ()), ("same problem|issue", ()), ("mismo problema", ()),
        ("mesmo problema", ()),
    ]

    static let again = PhraseSet(againEntries)

    static let lexicon = LexiconSource(phrases: againEntries.map(\.0))
}
