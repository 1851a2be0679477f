import Foundation
import Testing
@testable import BatonCore

/// The Swift features and scores against the test vectors `tools/train/train.py` writes with the weights,
/// so the Python and Swift sides of FEATURES.md cannot drift apart.
@Suite("Feature agreement with the training script")
struct FeatureAgreementTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            var text: String
            var tokens: [String]
            var indices: [Int]
            var probabilities: [Double]
        }
        var feature_version: Int
        var bits: Int
        var labels: [String]
        var cases: [Case]
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func vectors() throws -> Vectors {
        let url = repositoryRoot.appendingPathComponent("tools/train/testvectors.json")
        return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("tokens match the Python tokeniser byte for byte")
    func tokens() throws {
        let vectors = try Self.vectors()
        #expect(vectors.feature_version == FeatureHasher.version)
        #expect(vectors.cases.count >= 10)
        for vector in vectors.cases {
            #expect(FeatureHasher.tokens(of: vector.text).map { Self.hex($0.bytes) } == vector.tokens, "\(vector.text)")
        }
    }

    @Test("feature rows match the Python hashing, repeats included")
    func indices() throws {
        let vectors = try Self.vectors()
        let hasher = FeatureHasher(bits: vectors.bits)
        for vector in vectors.cases {
            #expect(hasher.indices(of: vector.text) == vector.indices, "\(vector.text)")
        }
    }

    @Test("the shipped weights score the vectors as the training script did")
    func probabilities() throws {
        let vectors = try Self.vectors()
        let model = EscalationModel.shipped
        #expect(model.labels.map(\.rawValue) == vectors.labels)
        #expect(model.header.bits == vectors.bits)
        for vector in vectors.cases {
            let scores = model.probabilities(vector.text)
            #expect(scores.count == vector.probabilities.count)
            for (swift, python) in zip(scores, vector.probabilities) {
                #expect(abs(swift - python) < 1e-9, "\(vector.text): \(swift) vs \(python)")
            }
        }
    }

    @Test("tokens follow the documented rules")
    func documentedRules() {
        func words(_ text: String) -> [String] { FeatureHasher.tokens(of: text).map { String(decoding: $0.bytes, as: UTF8.self) } }
        #expect(words("HEEEELP pleaseeee") == ["heelp", "pleasee"])
        #expect(words("Ação, déjà vu, Straße") == ["acao", "deja", "vu", "strasse"])
        #expect(words("Cafe\u{301}") == ["cafe"])
        #expect(words("don’t can't") == ["dont", "cant"])
        #expect(words("80 laptops, 1,000") == ["00", "laptops", "0", "00"])
        #expect(words("what??? no!!") == ["what", "?", "no", "!"])
        #expect(words("😡👎🏽") == ["😡", "👎"])
        #expect(words("e-mail, log-in - x- -y 3-d") == ["email", "login", "x", "y", "0d"])
        #expect(words(String(repeating: "a ", count: 300)).count == 128)
    }
}
