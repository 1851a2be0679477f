import Testing
@testable import BatonCore

@Suite("Explicit request rule")
struct ExplicitRequestRuleTests {
    let rule = ExplicitRequestRule()

    @Test("fires on requests for a human in English, formal and casual", arguments: [
        "agent", "real person pls", "??", "?", "help", "help.", "heeelp", "this is useless", "escalate",
        "I want a supervisor", "let me talk to your manager", "call me", "can you call me back?", "call me a bit later please",
        "I want to speak to a human", "hummmman please", "humna pls", "agnet", "can i talk to a persn",
        "Is there a real person I can talk to?", "connect me with a representative", "get me a live agent",
        "i'd like to speak with someone from your team", "operator", "REPRESENTATIVE", "help me please!!",
        "stop the bot, I need a human", "you are not helping", "put me through to customer service",
        "I need help!!!", "someone help", "please help me",
        "is there someone I can call?", "is there a number I can call", "pls i need sum1 to help me",
        "I need someone to help me with this", "I've been on hold for an hour, can someone actually help me",
        "I need to speak with billing about an error on my invoice", "need this escalated now", "can I speak to your manager?", "schedule a call with your team", "pass me to whoever's in charge", "who do I speak to about my prescription?",
    ])
    func firesInEnglish(_ text: String) {
        let fired = ConversationFixture.evaluate(rule, customerSays: text)
        #expect(fired?.kind == .explicitRequest, "expected a request for a human in \"\(text)\"")
    }

    @Test("a formal complaint hands off as sentiment, named a complaint, in three languages", arguments: [
        "I have got to lodge a consumer complaint, how can I do it?", "I'd like to file a written complaint",
        "I want to complain", "quiero poner una reclamación", "quiero quejarme", "quero fazer uma reclamação",
    ])
    func complaint(_ text: String) {
        let fired = ConversationFixture.evaluate(rule, customerSays: text)
        #expect(fired?.kind == .sentiment && fired?.rule == "sentiment/complaint", "\"\(text)\" → \(fired?.rule ?? "nil")")
        #expect(fired?.reason.hasPrefix("complaint: matched '") == true)
    }

    @Test("fires on requests for a human in Spanish and Portuguese", arguments: [
        ("hablar con humano", "es"), ("me pasas con un ejecutivo", "es"), ("pásame con alguien", "es"),
        ("pasame con alguien por favor", "es"), ("quiero hablar con un asesor", "es"), ("necesito un agente", "es"),
        ("prefiero q me llame un comercial", "es"), ("llámame por favor", "es"), ("atención humana", "es"), ("ayuda!!", "es"),
        ("posso falar com uma pessoa", "pt"), ("quero falar com um atendente", "pt"), ("me liga por favor", "pt"),
        ("atendimento humano", "pt"), ("preciso de um atendente", "pt"), ("socorro", "pt"),
    ])
    func firesInSpanishAndPortuguese(_ text: String, _ language: String) {
        let fired = ConversationFixture.evaluate(rule, customerSays: text, language: language)
        #expect(fired?.kind == .explicitRequest, "expected a request for a human in \"\(text)\"")
        #expect(fired?.rule.hasPrefix("explicit_request/") == true)
    }

    @Test("is not fooled by look-alikes", arguments: [
        "I work in human resources", "is there a human-readable version of the terms?", "my travel agent booked it",
        "call me a taxi to the station", "who sings call me maybe", "llámame un taxi al centro", "call me an uber",
        "can you escalate the priority of my repair?",
        "does your real estate agent network cover Austin?", "can I add another person to the booking?",
        "I need help finding the size chart", "can my partner pick up the order for me?", "thanks, that's all",
        "hello?", "how much is it per person?", "I need help with my order number, where do I find it?",
        "the delivery person left it at the door", "what is the interest rate on savings accounts",
        "how do I activate my new card?", "no worries, thanks!", "I managed to fix it, thanks",
        "I'd rather pay in person", "quiero reservar para 4 personas", "quero uma mesa para duas pessoas",
        "your staff was rude", "I spoke to someone yesterday", "I want to see the agenda for the event",
        "I need to manage my account settings", "Hi, I need help", "necesito ayuda", "preciso de ajuda",
        "the transfer went to the wrong person", "my transfer to the agent's account bounced",
        "can anybody help me find the size chart?",
        // A notification asked for, and praise for people.
        "call me when my parcel is out for delivery", "me liga qdo o pedido sair pra entrega",
        "I want to compliment your staff at Gate 12, especially Luis", "quiero felicitar a la agente de ayer",
        // A call received from someone, told as what happened.
        "I moved the money after a call from your fraud team", "recibi una llamada del equipo de seguridad",
        // The customer's own people, a calendar command, a name.
        "call my manager on her mobile", "quiero hablar con mi supervisor antes de decidir",
        "cancel my 4pm call with the design team", "call me Mr Awesome from now on",
    ])
    func notFooled(_ text: String) {
        let fired = ConversationFixture.evaluate(rule, customerSays: text)
        #expect(fired == nil, "\"\(text)\" fired \(fired?.rule ?? "") \(fired?.reason ?? "")")
    }

    @Test("explains what matched, in the customer's own words")
    func reasonQuotesTheMessage() throws {
        let fired = try #require(ConversationFixture.evaluate(rule, customerSays: "¿Pásame con alguien?", language: "es"))
        #expect(fired.rule == "explicit_request/es")
        #expect(fired.reason == "matched 'Pásame con alguien'")
        #expect(fired.message == 0)
    }

    @Test("ignores AI messages")
    func ignoresAI() {
        let conversation = ConversationFixture.conversation([
            ConversationFixture.said("hi"), ConversationFixture.ai("Do you want to talk to an agent?", confidence: 0.9),
        ])
        #expect(ConversationFixture.evaluate(rule, conversation) == nil)
    }
}
