/// Storage faults, as opposed to lifecycle refusals (`LifecycleError`).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a Baton database; it was not touched.
    case notABatonDatabase(path: String)
    /// The database was written by a newer Baton.
    case schemaTooNew(found: Int, supported: Int)
    /// Opened read-only, the database has an older schema that only a read-write open can upgrade.
    case schemaTooOld(path: String, found: Int, current: Int)
    /// A change was asked of a store this process can only read (file permissions, a read-only mount).
    case readOnly(path: String)
    /// A process stopped in the middle of writing the store; a read-write open repairs it, a read-only one cannot.
    case needsRecovery(path: String)
    /// There is no store at the path, and the command only reads or works on an existing one.
    case noStore(path: String)
    /// The path names something that is not a regular file (a directory, a FIFO, a device).
    case notAFile(path: String, kind: String)
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
        case .schemaTooOld(let path, let found, let current):
            "\(path) has schema version \(found), older than this baton's \(current); run `baton init --db \(path)` with write access to upgrade it"
        case .readOnly(let path): "cannot change \(path): it is read-only for this user or on a read-only file system"
        case .needsRecovery(let path):
            "\(path) was left mid-write by a process that stopped; any command that changes it (or `baton init --db \(path)`) repairs it"
        case .noStore(let path): "no Baton store at \(path); `baton init --db \(path)` creates one"
        case .notAFile(let path, let kind): "\(path) is \(kind), not a database file; refusing to open it"
        case .busy(let path, let waited): "database \(path) is locked by another process (waited \(waited)s); try again"
        case .corrupt(let detail): "database is damaged: \(detail)"
        case .unreadable(let path, let detail): "cannot read \(path): \(detail)"
        case .invalidInput(let detail): "invalid input: \(detail)"
        }
    }
}
