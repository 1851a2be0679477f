import Testing
@testable import BatonCore

@Suite("Policy topic rule")
struct PolicyTopicRuleTests {
    let rule = PolicyTopicRule()
    typealias F = ConversationFixture

    @Test("recognises each group by meaning, in three languages", arguments: [
        ("I demand a refund", "refund"), ("I'd like my money back", "refund"), ("quiero que me devuelvan mi dinero", "refund"),
        ("quero o reembolso da minha compra", "refund"), ("can I get a reimbursement for the ticket?", "refund"),
        ("there's a charge I don't recognise", "billing_dispute"), ("I was charged twice for one order", "billing_dispute"),
        ("I'm filing a chargeback", "billing_dispute"), ("you billed me after I cancelled", "billing_dispute"),
        ("me cobraron dos veces", "billing_dispute"), ("tem uma cobrança indevida no meu cartão", "billing_dispute"),
        ("I'll be contacting my attorney", "legal"), ("I'm going to sue you", "legal"),
        ("voy a presentar una queja ante Profeco", "legal"), ("vou processar vocês", "legal"),
        ("I'm calling the police", "legal"), ("I'll file a police report", "legal"),
        ("please delete my data", "privacy"), ("erase all personal information you have on me", "privacy"),
        ("this is a GDPR request", "privacy"), ("quiero que borren mis datos personales", "privacy"),
        ("my son swallowed a piece of the toy", "medical"), ("I had an allergic reaction to the cream", "medical"),
        ("la crema me dio una reacción alérgica", "medical"),
        ("my account was compromised", "security"), ("I think I got hacked", "security"), ("is this email phishing?", "security"),
        ("my card was stolen", "security"), ("someone used my card", "security"), ("me robaron la tarjeta", "security"),
        ("my account is locked", "lockout"), ("can't log in, it says my account is blocked", "lockout"),
        ("I'm locked out", "lockout"), ("minha conta está bloqueada", "lockout"),
        ("cancel my subscription", "cancellation"), ("I want to close my account", "cancellation"),
        ("quiero cancelar mi suscripción", "cancellation"), ("quero cancelar minha assinatura", "cancellation"),
        ("the charger caught fire", "medical"), ("send me a copy of all data you hold about me", "privacy"),
        ("why was I charged a fee? I want it reversed", "refund"), ("fui roubado, levaram meu cartão", "security"),
        // Banking support, said the way customers say it.
        ("I see a charge from a store I've never been to", "billing_dispute"), ("the ATM gave me less money than I asked for", "billing_dispute"),
        ("my card got declined and I was charged a fee anyway", "billing_dispute"),
        ("someone withdrew cash from my account and it wasn't me", "security"), ("my son used my card without permission", "security"),
        ("quiero cancelar mi tarjeta, me la robaron", "security"), ("I got a text asking for my card number, was that really you?", "security"),
        ("I haven't received my new card, I think someone else got it", "security"),
        ("I forgot my passcode and can't get into the app", "lockout"), ("sigo sin poder entrar a mi cuenta", "lockout"),
        ("I reset it and still can't log in", "lockout"), ("ainda não consigo entrar na conta", "lockout"),
        ("ya no puedo entrar a mi cuenta", "lockout"), ("can't access my money", "lockout"),
        ("abrí el link y me sacaron 3 mil pesos", "security"), ("foram transferidos 500 reais da minha conta", "security"),
        ("mudaram o email da minha conta", "security"), ("me cambiaron la contraseña y no fui yo", "security"),
        ("nunca contratei esses serviços, quero contestar essa cobrança", "billing_dispute"),
        ("quiero disputar este cargo", "billing_dispute"), ("no voy a pagar eso, quítenlo de la factura", "billing_dispute"),
        ("não vou pagar isso", "billing_dispute"), ("I'm not paying that, take it off", "billing_dispute"),
        ("I paid on time, remove the fee", "billing_dispute"), ("I want all three payments back", "refund"),
        ("me han robado el móvil, necesito bloquear la sim", "security"), ("my mobile was stolen last night", "security"),
        ("there's a wrong charge on my bill", "billing_dispute"),
        ("stomach pains since taking the new tablets", "medical"), ("people can see my address in the shared list", "privacy"),
        ("please close down our team workspace", "cancellation"), ("couldn't find my credit card this morning", "security"),
        ("I left my card somewhere in town", "security"), ("gave my card details to a sketchy shop online", "security"),
        ("we never ordered anything from that company", "billing_dispute"), ("the cash machine kept half of the money", "billing_dispute"),
        ("el cajero no entregó el dinero y me lo descontó", "billing_dispute"), ("the amount is wrong, I'm not paying", "billing_dispute"),
        ("I'm going to report you to the financial ombudsman", "legal"), ("I still haven't got my refund, thanks", "refund"),
        ("can you help me file a claim against your company", "legal"), ("I think someone has access to my account", "security"),
        ("I got a login alert from another country", "security"), ("my card was swallowed by the ATM", "lockout"),
        ("I was charged a foreign transaction fee I never agreed to", "billing_dispute"),
        ("please stop billing me, I cancelled last month", "billing_dispute"),
        ("I'm having chest pains after taking the supplement you sold me", "medical"),
        ("I need assistance deleting my account", "cancellation"), ("I want help to cancel purchase 55123", "cancellation"),
        ("quiero cancelar mi pedido", "cancellation"),
        ("necesito que me devuelvan el cargo de la suscripción que no pedí", "billing_dispute"),
        ("me están cobrando una comisión que nadie me explicó", "billing_dispute"),
        ("me cobraron el seguro sin autorización", "billing_dispute"), ("i never authorised this direct debit", "billing_dispute"),
        ("there are 3 transactions on my statement I didn't do", "billing_dispute"),
        ("alguien hizo compras con mi tarjeta en otro país", "security"), ("someone's been using my netflix account", "security"),
        ("hice una transferencia por error, ¿pueden revertirla?", "refund"), ("I sent the payment to the wrong account", "refund"),
        ("vou abrir uma reclamação no procon", "legal"),
        // General support: telecoms, travel, shops.
        ("you cut off my phone line without warning", "billing_dispute"), ("me cortaron el servicio sin avisar", "billing_dispute"),
        ("I was promised a discount on the phone and it's not on my bill", "billing_dispute"),
        ("the hotel charged my card even though I cancelled the booking", "billing_dispute"),
        ("my flight was cancelled and I need compensation", "refund"), ("the seller is refusing to honour the warranty", "refund"),
        ("o produto veio com defeito e a loja não quer trocar", "refund"), ("la aerolínea perdió mi maleta", "refund"),
        ("they denied my warranty claim", "refund"),
        ("the product you sent me is counterfeit", "legal"), ("your driver damaged my car while delivering", "legal"),
        ("I found glass in the jar", "medical"), ("the heater you sold me started smoking", "medical"),
        ("my son ended up in hospital after eating it", "medical"), ("I was injured by the blender blade", "medical"),
        ("I clicked a phishing link and typed my card number", "security"), ("you sold my data to advertisers", "privacy"),
        ("your app leaked my address to other users", "privacy"),
        ("stop sending me emails and delete everything you have on me", "privacy"),
        ("the policy says I get a refund and I still don't have it", "refund"), ("quiero darme de baja de la linea", "cancellation"),
        ("se me bloqueó la cuenta, qué hago?", "lockout"), ("sí, me cobraron dos veces, qué hago?", "billing_dispute"),
        ("se me perdió la tarjeta, qué hago?", "security"), ("extravié mi tarjeta de débito", "security"),
        ("if you can't fix it today, cancel my account", "cancellation"),
        // Eligibility stated, not asked: a case of the policy.
        ("I was told I'm eligible for a refund and it never came", "refund"),
        ("how long do I have to wait, I want my refund now", "refund"),
        // A question with the customer's own case in it is the case.
        ("how do I get a refund for the concert?", "refund"), ("can I get a refund?", "refund"),
        ("puedo pedir un reembolso?", "refund"), ("o reembolso ainda não caiu?", "refund"),
        ("why was the refund not processed?", "refund"), ("quiero un reembolso, es posible?", "refund"),
        ("I was charged twice, can you refund me if I send the receipt?", "billing_dispute"),
        ("find out why you charged me twice", "billing_dispute"),
        ("what is a chargeback? I want one for the payment you took twice", "billing_dispute"),
        ("cancel my subscription", "cancellation"),
        // Incidents in other words.
        ("there's a gas smell in the hallway", "medical"), ("me dieron la dosis equivocada", "medical"),
        ("I broke my wrist on your stairs", "medical"), ("dor no peito desde ontem", "medical"),
        ("my bag was snatched on the bus", "security"), ("I left my card in the cash machine", "security"),
        ("my card has vanished", "security"), ("I can see another customer's address on my order", "privacy"),
        ("I'd like to make a subject access request", "privacy"),
        ("my father passed away and I need to close his account", "cancellation"), ("text from my lawyer: we will sue", "legal"),
    ])
    func fires(_ text: String, _ topic: String) throws {
        let fired = try #require(F.evaluate(rule, customerSays: text), "\"\(text)\" did not fire")
        #expect(fired.topic == topic, "\"\(text)\" → \(fired.topic ?? "nil")")
        #expect(fired.rule == "policy_topic/\(topic)")
    }

