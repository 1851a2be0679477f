import Foundation
@testable import BatonCore

/// A tiny weights file built in the test, so rule, threshold and explanation tests do not depend on
/// what the shipped model happened to learn: every feature of each `cue` word pushes its label up.
enum SyntheticModel {
    /// `cues`: word → (label, int8 weight for each of the word's unigram and character n-gram rows).
    static func make(cues: [String: (ModelLabel, Int8)], bias: Double = -4, scale: Double = 0.02,
                     thresholds: [ModelLabel: Double] = [:], bits: Int = 12) throws -> EscalationModel {
        let labels = ModelLabel.allCases
        var weights = [Int8](repeating: 0, count: (1 << bits) * labels.count)
        let hasher = FeatureHasher(bits: bits)
        for (word, (label, weight)) in cues {
            let column = labels.firstIndex(of: label)!
            _ = hasher.forEachFeature(of: word) { row, group in
                if group == 0 { weights[row * labels.count + column] = weight }
            }
        }
        let header: [String: Any] = [
            "name": "synthetic", "version": 7, "feature_version": FeatureHasher.version, "bits": bits,
            "labels": labels.map(\.rawValue),
            "thresholds": labels.map { thresholds[$0] ?? 0.5 },
            "scales": labels.map { _ in scale }, "biases": labels.map { _ in bias },
            "validation": ["shipped": [String: Any](), "held_out": [Any](),
                           "out_of_fold": ["positives": 0, "benign": 0, "handoff_recalled": 0, "label_recalled": 0,
                                           "false_escalations": 0, "labels": [String: Any]()]],
        ]
        return try EscalationModel(bytes: file(header: header, weights: weights))
    }

    static func file(header: [String: Any], weights: [Int8]) throws -> [UInt8] {
        let json = try JSONSerialization.data(withJSONObject: header)
        var bytes = Array("BATONMDL".utf8)
        for value in [UInt32(1), UInt32(json.count)] {
            bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }
        bytes += Array(json)
        bytes += weights.map { UInt8(bitPattern: $0) }
        return bytes
    }
}
