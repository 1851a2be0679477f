import Testing
@testable import BatonCore

@Suite("Sentiment scorer")
struct SentimentScorerTests {
    let scorer = SentimentScorer()

    @Test("scores stay within -1 and 1", arguments: [
        "", "ok", "WORST WORST WORST TERRIBLE HORRIBLE AWFUL!!!!", "amazing amazing amazing perfect love love",
        "😡😡😡🤬🤬", "👍🙏😊😊😊",
    ])
    func bounded(_ text: String) {
        let score = scorer.score(text)
        #expect(score >= -1 && score <= 1)
    }

    @Test("negation flips the word it governs")
    func negation() {
        #expect(scorer.score("not bad") > 0)
        #expect(scorer.score("bad") < 0)
        #expect(scorer.score("I'm not happy") < -0.25)
        #expect(scorer.score("I'm happy") > 0.25)
        #expect(scorer.score("no estoy contento, no es bueno") < 0)
        #expect(scorer.score("não é bom") < 0)
    }

    @Test("intensifiers and elongation make it stronger")
    func intensity() {
        #expect(scorer.score("very bad") < scorer.score("bad"))
        #expect(scorer.score("sooo bad") < scorer.score("so bad") + 0.001)
        #expect(scorer.score("a bit disappointed") > scorer.score("disappointed"))
    }

    @Test("figures of speech are not taken literally", arguments: [
        "I'm dying to try the new flavour", "this deal is killer", "the update is sick", "the new update is sick, love it",
        "I could kill for a coffee", "no worries, thanks!", "not bad at all", "that new pizza deal is insane", "insane discounts today, nice",
        "el concierto estuvo de puta madre",
    ])
    func idiomsAreNotNegative(_ text: String) {
        #expect(scorer.score(text) >= 0, "\"\(text)\" scored \(scorer.score(text))")
    }

    @Test("negative idioms are negative", arguments: [
        "I'm sick of this", "I'm losing my patience here", "what a waste of time", "thanks for nothing",
        "it still doesn't work", "ninguém me responde", "nadie me ayuda",
        "what the hell", "wth is going on", "I'm very dissatisfied with the service",
        "eso me dijiste hace una hora", "isso me disseram ontem", "are you kidding me rn",
    ])
    func negativeIdioms(_ text: String) {
        #expect(scorer.score(text) < -0.25, "\"\(text)\" scored \(scorer.score(text))")
    }

    @Test("emoji count", arguments: [("😡", false), ("🤬", false), ("👎", false), ("👍", true), ("🙏", true), ("😊", true)])
    func emoji(_ text: String, _ positive: Bool) {
        let score = scorer.score("ok \(text)")
        #expect(positive ? score > 0.2 : score < -0.2, "\(text) scored \(score)")
    }

    @Test("anger in capitals is more negative than the same words in lower case")
    func capitals() {
        #expect(scorer.score("I'M SO ANGRY RIGHT NOW") < scorer.score("i'm so angry right now"))
        #expect(scorer.score("WHERE IS MY ORDER") < 0)
    }

    @Test("Spanish and Portuguese are strongly negative where meant", arguments: [
        "esto es una burla", "que absurdo", "pésimo servicio", "horrível", "es una vergüenza", "que lixo de atendimento",
        "estou muito insatisfeito com o atendimento", "estoy muy insatisfecha con el servicio",
        "pqp, de novo isso", "la re puta madre, no llegó nada", "q mamera con ustedes",
    ])
    func spanishAndPortuguese(_ text: String) {
        #expect(scorer.score(text) <= -0.6, "\"\(text)\" scored \(scorer.score(text))")
    }

    @Test("polite and positive messages are not negative", arguments: [
        "thanks, that's all", "great", "awesome service as always", "you guys are the best", "va, gracias", "valeu!",
        "muito obrigado", "perfecto, gracias", "k", "haha nice", "no thanks", "no thank you, bye", "no, gracias",
    ])
    func positive(_ text: String) {
        #expect(scorer.score(text) >= 0, "\"\(text)\" scored \(scorer.score(text))")
    }

    @Test("what comes before \"but\" weighs half, what comes after keeps its weight")
    func contrast() {
        // A bad moment that ended well is not anger.
        #expect(scorer.score("that level was a nightmare but I finally beat it") > scorer.score("that level was a nightmare"))
        #expect(scorer.score("that level was a nightmare but I finally beat it") > -0.6)
        // Thanks before "but" do not soften what follows.
        #expect(scorer.score("thanks but this is useless") <= scorer.score("this is useless") + 0.2)
        #expect(scorer.score("thanks but this is useless") < 0)
        #expect(scorer.score("el envio fue un desastre pero al final llego bien") > scorer.score("el envio fue un desastre"))
    }

    @Test("exasperated slang and a promise heard before are strongly negative", arguments: [
        "ffs I updated it yesterday", "wtf, second wrong one", "fml", "for god's sake", "no mames", "que saco, de novo",
        "isto é inadmissível", "es el colmo", "me tienen podrido",
    ])
    func slang(_ text: String) {
        #expect(scorer.score(text) <= -0.6, "\"\(text)\" scored \(scorer.score(text))")
    }

    @Test("a promise heard before leans negative, in three languages", arguments: [
        "you said that a week ago", "you told me the same thing yesterday", "me dijeron lo mismo ayer",
        "me falaram isso ontem",
    ])
    func heardBefore(_ text: String) {
        #expect(scorer.score(text) <= -0.4, "\"\(text)\" scored \(scorer.score(text))")
    }

    @Test("laughing at a bad thing halves it; the trash folder is a place")
    func laughterAndPlaces() {
        #expect(scorer.score("this weather is the worst lol") > -0.6)
        #expect(scorer.score("this weather is the worst lol") > scorer.score("this weather is the worst"))
        #expect(scorer.score("how do I restore a deleted file from the trash") > -0.6)
        #expect(scorer.score("your service is trash") <= -0.6)
    }
}
