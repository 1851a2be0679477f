import Foundation
import Testing
@testable import BatonCore

/// The weights shipped in the binary: they load, fit the size budget, and reproduce the figures recorded
/// with them on the hand-written examples and the public training sets (../shared/train).
@Suite("Shipped escalation model")
struct ShippedModelTests {
    static let root = FeatureAgreementTests.repositoryRoot

    @Test("the shipped weights load, name themselves and stay within 4 MB")
    func loads() throws {
        let model = EscalationModel.shipped
        #expect(model.identifier == "baton-escalation-v\(model.version)")
        #expect(model.labels == ModelLabel.allCases)
        #expect(model.thresholds.allSatisfy { $0 > 0 && $0 < 1 })
        let source = Self.root.appendingPathComponent("Sources/BatonCore/Model/EscalationWeights.swift")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int)
        #expect(size <= 4_000_000)
    }

    struct Example {
        var text: String
        var labels: [String]
    }

    /// Per-label and overall figures of the shipped model on `examples`, as train.py counts them.
    static func figures(_ examples: [Example]) -> EscalationModel.Figures {
        let model = EscalationModel.shipped
        var labels = Dictionary(uniqueKeysWithValues: model.labels.map {
            ($0.rawValue, EscalationModel.LabelFigures(positives: 0, recalled: 0, false: 0))
        })
        var figures = EscalationModel.Figures(positives: 0, benign: 0, handoffRecalled: 0, labelRecalled: 0,
                                              falseEscalations: 0, labels: [:])
        var scores = [Double](repeating: 0, count: model.labels.count)
        for example in examples {
            model.probabilities(example.text, into: &scores)
            let fired = model.labels.indices.filter { scores[$0] >= model.thresholds[$0] }.map { model.labels[$0].rawValue }
            let benign = example.labels.isEmpty
            if benign {
                figures.benign += 1
                if !fired.isEmpty { figures.falseEscalations += 1 }
            } else {
                figures.positives += 1
                if !fired.isEmpty { figures.handoffRecalled += 1 }
                if fired.contains(where: example.labels.contains) { figures.labelRecalled += 1 }
            }
            for label in model.labels.map(\.rawValue) {
                if example.labels.contains(label) {
                    labels[label]!.positives += 1
                    if fired.contains(label) { labels[label]!.recalled += 1 }
                }
                if benign && fired.contains(label) { labels[label]!.false += 1 }
            }
        }
        figures.labels = labels
        return figures
    }

    static func handWritten() throws -> [Example] {
        let folder = root.appendingPathComponent("tools/train/examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var examples: [Example] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                examples.append(Example(text: try #require(object["text"] as? String), labels: object["labels"] as? [String] ?? []))
            }
        }
        return examples
    }

    @Test("the recorded figures on the hand-written examples are reproduced from the shipped weights")
    func handWrittenFigures() throws {
        let recorded = try #require(EscalationModel.shipped.header.validation.shipped["hand"])
        let examples = try Self.handWritten()
        #expect(examples.count == recorded.positives + recorded.benign,
                "the examples changed since the weights were trained: run tools/train/train.py")
        #expect(Self.figures(examples) == recorded)
    }

    /// The intent → label mapping recorded in the weights file ("" negative, null left out).
    static func mapping(_ source: String) throws -> [String: String?] {
        let model = EscalationModel.shipped
        let data = try #require(model.header.sources?[source])
        return data
    }

    @Test("the recorded figures on BANKING77 and CLINC150 are reproduced from the shipped weights")
    func publicFigures() throws {
        let shared = Self.root.deletingLastPathComponent().appendingPathComponent("shared/train")
        let banking = try Self.mapping("banking77")
        var examples: [Example] = []
        let rows = try CSV.rows(String(contentsOf: shared.appendingPathComponent("banking77-train.csv"), encoding: .utf8))
        for row in rows.dropFirst() where row.count == 2 {
            let label: String? = banking[row[1]] ?? ""
            guard let label else { continue }
            examples.append(Example(text: row[0], labels: label.isEmpty ? [] : [label]))
        }
        #expect(Self.figures(examples) == EscalationModel.shipped.header.validation.shipped["banking77"])
        let clinc = try Self.mapping("clinc150")
        examples = []
        let lines = try String(contentsOf: shared.appendingPathComponent("clinc150-train.jsonl"), encoding: .utf8)
        for line in lines.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let label: String? = clinc[object["intent"] as? String ?? ""] ?? ""
            guard let label else { continue }
            examples.append(Example(text: object["text"] as? String ?? "", labels: label.isEmpty ? [] : [label]))
        }
        #expect(Self.figures(examples) == EscalationModel.shipped.header.validation.shipped["clinc150"])
    }
}

/// RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks.
enum CSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", let following = next(), following != "\n" { pending = following }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
