import Foundation
import Glibc

/// Edits text in the user's `$VISUAL` or `$EDITOR` (else `vi`) through a private temp file.
///
/// The editor gets the terminal: it runs in its own process group, made the terminal's foreground group
/// for as long as it runs, as a shell does for a job. (Run in the background, an interactive editor
/// reading the terminal is stopped or quits at once.) The console's group gets the terminal back afterwards.
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
        // The editor setting may carry arguments ("code -w"); the path is passed as $1, never spliced.
        guard let status = runInForeground(["/bin/sh", "-c", editor + " \"$1\"", "baton-editor", file.path], environment: environment),
              status == 0, let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `arguments` as a foreground job of the terminal on standard input and returns its exit status
    /// (nil if it could not start or was killed by a signal).
    static func runInForeground(_ arguments: [String], environment: [String: String]) -> Int32? {
        let terminal = STDIN_FILENO
        let hasTerminal = isatty(terminal) == 1
        let consoleGroup = hasTerminal ? tcgetpgrp(terminal) : -1

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own, and default signal handling and an empty mask: the console's handlers and
        // blocked signals must not leak into the editor (Ctrl-C, Ctrl-Z, SIGWINCH are the editor's now).
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        // Handing the terminal over and back is done from what may be a background group: SIGTTOU would
        // stop the console, so it is ignored meanwhile.
        let previousTTOU = signal(SIGTTOU, SIG_IGN)
        defer { signal(SIGTTOU, previousTTOU) }

        var pid = pid_t()
        guard posix_spawn(&pid, arguments[0], nil, &attributes, argv, envp) == 0 else { return nil }
        // Both parent and child set the group (the child may not have run yet), then hand over the terminal.
        setpgid(pid, pid)
        if hasTerminal { tcsetpgrp(terminal, pid) }
        defer { if hasTerminal, consoleGroup > 0 { tcsetpgrp(terminal, consoleGroup) } }

        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WUNTRACED)
            if waited == -1 {
                if errno == EINTR { continue }
                return nil
            }
            // Stopped (Ctrl-Z in the editor): the console has no job control to offer, so it carries on.
            if status & 0xFF == 0x7F {
                if hasTerminal { tcsetpgrp(terminal, pid) }
                kill(-pid, SIGCONT)
                continue
            }
            break
        }
        // WIFEXITED / WEXITSTATUS, spelled out because the C macros are not imported.
        guard status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }
}
