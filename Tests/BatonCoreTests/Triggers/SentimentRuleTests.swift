import Testing
@testable import BatonCore

@Suite("Sentiment rule")
struct SentimentRuleTests {
    let rule = SentimentRule()
    typealias F = ConversationFixture

    @Test("one strongly negative message fires", arguments: [
        "this is terrible", "your app is garbage", "horrible experience", "I've been waiting 3 weeks, this is unacceptable",
        "esto es una burla", "que absurdo, ninguém me responde", "worst service ever 😡", "pésimo",
        "i've asked three times already!!!", "I told you twice already", "ya te dije tres veces", "já falei duas vezes",
        "third time I'm writing about this", "my internet has been down for 3 days and nobody has fixed it",
    ])
    func strong(_ text: String) throws {
        let fired = try #require(F.evaluate(rule, customerSays: text))
        #expect(fired.rule == "sentiment/strong")
    }

    @Test("strong words about the weather, the traffic or a film are small talk", arguments: [
        "the weather is awful today, will it clear up by noon", "traffic is a total nightmare, how long to the station",
        "that movie was so bad it was horrible", "worst film I've seen all year, what else is on tonight",
        "this rain is horrible, do I need an umbrella tomorrow", "el trafico esta horrible, cuanto tardo al aeropuerto",
        "que pelicula tan pesima, recomiendame otra", "essa chuva ta horrivel, vai parar hoje?",
    ])
    func smallTalk(_ text: String) {
        #expect(F.evaluate(rule, customerSays: text) == nil, "\"\(text)\"")
    }

    @Test("the same words about the business, its service or a wait still fire", arguments: [
        "your delivery in this weather was horrible, the parcel is soaked", "the traffic excuse again? your driver is terrible",
        "your film streaming is garbage, it freezes every minute", "worst service ever, the rain got into my order",
        "another week, another power cut, this is terrible", "estoy harta, otra semana sin internet, pesimo servicio",
    ])
    func aboutTheBusiness(_ text: String) throws {
        let fired = try #require(F.evaluate(rule, customerSays: text), "\"\(text)\"")
        #expect(fired.kind == .sentiment)
    }

    @Test("anger in capitals fires")
    func caps() throws {
        let fired = try #require(F.evaluate(rule, customerSays: "WHY IS NOBODY ANSWERING ME??"))
        #expect(fired.kind == .sentiment)
        #expect(F.evaluate(rule, customerSays: "WHERE IS MY ORDER!!")?.rule == "sentiment/caps")
        #expect(F.evaluate(rule, customerSays: "HI I WOULD LIKE TO KNOW THE PRICE OF THE BLUE SHIRT") == nil)
    }

    @Test("two short negative messages in a row fire on the second")
    func twoInARow() throws {
        let conversation = F.customer(["still broken", "not happy"])
        let fired = try #require(F.evaluate(rule, conversation))
        #expect(fired.rule == "sentiment/consecutive")
        #expect(F.evaluate(rule, F.customer(["not happy"])) == nil)
    }

    @Test("asking the same question again in other words fires")
    func repeatedQuestion() throws {
        let conversation = F.conversation([
            F.said("my printer won't connect to the wifi"), F.ai("Restart the router.", confidence: 0.8),
            F.said("the printer still won't connect to wifi"),
        ])
        let fired = try #require(F.evaluate(rule, conversation))
        #expect(fired.rule == "sentiment/repeated_question")
    }

    @Test("complaining that the AI repeats itself fires", arguments: [
        "you keep saying the same thing", "you already said that", "we're going in circles", "ya te dije eso",
        "você já disse isso", "this is the 4th time I'm contacting you about the same issue",
        "es la tercera vez que escribo",
    ])
    func repetitionComplaint(_ text: String) throws {
        let fired = try #require(F.evaluate(rule, customerSays: text))
        #expect(fired.rule == "sentiment/repetition")
    }

    @Test("a sudden rant after calm messages fires")
    func rant() throws {
        let conversation = F.customer([
            "hi, question about my order",
            "honestly the delivery was late, the box was damaged, the product is broken, support is slow and confusing and I keep getting ignored by everyone here",
        ])
        let fired = try #require(F.evaluate(rule, conversation))
        #expect(fired.kind == .sentiment)
    }

    @Test("calm, positive and idiomatic messages do not fire", arguments: [
        "I asked about the times for saturday", "three times a day?", "give me a second I need to check",
        "no worries, thanks!", "thanks, that's all", "the update is sick, love it", "I could kill for a coffee, do you sell beans?",
        "this deal is killer", "my bill is wrong", "no", "k", "sent it", "ya lo mandé", "hmm",
        "what is the interest rate on savings accounts", "I'm dying to try the new menu", "tell me a joke",
        "I hate to bother you but where is my parcel?", "stupid question, but how do I log in?",
        "I have poor signal at home", "¿te molesta si pregunto algo?", "I get a fatal error when opening the app",
        "Bravo, great job", "o pacote chegou com um golpe na caixa", "quanto demora a entrega?",
    ])
    func calm(_ text: String) {
        let fired = F.evaluate(rule, customerSays: text)
        #expect(fired == nil, "\"\(text)\" fired \(fired?.reason ?? "")")
    }

    @Test("describing a problem is not anger")
    func problemDescription() {
        #expect(F.evaluate(rule, F.customer(["I have a problem with my order", "it arrived late"])) == nil)
        #expect(F.evaluate(rule, customerSays: "my order was delayed, the box arrived damaged and one item is missing") == nil)
        #expect(F.evaluate(rule, customerSays: "this is not acceptable")?.rule == "sentiment/strong")
        #expect(F.evaluate(rule, customerSays: "very bad service")?.rule == "sentiment/strong")
        // Naming an incident is the policy topic's to report; a feeling beside it is still anger.
        #expect(F.evaluate(rule, customerSays: "I was scammed by someone pretending to be from your bank") == nil)
        #expect(F.evaluate(rule, customerSays: "got locked out after too many wrong passcode attempts") == nil)
        #expect(F.evaluate(rule, customerSays: "I got scammed and your support is terrible")?.rule == "sentiment/strong")
        #expect(F.evaluate(rule, customerSays: "this is so wrong")?.rule == "sentiment/strong")
    }

    @Test("a short question asked again fires, unless it is about something else")
    func shortRepeat() throws {
        let again = F.conversation([
            F.said("order 5541 status?"), F.ai("It ships soon.", confidence: 0.8), F.said("order status??"),
        ])
        #expect(F.evaluate(rule, again)?.rule == "sentiment/repeated_question")
        let other = F.conversation([
            F.said("order 5541 status?"), F.ai("It ships Monday.", confidence: 0.8), F.said("and order 5542 status?"),
        ])
        #expect(F.evaluate(rule, other) == nil)
    }

    @Test("answering the AI's clarifying question is not a repeat")
    func clarification() {
        let conversation = F.conversation([
            F.said("what size is the blue jacket?"), F.ai("Which blue jacket? We have two.", confidence: 0.8),
            F.said("the blue jacket with the hood"),
        ])
        #expect(F.evaluate(rule, conversation) == nil)
    }

    @Test("a follow-up question on another topic is not a repeat")
    func followUpIsNotRepeat() {
        let conversation = F.conversation([
            F.said("what time does the store open on sunday?"), F.ai("At 10am.", confidence: 0.9),
            F.said("and does the store have parking?"),
        ])
        #expect(F.evaluate(rule, conversation) == nil)
    }
}
