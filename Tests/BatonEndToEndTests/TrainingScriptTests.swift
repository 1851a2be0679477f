import BatonCore
import Foundation
import Testing

/// `tools/train/train.py` run for real on a small sample: it must run, and what it writes must load in
/// Swift and score exactly as the script says (the test vectors it writes with the weights).
@Suite("Training script", .serialized)
struct TrainingScriptTests {
    /// The Python of `.venv-ci` (created by `.ci/run` with tools/train/requirements.txt), or $BATON_TRAIN_PYTHON.
    static func python() throws -> String {
        if let custom = ProcessInfo.processInfo.environment["BATON_TRAIN_PYTHON"], !custom.isEmpty { return custom }
        let path = BatonProcess.packageRoot.appendingPathComponent(".venv-ci/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SetupError("no Python for the training script at \(path): run .ci/run, or python3 -m venv .venv-ci && .venv-ci/bin/pip install -r tools/train/requirements.txt")
        }
        return path
    }

    static func run(_ arguments: [String]) throws -> BatonProcess.Result {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path("out"), errPath = scratch.path("err")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [BatonProcess.packageRoot.appendingPathComponent("tools/train/train.py").path] + arguments
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        return BatonProcess.Result(status: process.terminationStatus,
                                   stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                                   stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    struct Vectors: Decodable {
        struct Case: Decodable {
            var text: String
            var indices: [Int]
            var probabilities: [Double]
        }
        var bits: Int
        var cases: [Case]
    }

    @Test("retraining on a small sample writes weights that load and score as the script computed")
    func retrainOnASample() throws {
        let directory = try TemporaryDirectory()
        let weights = directory.path("model.bin"), vectors = directory.path("vectors.json"), report = directory.path("report.md")
        // A file as `baton export-training` writes it is taken as extra input.
        let extra = directory.path("export.jsonl")
        try (#"{"text":"necesito que me llame una persona de verdad","labels":["explicit_request"],"lang":"es","domain":"export","hard":false}"#
            + "\n" + #"{"text":"gracias, ya lo resolvi","labels":[],"lang":"es","domain":"export","hard":false}"# + "\n")
            .write(toFile: extra, atomically: true, encoding: .utf8)
        let result = try Self.run(["--sample", "1500", "--no-heldout", "--out", weights, "--vectors", vectors, "--report", report,
                                   "--extra", extra])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 exported examples"))
        let model = try EscalationModel(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: weights))))
        #expect(model.identifier == EscalationModel.shipped.identifier)
        #expect(model.labels == ModelLabel.allCases)
        #expect(model.thresholds.allSatisfy { $0 > 0 && $0 < 1 })
        let cases = try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: URL(fileURLWithPath: vectors)))
        let hasher = FeatureHasher(bits: cases.bits)
        #expect(!cases.cases.isEmpty)
        for vector in cases.cases {
            #expect(hasher.indices(of: vector.text) == vector.indices, "\(vector.text)")
            for (swift, python) in zip(model.probabilities(vector.text), vector.probabilities) {
                #expect(abs(swift - python) < 1e-9, "\(vector.text)")
            }
        }
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("Out-of-fold") && text.contains("| explicit_request |"))
    }

    @Test("the script refuses to train on the evaluation folder")
    func refusesTheDevSet() throws {
        let eval = BatonProcess.devSet.deletingLastPathComponent().path
        let result = try Self.run(["--shared", eval, "--no-heldout", "--out", "/dev/null", "--vectors", "", "--report", ""])
        #expect(result.status != 0)
        #expect(result.stderr.contains("evaluation"))
    }
}
