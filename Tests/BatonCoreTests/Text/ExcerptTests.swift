import Testing
@testable import BatonCore

@Suite("Text excerpts")
struct ExcerptTests {
    /// What `excerpt` returned before its ASCII path: the original span, control and format characters
    /// dropped, cut at `maxLength` scalars with an ellipsis.
    static func reference(_ text: String, tokens range: Range<Int>, maxLength: Int) -> String {
        let fold = TextNormalizer.fold(text)
        guard !range.isEmpty, range.lowerBound < fold.count else { return "" }
        var spans: [Range<Int>] = []
        _ = TextNormalizer.scan(text) { _, _, span in spans.append(span) }
        let start = spans[range.lowerBound].lowerBound
        let end = spans[min(range.upperBound, spans.count) - 1].upperBound
        let original = String(decoding: Array(text.utf8)[start..<end], as: UTF8.self)
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in original.unicodeScalars {
            if TextNormalizer.isControlOrFormat(scalar) { continue }
            if count >= maxLength { result.append("…"); break }
            result.append(scalar)
            count += 1
        }
        return String(result)
    }

    static let texts = [
        "I want to talk to a human right now please", "short", "tab\there and\u{7}bell", "del\u{7F}ete me",
        "¿me pásas con un ejecutivo?", "line one\nline two", "emoji 😡 inside", "bidi \u{202E}evil\u{202C} text",
        String(repeating: "word ", count: 60), String(repeating: "ñandú ", count: 40),
    ]

    @Test("cuts and cleans exactly as the scalar-by-scalar excerpt did")
    func matchesReference() {
        for text in Self.texts {
            let count = TextNormalizer.fold(text).count
            for lower in 0...count {
                for upper in lower...(count + 2) {
                    for maxLength in [0, 1, 5, 12, 80, 400] {
                        #expect(TextNormalizer.excerpt(of: text, tokens: lower..<upper, maxLength: maxLength)
                                == Self.reference(text, tokens: lower..<upper, maxLength: maxLength),
                                "\(text) \(lower)..<\(upper) max \(maxLength)")
                    }
                }
            }
        }
    }
}
