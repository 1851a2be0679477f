import Foundation

/// Edits text in the user's `$EDITOR` (or `$VISUAL`, else `vi`) through a private temp file.
enum ExternalEditor {
    /// Returns the edited text, or nil if the editor could not run or failed.
    static func edit(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("baton-reply-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        // Owner-only: the reply may quote customer data.
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments ("code -w"); the path is passed as $1, never spliced.
        process.arguments = ["-c", editor + " \"$1\"", "baton-editor", file.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
