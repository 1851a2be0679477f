/// Why the console cannot start.
public enum ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownAgent(String, known: [String])
    case notATerminal
    case terminalInitFailed(String)

    public var description: String {
        switch self {
        case .unknownAgent(let id, let known):
            "no agent \(id) in the store" + (known.isEmpty ? " (no agents yet)" : " (known: \(known.joined(separator: ", ")))")
                + "; add yourself with `baton agent add \(id) --skills general`, pick one with --agent, or try `baton demo`"
        case .notATerminal: "the console needs an interactive terminal (stdin and stdout must be a tty)"
        case .terminalInitFailed(let detail): "cannot start the terminal: \(detail)"
        }
    }
}
