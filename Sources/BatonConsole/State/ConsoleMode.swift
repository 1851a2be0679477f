/// Which of the two screens is showing.
public enum ConsoleMode: String, Sendable, Equatable {
    case agent
    case supervisor
}
