/// Tells when a customer had to repeat themselves after a human claimed the thread: a message after the claim
/// that asks again what they asked before the handoff, or that says so ("I already told you").
///
/// It uses the words of the in-conversation detector (`RepeatedQuestion`, in Sentiment): content words are the
/// lexicon's non-function words of three or more letters, numbers left out; two messages match when the smaller
/// has at least three content words and at least 60 % of them (and at least two) come back in the other.
public enum RepeatAfterClaim {
    /// The first message after the claim that repeats one from before the handoff, with the one it repeats (nil
    /// when the customer said they were repeating themselves).
    public static func first(after: [String], before: [String]) -> (later: String, earlier: String?)? {
        let earlier = before.map { ($0, Set(RepeatedQuestion.contentWords(TextNormalizer.normalize($0)))) }
        for message in after {
            let text = TextNormalizer.normalize(message)
            if RepeatedQuestion.complaints.firstMatch(in: text) != nil { return (message, nil) }
            let words = Set(RepeatedQuestion.contentWords(text))
            if let match = earlier.first(where: { matches(words, $0.1) }) { return (message, match.0) }
        }
        return nil
    }

    /// Whether `later` repeats `earlier` (or complains of having to).
    public static func repeats(_ later: String, _ earlier: String) -> Bool {
        first(after: [later], before: [earlier]) != nil
    }

    static func matches(_ a: Set<Int>, _ b: Set<Int>) -> Bool {
        let smaller = min(a.count, b.count)
        guard smaller >= 3 else { return false }
        let shared = a.intersection(b).count
        return shared >= 2 && shared * 5 >= smaller * 3
    }
}
