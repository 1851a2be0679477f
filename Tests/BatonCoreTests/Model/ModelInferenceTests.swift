import Foundation
import Testing
@testable import BatonCore

/// The fast paths of inference and loading give exactly what the plain definitions give.
@Suite("Model inference and loading")
struct ModelInferenceTests {
    /// FEATURES.md §3 done the obvious way: the distinct rows of the message, their int8 weights summed per
    /// label, scaled by 1/√N, plus the bias.
    static func reference(_ model: EscalationModel, _ text: String) -> [Double] {
        let rows = Set(model.hasher.indices(of: text))
        let count = model.labels.count
        return (0..<count).map { label in
            let sum = rows.reduce(0) { $0 + Int(model.weights[$1 * count + label]) }
            let z = model.biases[label] + model.scales[label] * Double(sum) / Double(rows.count).squareRoot()
            return 1 / (1 + exp(-z))
        }
    }

    @Test("probabilities count each distinct feature row once, as the definition does", arguments: [
        "", "?", "!!!", "hi", "I want to talk to a real person", "hay alguien de carne y hueso?",
        "tem alguma pessoa de verdade ai? 😡😡", String(repeating: "refund ", count: 300),
        String(repeating: "a", count: 5000), String(repeating: "my card was stolen and ", count: 40),
        (0..<200).map { "w\($0)x\($0 * 7)" }.joined(separator: " "), "é\u{301}e\u{301} ß æ œ ł ÑOÑO",
    ])
    func probabilitiesMatchTheDefinition(text: String) {
        let model = EscalationModel.shipped
        let fast = model.probabilities(text)
        let plain = Self.reference(model, text)
        for (a, b) in zip(fast, plain) { #expect(abs(a - b) < 1e-12, "\(text.prefix(40))") }
    }

    @Test("the features of a message are counted from its tokens exactly", arguments: [
        "", "?", "!!!", "hi", "a b c", "I want to talk to a real person", "tem alguma pessoa de verdade ai? 😡😡",
        String(repeating: "refund ", count: 300), String(repeating: "a", count: 5000),
        (0..<200).map { "w\($0)x\($0 * 7)" }.joined(separator: " "), "é\u{301}e\u{301} ß æ œ ł ÑOÑO", "e-mail ab-cd 12-34",
    ])
    func occurrencesCounted(text: String) {
        #expect(FeatureHasher.occurrences(of: text) == EscalationModel.shipped.hasher.forEachFeature(of: text) { _, _ in })
    }

    @Test("the synthetic model scores a repeated cue like a single one")
    func repeatsCountOnce() throws {
        let model = try SyntheticModel.make(cues: ["stolen": (.security, 100)])
        let once = model.probabilities("stolen")
        let many = model.probabilities(Array(repeating: "stolen", count: 50).joined(separator: " "))
        let column = model.labels.firstIndex(of: .security)!
        #expect(once[column] > 0.5)
        // Fifty repeats add only bigram rows ("stolen stolen", "^ stolen", "stolen $"), which weigh nothing here.
        #expect(many[column] < once[column])
        #expect(many == Self.reference(model, Array(repeating: "stolen", count: 50).joined(separator: " ")))
    }

    @Test("base64 decoding of the weights literal agrees with Foundation, across line breaks and padding",
          arguments: [0, 1, 2, 3, 89, 90, 91, 92, 1000, 4099])
    func base64(length: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
        var lines: [Substring] = []
        var rest = Substring(encoded)
        while !rest.isEmpty {
            lines.append(rest.prefix(120))
            rest = rest.dropFirst(120)
        }
        #expect(try Base64.decode(lines.joined(separator: "\n") + "\n") == bytes)
        #expect(try Base64.decode(encoded) == bytes)
    }

    @Test("base64 with a character outside the alphabet is refused")
    func base64Invalid() {
        #expect(throws: EscalationModel.LoadError.self) { try Base64.decode("QUJD\nRE*G") }
        #expect(throws: EscalationModel.LoadError.self) { try Base64.decode("QUJDR") }
    }
}