    @Test("plain questions are not policy matters", arguments: [
        "how do I update my card?", "my bill is wrong", "what's the return window?", "what is your refund policy?",
        "what is the interest rate on savings accounts", "how do I activate my new card?", "can I change my password?",
        "is the pharmacy open?", "the update is sick", "I need help finding the size chart", "how do I cancel my order?",
        "is there an extra charge for delivery?", "I'm not going to sue anyone, just asking", "Sue from your team helped me",
        "this new phone is fire", "can I reverse the order of my playlist?", "levaram meu pedido ontem?",
        "I got my refund, thanks", "recebi o reembolso, obrigado", "how do I reset my password", "qual é o limite de saque?",
        "can I cancel an order after it ships?", "is there a fee for using the card abroad?", "my back pain is gone, thanks to the chair", "my stomach pain is gone since I started the diet plan",
        "I logged into the wrong account by accident", "I found a bug in your app", "my laptop keeps overheating, any tips?",
        "will I be charged after I cancel?", "if I return it will I get my money back?", "I lost my package tracking number",
        "is this product genuine?", "how long does a refund usually take to show up?", "does the jar contain glass or plastic?", "el sistema no acepta cambiar la fecha", "how do I make a transfer to another person?", "no voy a necesitar abogado",
        "book me a taxi to the hospital for my check-up", "what's your policy if someone gets injured on the premises?",
        "where can I report phishing messages?", "do you share my data with partners?", "what happens if someone hacks my account?",
        "what's the difference between a refund and store credit?", "¿cuánto tarda el reembolso a la tarjeta?",
        "quanto tempo demora o estorno?", "is there a fee to close my savings account?",
        // The policy named before the topic ("la política de reembolso"), and mailing lists left, not accounts.
        "qual a politica de reembolso?", "cual es la politica de reembolsos", "where can I read the terms for refunds?",
        "quiero darme de baja del boletin", "cancel my subscription to the newsletter", "quero cancelar a inscrição nos emails promocionais",
        // A question that opens with a supposition, the topic in its second clause.
        "se hackearem minha conta, vocês devolvem o dinheiro?", "if I return it, will I get my money back?",
        "si me roban la tarjeta, me devuelven lo que gasten?", "caso eu cancele, vocês cobram multa?",
        // How the policy works, asked further back in the sentence.
        "how long does it usually take to get a refund once you receive the return?",
        "in which cases can I ask for a refund", "under what conditions do you give refunds?",
        "am I eligible for a refund if the flight is delayed 2 hours?", "en qué casos puedo pedir un reembolso?",
        "em que casos posso pedir reembolso?", "cuanto tiempo tarda normalmente en llegar un reembolso despues de devolver?",
        // Refunds, charges and cancelling asked about in general, nobody's own case.
        "do you offer refunds on annual subscriptions", "are refunds possible on sale items?",
        "do refunds go back to the original payment method?", "los reembolsos vuelven a la tarjeta?",
        "o reembolso volta pro cartao?", "can subscriptions be cancelled online?",
        // One sentence asking what would happen under a condition.
        "do you refund delivery charges if I send something back", "do I get compensation if my train is late",
        "can I get a refund on a digital game if I haven't downloaded it yet",
        "what's the process for disputing a charge, in general",
        // Commands to an assistant.
        "email my lawyer about the meeting tomorrow", "find a lawyer near me", "remind me to ask for a refund on the shoes",
        "me lembra de pedir o reembolso do tenis", "recuérdame cancelar la suscripción del gimnasio",
        // Look-alikes of the new incident wordings.
        // What a word means, asked; a newsletter inside the words that match.
        "what does GDPR stand for?", "define litigation", "whats a chargeback", "explain what identity theft is",
        "¿qué significa fraude?", "o que é LGPD?", "how do I cancel my newsletter subscription",
        "my phone is broken", "what do I do if I smell gas?", "¿qué debo hacer si un día huele a gas en casa?",
        "o que faço se sentir cheiro de gás?", "I ordered the wrong size", "my bag arrived damaged",
        // Trouble logging in, nothing blocked yet: a password reset is the AI's to offer first.
        "I can't log into the app", "no puedo entrar a mi cuenta", "não consigo entrar no app do banco",
        "I can't sign in to my account", "cambiaron el horario de atención?", "mudaram o endereço da loja?",
        "I'm not paying that much for a phone case lol", "not paying for shipping, I'll pick it up",
        "can you take it off the shelf for me?", "no voy a pagar en efectivo", "how do I get my deposit back after the lease ends?",
        "I can't find my card's CVV", "can people see my profile picture?", "close the app and open it again?",
        "wrong size, I'm not paying for return shipping am I?",
    ])
    func doesNotFire(_ text: String) {
        let fired = F.evaluate(rule, customerSays: text)
        #expect(fired == nil, "\"\(text)\" fired \(fired?.rule ?? "")")
    }

    @Test("config phrases add to a group")
    func configPhrases() throws {
        var config = EngineConfig()
        config.topics = config.topics.map { topic in
            var topic = topic
            if topic.name == "refund" { topic.phrases = ["store credit", "", "?!", "@refund|*"] }
            return topic
        }
        config.topics.append(PolicyTopic(name: "recall", queue: "safety", urgency: .high, phrases: ["product recall"]))
        let rule = PolicyTopicRule(config: config)
        let credit = try #require(F.evaluate(rule, F.customer(["can I have store credit instead?"]), config: config))
        #expect(credit.topic == "refund")
        let recall = try #require(F.evaluate(rule, F.customer(["is my stroller part of the product recall?"]), config: config))
        #expect(recall.topic == "recall")
        #expect(recall.rule == "policy_topic/recall/config")
        #expect(F.evaluate(rule, F.customer(["what are your opening hours?"]), config: config) == nil)
    }

    @Test("a group missing from the config does not fire")
    func onlyConfiguredGroups() {
        var config = EngineConfig()
        config.topics.removeAll { $0.name == "cancellation" }
        #expect(F.evaluate(PolicyTopicRule(config: config), F.customer(["cancel my subscription"]), config: config) == nil)
    }
}
