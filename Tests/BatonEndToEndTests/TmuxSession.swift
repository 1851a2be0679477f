import Foundation

/// A real terminal for end-to-end tests: tmux runs a command, `send-keys` types, `capture-pane` reads.
///
/// Each session lives on its own tmux server socket so tests never see each other's windows.
final class TmuxSession {
    let socket = "baton-e2e-\(UUID().uuidString.prefix(8))"
    let name = "t"

    /// Starts `command` in a shell in a `columns`×`rows` window. After the command exits the shell
    /// prints `EXITED <status>` and the terminal settings, so tests can check the terminal was restored.
    init(command: String, columns: Int, rows: Int) throws {
        let script = "\(command); echo EXITED $?; stty -a | tr ';' '\\n' | grep -E -o '(-)?(icanon|echo)( |$)' | tr -d ' ' | tr '\\n' ' '; echo; sleep 600"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", "bash", "--norc", "--noprofile", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw SetupError("tmux \(arguments.joined(separator: " ")) failed: \(text)") }
        return text
    }

    /// Named keys such as `Enter`, `Escape`, `Down`, or single characters.
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Waits until the screen satisfies `condition`; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }
}
