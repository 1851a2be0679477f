/// Why the console cannot start.
public enum ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownAgent(String, known: [String])
    case notATerminal
    /// The supervisor view was asked for by an agent whose role is `agent`.
    case notSupervisor(String)
    case terminalInitFailed(String)

    public var description: String {
        switch self {
        case .unknownAgent(let id, let known):
            "no agent \(id) in the store" + (known.isEmpty ? " (no agents yet)" : " (known: \(known.joined(separator: ", ")))")
                + "; add yourself with `baton agent add \(id) --skills general`, pick one with --agent, or try `baton demo`"
        case .notSupervisor(let id):
            "\(id) is an agent; only a supervisor may open the supervisor view (rule supervisor_only); "
                + "a supervisor can run `baton agent add \(id) --role supervisor`"
        case .notATerminal: "the console needs an interactive terminal (stdin and stdout must be a tty)"
        case .terminalInitFailed(let detail): "cannot start the terminal: \(detail)"
        }
    }
}
