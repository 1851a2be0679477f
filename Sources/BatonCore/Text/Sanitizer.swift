/// Makes untrusted text (anything a customer, bot or database supplies) safe to put on a terminal.
///
/// Applied once, where store data becomes view models. Every C0 and C1 control, DEL and ESC is
/// replaced by a visible stand-in, so no escape sequence (CSI, OSC — clipboard via OSC 52, window
/// title —, DCS) can survive: without its ESC or C1 introducer a sequence is just printable text.
/// Bidi overrides, embeddings, isolates and marks are shown as `<U+202E>` so they cannot reorder
/// what the agent reads. Other invisible format characters (zero-width spaces and non-joiners, word
/// joiners, soft hyphens, the BOM) are dropped, except the joiner and tags inside emoji sequences.
/// Floods of combining marks are capped so one cluster cannot smear a line.
public enum Sanitizer {
    /// Zero-width scalars kept in a row (enough for tag-sequence flags); the rest are dropped.
    public static let maxMarksPerCluster = 8

    /// One display line: tabs, newlines and other separators become single spaces.
    public static func line(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var lastWasSpace = false
        var marks = 0
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) || scalar == "\t" {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
                marks = 0
                continue
            }
            lastWasSpace = false
            append(scalar, to: &output, marks: &marks)
        }
        return String(output)
    }

    /// Multi-line text (a transcript message): one sanitized line per paragraph of the input.
    public static func paragraphs(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var marks = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                // CR LF is one break, not two.
                if !(scalar == "\n" && previousWasCR) {
                    lines.append(String(current))
                    current = String.UnicodeScalarView()
                }
                previousWasCR = scalar == "\r"
                marks = 0
                continue
            }
            previousWasCR = false
            if scalar == "\t" {
                current.append(contentsOf: "    ".unicodeScalars)
                continue
            }
            append(scalar, to: &current, marks: &marks)
        }
        lines.append(String(current))
        return lines
    }

    /// The scalars in `text` a terminal would act on or that reorder or hide text: C0 and C1 controls, DEL,
    /// bidi controls and other format characters (zero-width spaces, joiners outside emoji, soft hyphens).
    /// Sanitized text has none; tests and fuzzers check output with this.
    public static func unsafeScalars(in text: String) -> [Unicode.Scalar] {
        var previous: Unicode.Scalar?
        var unsafe: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value) {
                unsafe.append(scalar)
            } else if scalar.properties.generalCategory == .format, !keptFormat(scalar, after: previous) {
                unsafe.append(scalar)
            }
            previous = scalar
        }
        return unsafe
    }

    private static func isBidiControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The format characters emoji need: a zero-width joiner after an emoji or its modifiers
    /// (👩‍💻), and tag characters after a black flag or another tag (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
    private static func keptFormat(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        switch scalar.value {
        case 0x200D:
            return (TextWidth.isEmojiCapable(previous) && previous.properties.generalCategory != .format)
                || previous.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(previous.value)
        case 0xE0020...0xE007F:
            return previous.value == 0x1F3F4 || (0xE0020...0xE007F).contains(previous.value)
        default:
            return false
        }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView, marks: inout Int) {
        let value = scalar.value
        switch value {
        case 0x1B:
            output.append("␛")
        case 0x00..<0x20:
            // Control Pictures: U+2400 + code, e.g. BEL → ␇.
            output.append(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            output.append("␡")
        case 0x80..<0xA0:
            output.append(contentsOf: visibleCode(value).unicodeScalars)
        case _ where isBidiControl(value):
            output.append(contentsOf: visibleCode(value).unicodeScalars)
        case _ where value >= 0xA0 && scalar.properties.generalCategory == .format:
            // Invisible, and useless on a terminal: dropped, but for what emoji sequences need.
            if keptFormat(scalar, after: output.last) { output.append(scalar) }
        default:
            // Zero-width scalars (marks, selectors) in a row are capped; any visible scalar starts a new
            // count, so emoji ZWJ and tag sequences stay whole.
            if TextWidth.width(of: scalar) == 0 {
                marks += 1
                if marks > maxMarksPerCluster { return }
            } else {
                marks = 0
            }
            output.append(scalar)
        }
    }

    private static func visibleCode(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
