/// Storage faults, as opposed to lifecycle refusals (`LifecycleError`).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a Baton database; it was not touched.
    case notABatonDatabase(path: String)
    /// The database was written by a newer Baton.
    case schemaTooNew(found: Int, supported: Int)
    /// Another process held the database lock past the busy timeout.
    case busy(path: String, waited: Double)
    case corrupt(String)
    /// The file could not be read at all (permissions, a directory, ...).
    case unreadable(path: String, detail: String)
    /// An argument was rejected before touching the database; the text names the field and the value.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .notABatonDatabase(let path): "\(path) is not a Baton database; refusing to touch it"
        case .schemaTooNew(let found, let supported):
            "database schema version \(found) is newer than this baton supports (\(supported)); upgrade baton"
        case .busy(let path, let waited): "database \(path) is locked by another process (waited \(waited)s); try again"
        case .corrupt(let detail): "database is damaged: \(detail)"
        case .unreadable(let path, let detail): "cannot read \(path): \(detail)"
        case .invalidInput(let detail): "invalid input: \(detail)"
        }
    }
}
