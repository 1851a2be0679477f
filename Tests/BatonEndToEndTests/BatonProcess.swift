import Foundation

/// Runs the real `baton` binary, as a user or a script would.
struct BatonProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The built binary; `swift build` before `swift test` puts it here.
    static var executable: URL {
        get throws {
            let candidates = ["debug", "release"].map { packageRoot.appendingPathComponent(".build/\($0)/baton") }
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw SetupError("baton binary not found under .build/; run `swift build` before `swift test`")
            }
            return found
        }
    }

    /// Copies the built binary to `path` with `/bin/cp`, so the copy is never open for writing in this process:
    /// a file copied in-process can be inherited, still open, by a child another test spawns at that moment,
    /// and running the copy then fails with "Text file busy" (ETXTBSY).
    static func copyExecutable(to path: String) throws {
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [try executable.path, path]
        try copy.run()
        copy.waitUntilExit()
        guard copy.terminationStatus == 0 else { throw SetupError("cp of the baton binary to \(path) failed") }
    }

    static var devSet: URL { packageRoot.appendingPathComponent("../shared/eval/dev.jsonl").standardized }

    /// Runs `baton arguments…` with `input` on standard input and the given environment additions.
    /// Standard streams go through temporary files so large inputs and outputs never block on a pipe.
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let scratch = try TemporaryDirectory()
        let inPath = scratch.path("stdin"), outPath = scratch.path("stdout"), errPath = scratch.path("stderr")
        _ = FileManager.default.createFile(atPath: inPath, contents: input ?? Data())
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle(forReadingAtPath: inPath)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }
}

struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A temporary directory removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("baton-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
