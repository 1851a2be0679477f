/// A text attribute a theme can ask for.
public enum TextAttribute: String, Sendable, CaseIterable, Hashable {
    case bold, dim, reverse, underline
}
