/// The words one rule contributes to the shared `Lexicon`.
///
/// Strings are written naturally (accents allowed, several words separated by spaces) and folded
/// by `TextNormalizer` when the lexicon is built, so `pásame` and `pasame` are the same entry.
public struct LexiconSource: Sendable {
    /// Space-separated words and the classes they belong to.
    public var classes: [(WordClass, String)]
    /// Space-separated words and their sentiment valence in [-1, 1].
    public var valences: [(Float, String)]
    /// Phrase patterns whose literal words must be known (see `PhraseSet`).
    public var phrases: [String]
    /// Space-separated words (five letters or more) that tolerate one typo: `agnet` is read as `agent`.
    public var typoTolerant: String

    public init(classes: [(WordClass, String)] = [], valences: [(Float, String)] = [], phrases: [String] = [],
                typoTolerant: String = "") {
        self.classes = classes
        self.valences = valences
        self.phrases = phrases
        self.typoTolerant = typoTolerant
    }
}
