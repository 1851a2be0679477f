/// A message the customer dictates for someone else, as to a phone's assistant: "send a message to Dave saying
/// did you ever get a refund", "text mum that I lost my keys", "manda mensagem pro Pedro dizendo que já cheguei",
/// "mándale un mensaje a Ana que llego tarde". What it says is not said to us, so no rule or model label fires
/// on it. A message for our own people ("send a message to your manager saying I want a refund") is not one.
public enum RelayedMessage {
    /// Whether `text` opens by dictating a message to someone other than us, or by waking a phone's assistant
    /// ("hey Siri, call the vet", "Alexa, cancel my order", "ok Google…").
    public static func isDictated(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard words.count >= 3 else { return false }
        if wakeWords.contains(words[0]) || (words[0] == "hey" || words[0] == "ok" || words[0] == "oye" || words[0] == "ei")
            && wakeWords.contains(words[1]) { return true }
        var position = 0
        if politeOpeners.contains(words[0]) { position = 1 }
        guard position < words.count else { return false }
        let verb = words[position]
        if directVerbs.contains(verb) {
            // "text Dave that…", "whatsapp mum saying…"; "text from my bank" and "message was sent" are nouns.
            return recipientIsNotUs(text, at: position + 1)
        }
        guard sendVerbs.contains(verb) else { return false }
        // "send a message to…", "manda uma mensagem pro…", "mándale un whatsapp a…": the medium within three
        // words, then "to", "a", "pro", "para".
        var index = position + 1
        var sawMedium = false
        while index < min(words.count, position + 5) {
            if media.contains(words[index]) { sawMedium = true }
            else if sawMedium && toWords.contains(words[index]) { return recipientIsNotUs(text, at: index + 1) }
            index += 1
        }
        return false
    }

    /// Whether the recipient starting at `position` is a person of the customer's (a name, mum, a friend),
    /// not us, our staff or the customer themselves.
    private static func recipientIsNotUs(_ text: NormalizedText, at position: Int) -> Bool {
        var index = position
        while index < text.count && determiners.contains(text.words[index]) { index += 1 }
        guard index < text.count else { return false }
        let word = text.words[index]
        if notRecipients.contains(word) || text.has([.humanStrong, .humanWeak, .specialistNoun], at: index) { return false }
        return true
    }

    private static let wakeWords: Set<String> = ["siri", "alexa", "google", "cortana", "bixby"]
    private static let politeOpeners: Set<String> = ["please", "pls", "plz", "porfa", "porfavor", "pfv", "pf"]
    private static let directVerbs: Set<String> = ["text", "whatsapp", "sms", "message", "msg", "textea", "escribele", "escreve"]
    private static let sendVerbs: Set<String> = [
        "send", "manda", "mandale", "mande", "mandar", "envia", "enviale", "envie", "enviar", "escribe", "escreve",
    ]
    private static let media: Set<String> = [
        "message", "messages", "text", "msg", "sms", "whatsapp", "wpp", "zap", "email", "mail", "mensaje", "mensajito",
        "mensagem", "mensagens", "correo",
    ]
    private static let toWords: Set<String> = ["to", "a", "al", "pro", "pra", "para", "ao", "pa"]
    private static let determiners: Set<String> = ["the", "o", "a", "el", "la", "os", "as", "my", "mi", "meu", "minha", "mis", "meus"]
    /// Us, our staff and the customer: a message to them is a request or a note, not a relay.
    private static let notRecipients: Set<String> = [
        "me", "us", "you", "your", "yours", "u", "ur", "su", "sus", "ustedes", "usted", "vos", "seu", "sua", "voces", "vcs",
        "vc", "mim", "nos", "support", "soporte", "suporte", "team", "equipo", "equipe", "customer", "cliente",
        "servicio", "service", "atencion", "atendimento", "myself", "mi", "from", "was", "is", "says", "said",
    ]
}
