/// The async fallback of a full queue: the hold message offers it ("reply LATER"), and a short answer that
/// chooses it, in English, Spanish or Portuguese, makes the thread a follow-up answered when someone is free.
public enum AsyncFallback {
    /// Whether `text` is the customer choosing to be answered later: "later", "LATER", "later please",
    /// "ok, más tarde", "depois", "mais tarde". A longer message is about something else ("I'll pay later,
    /// but where is my parcel?") and changes nothing.
    public static func isChoice(_ text: String) -> Bool {
        let words = TextNormalizer.fold(text)
        guard !words.isEmpty, words.count <= 5 else { return false }
        let joined = " " + words.joined(separator: " ") + " "
        guard choices.contains(where: { joined.contains(" \($0) ") }) else { return false }
        return words.allSatisfy { word in fillers.contains(word) || choiceWords.contains(word) }
    }

    /// The choice itself, as folded words.
    static let choices = ["later", "mas tarde", "luego", "despues", "depois", "mais tarde", "answer later", "reply later"]
    static let choiceWords: Set<String> = ["later", "mas", "tarde", "luego", "despues", "depois", "mais", "answer", "reply", "me"]
    /// Words around it that do not change the choice.
    static let fillers: Set<String> = ["ok", "okay", "yes", "please", "pls", "thanks", "si", "sim", "por", "favor", "gracias",
                                       "obrigado", "obrigada", "vale", "then", "entonces", "entao", "fine", "bueno", "beleza"]
}
