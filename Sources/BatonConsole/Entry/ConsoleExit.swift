/// How the console loop ended, so the CLI can choose its exit status.
public enum ConsoleExit: Sendable, Equatable {
    /// The agent pressed `q`.
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived; conventionally exit with 128 + the number.
    case signal(Int32)
}
