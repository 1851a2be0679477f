import BatonCore

/// The AI's suggestions (collaborative mode) as the packet shows them, sanitized.
extension PacketModel {
    public struct SuggestionEntry: Sendable, Equatable {
        /// `reply`, `article` or `fact`.
        public var kind: String
        /// One line: the reply, `title url`, or `name: value`.
        public var text: String
        /// What `A` puts into the composer.
        public var composerText: String
    }

    static func suggestionEntries(_ suggestions: [Suggestion]) -> [SuggestionEntry] {
        suggestions.map { suggestion in
            let text = Sanitizer.line(suggestion.composerText)
            return SuggestionEntry(kind: suggestion.kind.rawValue, text: text, composerText: text)
        }
    }
}
