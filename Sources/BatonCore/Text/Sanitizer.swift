/// Makes untrusted text (anything a customer, bot or database supplies) safe to put on a terminal.
///
/// Applied once, where store data becomes view models. Every C0 and C1 control, DEL and ESC is
/// replaced by a visible stand-in, so no escape sequence (CSI, OSC — clipboard via OSC 52, window
/// title —, DCS) can survive: without its ESC or C1 introducer a sequence is just printable text.
/// Bidi overrides, embeddings, isolates and marks are shown as `<U+202E>` so they cannot reorder
/// what the agent reads. Floods of combining marks are capped so one cluster cannot smear a line.
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
    /// and bidi controls. Sanitized text has none; tests and fuzzers check output with this.
    public static func unsafeScalars(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
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
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            output.append(contentsOf: visibleCode(value).unicodeScalars)
        case 0xFFF9...0xFFFB, 0xFEFF:
            // Interlinear annotation controls and BOM: invisible and useless on a terminal.
            break
        default:
            // Zero-width scalars (marks, joiners, selectors, tags) in a row are capped; any visible
            // scalar starts a new count, so emoji ZWJ and tag sequences stay whole.
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
