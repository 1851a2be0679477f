import Foundation

/// A real terminal for end-to-end tests: tmux runs a command, `send-keys` types, `capture-pane` reads.
///
/// Each session lives on its own tmux server socket so tests never see each other's windows.
final class TmuxSession {
    let socket = "baton-e2e-\(UUID().uuidString.prefix(8))"
    let name = "t"
    /// Keys sent so far (`press` counts each key, `type` each character), for the agent-speed figures.
    private(set) var keys = 0

    /// Starts `command` in a shell in a `columns`×`rows` window. After the command exits the shell
    /// prints `EXITED <status>` and the terminal settings, so tests can check the terminal was restored.
    init(command: String, columns: Int, rows: Int) throws {
        // Status and terminal modes go on one line, so whoever sees "EXITED" sees the modes too.
        let script = "\(command); code=$?; modes=$(stty -a | tr ';' '\\n' | grep -E -o '(-)?(icanon|echo)( |$)' | tr -d ' ' | tr '\\n' ' '); echo \"EXITED $code $modes\"; sleep 600"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", "bash", "--norc", "--noprofile", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Runs `tmux -L socket arguments…` and returns what it printed.
    ///
    /// Spawned with posix_spawn and reaped with waitpid rather than Foundation's `Process`: the tmux
    /// server that `new-session` starts inherits the child's descriptors, and `Process` waits for those
    /// to close, which a server never does.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        // Test threads may block signals; give tmux (and so the programs it runs) a clean mask and
        // default handlers, as a login shell would.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environment)
        guard spawned == 0 else { throw SetupError("cannot start tmux (error \(spawned)); is it installed?") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
        // WIFEXITED && WEXITSTATUS == 0, spelled out because the C macros are not imported.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw SetupError("tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// Named keys such as `Enter`, `Escape`, `Down`, or single characters.
    func press(_ keys: String...) throws {
        for key in keys {
            try tmux(["send-keys", "-t", name, key])
            self.keys += 1
        }
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
        keys += text.count
    }

    /// Starts counting keys from zero.
    func resetKeyCount() { keys = 0 }

    /// The screen as text; with `escapes`, with the colour and attribute sequences (`capture-pane -e`).
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", name])
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Waits until the screen satisfies `condition`; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }
}
