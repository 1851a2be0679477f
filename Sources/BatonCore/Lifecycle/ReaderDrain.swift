/// Whether what was written to a pipe or socket has reached its reader, decided from two looks at the channel:
/// whether the reader has closed its end, and how many written bytes it has not taken yet.
///
/// The order of the two looks matters. Bytes left unread stay in the channel once the reader has gone, so
/// "nothing unread" after "reader gone" means the reader took everything before it left. Looked at the other way
/// round, a reader that takes the last message and exits between the two looks would be reported as gone and its
/// message left unacknowledged, to be delivered twice.
public enum ReaderDrain {
    public enum Outcome: Sendable, Equatable {
        /// The reader has taken every byte written.
        case taken
        /// The reader closed its end with bytes still unread.
        case readerGone
        /// The reader is still there and has bytes left to take: look again later.
        case waiting
    }

    /// One look at the channel: `readerGone` is asked first, then `unread`.
    public static func look(readerGone: () -> Bool, unread: () -> Int) -> Outcome {
        let gone = readerGone()
        if unread() == 0 { return .taken }
        return gone ? .readerGone : .waiting
    }
}
