/// What the escalation engine reads of a message: all of it, or its head and tail when it is long.
///
/// Customers state what they want at the start and often repeat it at the end; the middle of a pasted log
/// or a ten-page letter adds nothing a rule could act on, and reading it would let one message hold the
/// store for seconds. The head and tail are joined by a line break, so no phrase is matched across the cut.
public enum EngineText {
    public static func evaluated(_ text: String, config: EngineConfig) -> String {
        evaluated(text, head: config.evaluateHead, tail: config.evaluateTail)
    }

    /// `text` when it has at most `head + tail` Unicode scalars, else its first `head` and last `tail`.
    public static func evaluated(_ text: String, head: Int, tail: Int) -> String {
        let scalars = text.unicodeScalars
        // Byte count bounds the scalar count from above: most messages are decided without counting.
        let limit = max(0, head) + max(0, tail)
        guard text.utf8.count > limit else { return text }
        var headEnd = scalars.startIndex
        var counted = 0
        while counted < head, headEnd != scalars.endIndex {
            scalars.formIndex(after: &headEnd)
            counted += 1
        }
        var tailStart = scalars.endIndex
        counted = 0
        while counted < tail, tailStart > headEnd {
            scalars.formIndex(before: &tailStart)
            counted += 1
        }
        guard tailStart > headEnd else { return text }
        var result = String(String.UnicodeScalarView(scalars[..<headEnd]))
        result += "\n"
        result += String(String.UnicodeScalarView(scalars[tailStart...]))
        return result
    }
}
